/**
 * Demo medical claims for `taizhang demo`: deterministic from the seed (people taken in ID-number
 * order), dated through 2019 and 2020, typed mostly as the policy proposes with some differences
 * and some over the ceiling, so the grid, the review and the report have something to show.
 * Written through the same checks as the form.
 */
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import { enums } from '../../../shared/domain/enums.js';
import { AppError } from '../../../shared/domain/app-error.js';
import type { ServiceContext } from '../context.js';
import { lookupsOn, proposalFor, PolicyCache } from './claim-check.js';
import { fieldOf } from './claim-mapping.js';
import { writeClaim } from './claim-service.js';

const HOSPITALS = [
  ['镇卫生院', 'township'], ['县人民医院', 'county'], ['县中医院', 'county'], ['市人民医院', 'city'], ['省立医院', 'provincial'],
] as const;
const DIAGNOSES = ['I63.9 脑梗死', 'E11.9 2型糖尿病', 'I10 高血压', 'J44.9 慢性阻塞性肺病', 'C34.9 肺癌', 'N18.9 慢性肾病', 'K80.2 胆囊结石'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About one person in six gets one to three claims a year. Returns how many were written. */
export async function generateDemoClaims(ctx: ServiceContext, options: { seed?: number; batchSize?: number } = {}): Promise<number> {
  const rnd = random((options.seed ?? 1) * 7919 + 3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const persons = await ctx.db.all<{ id: string }>('SELECT id FROM person WHERE deleted_at IS NULL ORDER BY id_number');
  const chosen = persons.filter(() => rnd() < 1 / 6);
  const policies = new PolicyCache(ctx.db);
  let written = 0;
  let invoice = 0;
  const batch = options.batchSize ?? 200;
  for (let start = 0; start < chosen.length; start += batch) {
    await ctx.db.transaction(async (tx) => {
      const lookups = { ...lookupsOn(tx), rules: (year: number) => policies.get(year) };
      for (const person of chosen.slice(start, start + batch)) {
        for (const year of [2019, 2020]) {
          const stays = 1 + Math.floor(rnd() * 3);
          // In date order, so each proposal sees the earlier ones.
          const days = Array.from({ length: stays }, () => Math.floor(rnd() * 330)).sort((a, b) => a - b);
          for (const [k, day] of days.entries()) {
            const rules = await policies.get(year);
            if (!rules) continue;
            const admission = new Date(Date.UTC(year, 0, 1 + day + k));
            const visitType = rnd() < 0.7 ? 'inpatient' : pick(enums.visitType);
            const discharge = new Date(admission.getTime() + (visitType === 'inpatient' ? 86_400_000 * (1 + Math.floor(rnd() * 14)) : 0));
            const [hospitalName, hospitalLevel] = pick(HOSPITALS);
            const totalCost = visitType === 'general_outpatient' ? 2_000 + Math.floor(rnd() * 50_000) : 50_000 + Math.floor(rnd() * 6_000_000);
            const draft: MedicalClaimDraft = {
              personId: person.id, visitType, hospitalName, hospitalLevel,
              admissionDate: admission.toISOString().slice(0, 10), dischargeDate: discharge.toISOString().slice(0, 10),
              diagnosis: pick(DIAGNOSES), totalCost, inScopeCost: Math.floor(totalCost * (0.8 + rnd() * 0.18)),
              basicInsurance: null, criticalIllness: null, hospitalWaiver: null, medicalAssistance: null, supplementaryCommercial: null,
              catastrophicReassistance: null, accidentInsurance: rnd() < 0.05 ? Math.floor(rnd() * 200_000) : null,
              invoiceNo: `DEMO${year}${String(++invoice).padStart(7, '0')}`, settlementDate: discharge.toISOString().slice(0, 10), policyYear: null,
            };
            const proposed = await proposalFor(lookups, draft, rules);
            if (!proposed) throw new AppError('internal', 'internal');
            for (const layer of proposed.proposal.layers) {
              // Most slips agree with the policy; some layer was paid short on about one in ten.
              const short = rnd() < 0.1 ? Math.floor(layer.proposedFen * rnd()) : 0;
              draft[fieldOf(layer.code)] = layer.proposedFen - short;
            }
            await writeClaim(tx, ctx, draft, lookups);
            written++;
          }
        }
      }
    });
  }
  return written;
}
