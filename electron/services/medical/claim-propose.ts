/**
 * The live proposal while a claim is being typed: whatever is known so far gives the policy
 * year, the calculator's amounts and what saving would say. Missing fields are not errors here.
 */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import { claimPolicyYear } from '../../../shared/domain/medical/claim-dates.js';
import { selfPayFen, selfShare } from '../../../shared/domain/medical/self-pay.js';
import type { ServiceContext } from '../context.js';
import { evaluateClaim, lookupsOn, proposalFor } from './claim-check.js';
import { draftLayers, fieldOf, proposalFields } from './claim-mapping.js';
import { duplicateIssues, normaliseDraft } from './claim-service.js';

type Input = MethodArgs<'medical/propose'>;
type Output = MethodOutput<'medical/propose'>;

const isFen = (v: number | null): v is number => v !== null && Number.isSafeInteger(v) && v >= 0;

export async function proposeClaim(ctx: ServiceContext, input: Input): Promise<Output> {
  const conn = ctx.db.reader;
  const lookups = lookupsOn(conn);
  const dischargeDate = input.dischargeDate ?? input.admissionDate;
  const year = dischargeDate ? claimPolicyYear({ dischargeDate, policyYear: input.policyYear }) : input.policyYear;
  const rules = year === null ? null : await lookups.rules(year);
  const typed = Object.values(draftLayers(input));
  const typedOk = typed.every((v) => Number.isSafeInteger(v) && v >= 0);

  const out: Output = {
    policyYear: year,
    layerFields: rules ? rules.layers.map((l) => fieldOf(l.code)) : [],
    personalShareCeilingBp: rules?.personalShareCeilingBp ?? null,
    proposal: null,
    selfPay: isFen(input.totalCost) && typedOk ? selfPayFen(input.totalCost, typed) : null,
    inScopeSelfPay: null,
    selfShareBp: null,
    overCeiling: false,
    errors: [],
    warnings: [],
  };
  if (rules && isFen(input.inScopeCost) && typedOk) {
    const share = selfShare(input.inScopeCost, typed, rules.personalShareCeilingBp);
    Object.assign(out, { inScopeSelfPay: share.inScopeSelfPayFen, selfShareBp: share.selfShareBp, overCeiling: share.overCeiling });
  }

  // The full check once the fields saving needs are all there.
  if (!input.personId || !input.visitType || !input.admissionDate || !dischargeDate || input.totalCost === null || input.inScopeCost === null) {
    return out;
  }
  const draft: MedicalClaimDraft = normaliseDraft({
    id: input.claimId ?? undefined, personId: input.personId, visitType: input.visitType, hospitalName: input.hospitalName ?? '',
    hospitalLevel: input.hospitalLevel, admissionDate: input.admissionDate, dischargeDate, diagnosis: null,
    totalCost: input.totalCost, inScopeCost: input.inScopeCost,
    basicInsurance: input.basicInsurance, criticalIllness: input.criticalIllness, hospitalWaiver: input.hospitalWaiver,
    medicalAssistance: input.medicalAssistance, supplementaryCommercial: input.supplementaryCommercial,
    catastrophicReassistance: input.catastrophicReassistance, accidentInsurance: null,
    invoiceNo: input.invoiceNo, settlementDate: null, policyYear: input.policyYear,
  });
  const evaluation = await evaluateClaim(lookups, draft);
  out.errors = evaluation.errors;
  if (draft.hospitalName) out.errors.push(...(await duplicateIssues(conn, draft)));
  out.warnings = evaluation.warnings;
  if (rules && evaluation.errors.every((e) => e.field !== 'personId' && !e.field.endsWith('Date'))) {
    const proposed = await proposalFor(lookups, draft, rules);
    if (proposed) {
      const p = proposed.proposal;
      out.proposal = {
        layers: p.layers.map((l) => ({ ...l, field: fieldOf(l.code) })),
        amounts: proposalFields(p),
        layersTotalFen: p.layersTotalFen,
        selfPayFen: p.selfPayFen,
        inScopeSelfPayFen: p.inScopeSelfPayFen,
        selfShareBp: p.selfShareBp,
        overCeiling: p.overCeiling,
        priorClaims: proposed.priorClaims,
      };
    }
  }
  return out;
}
