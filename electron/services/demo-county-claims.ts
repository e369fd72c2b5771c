/**
 * Medical claims at county scale, as the rows of the standard medical sheet: a township's
 * settlement slips for 2019-2021, deterministic from a seed, with exactly `count` rows spread over
 * the given people. Each person's claims are dated apart and typed as the policy proposes from
 * that person's earlier claims of the year (about one slip in ten pays some layer short), so the
 * sheet imports cleanly through the checked import and its warnings are the realistic ones.
 */
import { formatYuan } from '../../shared/domain/money.js';
import { proposeLayers, type PriorClaim } from '../../shared/domain/medical/layer-calculator.js';
import type { PolicyYearRules } from '../../shared/domain/medical/policy.js';
import type { HospitalLevel, VisitType } from '../../shared/domain/enums.js';
import type { Cell } from '../sheets/write-sheet.js';
import { enumLabel } from './sheet-cells.js';
import { medicalSheetColumns } from './medical/medical-sheet.js';

export const COUNTY_CLAIM_YEARS = [2019, 2020, 2021] as const;

const HOSPITALS: readonly [string, HospitalLevel][] = [
  ['镇卫生院', 'township'], ['县人民医院', 'county'], ['县中医院', 'county'], ['市人民医院', 'city'], ['省立医院', 'provincial'],
];
const DIAGNOSES = ['I63.9 脑梗死', 'E11.9 2型糖尿病', 'I10 高血压', 'J44.9 慢性阻塞性肺病', 'C34.9 肺癌', 'N18.9 慢性肾病', 'K80.2 胆囊结石'];

export interface Claimant {
  idNumber: string;
  name: string;
}

/** mulberry32, as in demo-data.ts. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ClaimRowOptions {
  count: number;
  seed: number;
  /** Prefix of every invoice number: unique per township keeps the county free of clashes. */
  invoicePrefix: string;
  rules: ReadonlyMap<number, PolicyYearRules>;
}

const DAY = 86_400_000;

/** Rows in the column order of `medicalSheetColumns`, grouped by person, each person's in date order. */
export function* countyClaimRows(people: readonly Claimant[], options: ClaimRowOptions): Generator<Cell[]> {
  if (people.length === 0 || options.count <= 0) return;
  const rnd = seededRandom(options.seed * 7919 + 11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const keys = medicalSheetColumns.map((c) => c.key);
  const yuan = (fen: number | null) => (fen === null ? null : formatYuan(fen));
  let invoice = 0;
  for (let p = 0; p < people.length; p++) {
    // An even share each, the remainder to the first people: exactly `count` rows.
    const share = Math.floor(options.count / people.length) + (p < options.count % people.length ? 1 : 0);
    if (share === 0) continue;
    const person = people[p]!;
    const perYear = COUNTY_CLAIM_YEARS.map((_, y) => Math.floor(share / COUNTY_CLAIM_YEARS.length) + (y < share % COUNTY_CLAIM_YEARS.length ? 1 : 0));
    for (const [y, year] of COUNTY_CLAIM_YEARS.entries()) {
      const rules = options.rules.get(year);
      const n = perYear[y]!;
      if (!rules || n === 0) continue;
      // Distinct admission days in date order, each stay over before the next begins.
      const slot = Math.max(1, Math.floor(350 / n));
      const priors: PriorClaim[] = [];
      for (let k = 0; k < n; k++) {
        const admission = new Date(Date.UTC(year, 0, 1 + k * slot + Math.floor(rnd() * Math.max(1, slot - 1))));
        const visitType: VisitType = rnd() < 0.7 ? 'inpatient' : pick(['chronic_outpatient', 'general_outpatient'] as const);
        const stay = visitType === 'inpatient' ? Math.min(slot - 1, 1 + Math.floor(rnd() * 14)) : 0;
        const discharge = new Date(admission.getTime() + Math.max(0, stay) * DAY);
        const [hospitalName, hospitalLevel] = pick(HOSPITALS);
        const totalFen = visitType === 'general_outpatient' ? 2_000 + Math.floor(rnd() * 50_000) : 50_000 + Math.floor(rnd() * 6_000_000);
        const inScopeFen = Math.floor(totalFen * (0.8 + rnd() * 0.18));
        const proposal = proposeLayers({ rules, claim: { visitType, hospitalLevel, totalFen, inScopeFen }, priorClaims: priors });
        const layers: Record<string, number> = {};
        for (const layer of proposal.layers) {
          const short = rnd() < 0.1 ? Math.floor(layer.proposedFen * rnd()) : 0;
          layers[layer.code] = layer.proposedFen - short;
        }
        priors.push({ visitType, hospitalLevel, inScopeFen, layers });
        const date = (d: Date) => d.toISOString().slice(0, 10);
        const cells: Record<string, Cell> = {
          idNumber: person.idNumber, personName: person.name, visitType: enumLabel('visitType', visitType), hospitalName,
          hospitalLevel: enumLabel('hospitalLevel', hospitalLevel), admissionDate: date(admission), dischargeDate: date(discharge),
          diagnosis: pick(DIAGNOSES), totalCost: yuan(totalFen), inScopeCost: yuan(inScopeFen),
          basicInsurance: yuan(layers.basic_insurance ?? null), criticalIllness: yuan(layers.critical_illness ?? null),
          hospitalWaiver: yuan(layers.hospital_waiver ?? null), medicalAssistance: yuan(layers.medical_assistance ?? null),
          supplementaryCommercial: yuan(layers.supplementary_commercial ?? null), catastrophicReassistance: yuan(layers.catastrophic_reassistance ?? null),
          accidentInsurance: rnd() < 0.05 ? yuan(Math.floor(rnd() * 200_000)) : null,
          invoiceNo: `${options.invoicePrefix}${year}${String(++invoice).padStart(7, '0')}`, settlementDate: date(discharge),
        };
        yield keys.map((key) => cells[key] ?? null);
      }
    }
  }
}

export const medicalSheetHeaders = (): string[] => medicalSheetColumns.map((c) => c.header);
