/**
 * Six-layer medical reimbursements (健康扶贫 六重保障): one claim = one visit or stay (one 人次)
 * of one person, copied from the hospital's one-stop settlement slip.
 *
 * Every amount crossing this API is in integer fen (分). Amount fields are named like the field
 * paths of the issues the domain reports (`totalCost`, `inScopeCost`, `basicInsurance` … from
 * LAYER_FIELD, `selfPay`), so the UI can put an error on the cell it belongs to. Amounts are
 * accepted as any finite number and checked by the domain, so a fraction of a fen comes back as
 * `medical.notWholeFen` on its field rather than as a schema error.
 */
import { z } from 'zod';
import { method } from './define.js';
import { enumOf, fieldIssue, fileDownload, ok, optionalText, recordId, rowVersion, villageCode } from './common.js';
import { reviewState } from './review.js';

/** YYYY-MM-DD; whether it is a real day is the domain's check. */
export const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/);

const fenAmount = z.number().finite();
const optionalFen = fenAmount.nullable().default(null);

/** The six layers as fields (same order as the 2020 policy); null = left empty. */
export const layerAmounts = z.object({
  basicInsurance: optionalFen,
  criticalIllness: optionalFen,
  hospitalWaiver: optionalFen,
  medicalAssistance: optionalFen,
  supplementaryCommercial: optionalFen,
  catastrophicReassistance: optionalFen,
});
export type LayerAmountFields = z.output<typeof layerAmounts>;
export const layerFieldNames = Object.keys(layerAmounts.shape) as (keyof LayerAmountFields)[];

/** What the clerk types from the slip. */
export const medicalClaimDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  personId: recordId,
  visitType: enumOf('visitType'),
  hospitalName: z.string().trim().min(1).max(100),
  hospitalLevel: enumOf('hospitalLevel').nullable().default(null),
  admissionDate: isoDate,
  dischargeDate: isoDate,
  /** Free text, optionally starting with an ICD-10 code. Personal data. */
  diagnosis: optionalText(200),
  totalCost: fenAmount,
  inScopeCost: fenAmount,
  ...layerAmounts.shape,
  /** 意外伤害保险: reported apart from the six layers, not part of the calculator. */
  accidentInsurance: optionalFen,
  invoiceNo: optionalText(50),
  settlementDate: isoDate.nullable().default(null),
  /** Defaults to the year of the discharge date; both dates must lie inside it. */
  policyYear: z.number().int().min(2000).max(2100).nullable().default(null),
});
export type MedicalClaimDraft = z.output<typeof medicalClaimDraft>;
export type MedicalClaimDraftInput = z.input<typeof medicalClaimDraft>;

/** The calculator's proposal per layer field; null = the policy year has no such layer. */
export const layerProposal = z.object({
  basicInsurance: z.number().int().nullable(),
  criticalIllness: z.number().int().nullable(),
  hospitalWaiver: z.number().int().nullable(),
  medicalAssistance: z.number().int().nullable(),
  supplementaryCommercial: z.number().int().nullable(),
  catastrophicReassistance: z.number().int().nullable(),
});
export type LayerProposalFields = z.output<typeof layerProposal>;

/** Derived from the typed amounts. */
const derivedAmounts = {
  /** 个人自付 = total − all six layers (accident insurance apart), never negative. */
  selfPay: z.number().int(),
  /** In-scope cost − all six layers, never negative: what the ceiling is measured on. */
  inScopeSelfPay: z.number().int(),
  /** inScopeSelfPay / inScopeCost in basis points (1000 = 10 %). */
  selfShareBp: z.number().int(),
  overCeiling: z.boolean(),
};

const personColumns = {
  personId: recordId,
  personName: z.string(),
  idNumberMasked: z.string(),
  householdId: recordId,
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
};

const reviewColumns = {
  reviewState,
  reviewReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
};

/** A saved claim with its person, the stored proposal and warnings. */
export const medicalClaim = medicalClaimDraft.extend({
  id: recordId,
  rowVersion,
  policyYear: z.number().int(),
  hospitalLevel: enumOf('hospitalLevel').nullable(),
  diagnosis: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  settlementDate: z.string().nullable(),
  totalCost: z.number().int(),
  inScopeCost: z.number().int(),
  basicInsurance: z.number().int().nullable(),
  criticalIllness: z.number().int().nullable(),
  hospitalWaiver: z.number().int().nullable(),
  medicalAssistance: z.number().int().nullable(),
  supplementaryCommercial: z.number().int().nullable(),
  catastrophicReassistance: z.number().int().nullable(),
  accidentInsurance: z.number().int().nullable(),
  ...personColumns,
  ...derivedAmounts,
  proposal: layerProposal,
  warnings: z.array(fieldIssue),
  ...reviewColumns,
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type MedicalClaim = z.output<typeof medicalClaim>;

/** One line of the claim list: the same as a full claim (the slip is one line anyway). */
export const medicalClaimRow = medicalClaim;
export type MedicalClaimRow = MedicalClaim;

export const medicalSortColumns = [
  'admissionDate', 'dischargeDate', 'personName', 'villageName', 'hospitalName', 'visitType', 'totalCost', 'inScopeCost',
  'selfPay', 'selfShareBp', 'invoiceNo', 'settlementDate', 'updatedAt', 'reviewState',
] as const;

export const medicalPageQuery = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  sort: z.array(z.object({ column: z.enum(medicalSortColumns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
  /** Matches the person's name, ID number (full or its last digits), hospital name or invoice number. */
  quickSearch: z.string().trim().max(40).default(''),
  policyYear: z.number().int().min(2000).max(2100).nullable().default(null),
  villageCode: villageCode.nullable().default(null),
  visitType: enumOf('visitType').nullable().default(null),
  reviewState: reviewState.nullable().default(null),
  /** Only claims that carry at least one warning (for the reviewer). */
  withWarnings: z.boolean().default(false),
  personId: recordId.nullable().default(null),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, { message: 'page.range', path: ['endRow'] });
export type MedicalPageQuery = z.input<typeof medicalPageQuery>;

/** A person to pick for a claim. */
export const claimantCandidate = z.object({
  personId: recordId,
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  /** Whole years on `onDate` (or today). */
  age: z.number().int(),
  /** 参加城乡居民基本医疗保险 per the register. */
  insured: z.boolean(),
  /** Left the household (removal reason set): shown, but flagged. */
  removed: z.boolean(),
  householdId: recordId,
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
});
export type ClaimantCandidate = z.output<typeof claimantCandidate>;

/** One layer of the calculator's proposal, with how it came about (for the tooltip). */
export const proposedLayer = z.object({
  position: z.number().int(),
  code: enumOf('medicalLayer'),
  /** The amount field in a claim (`basicInsurance` …). */
  field: z.string(),
  applies: z.boolean(),
  baseFen: z.number().int(),
  deductibleFen: z.number().int(),
  deductibleAppliedFen: z.number().int(),
  ratioBp: z.number().int(),
  capRemainingFen: z.number().int().nullable(),
  proposedFen: z.number().int(),
});

/** A claim as far as it is typed: everything may still be missing. */
export const proposeInput = z.object({
  /** The claim being edited: left out of its own earlier claims. */
  claimId: recordId.nullable().default(null),
  personId: recordId.nullable().default(null),
  visitType: enumOf('visitType').nullable().default(null),
  hospitalLevel: enumOf('hospitalLevel').nullable().default(null),
  /** With the invoice number (or person and admission date): duplicates show before saving. */
  hospitalName: z.string().trim().max(100).nullable().default(null),
  invoiceNo: optionalText(50),
  admissionDate: isoDate.nullable().default(null),
  dischargeDate: isoDate.nullable().default(null),
  policyYear: z.number().int().min(2000).max(2100).nullable().default(null),
  totalCost: fenAmount.nullable().default(null),
  inScopeCost: fenAmount.nullable().default(null),
  ...layerAmounts.shape,
});
export type ProposeInput = z.input<typeof proposeInput>;

export const proposeOutput = z.object({
  /** null until a date or policy year is known. */
  policyYear: z.number().int().nullable(),
  /** The layer fields the policy year has, in paying order (2019: five, 2020 on: six). */
  layerFields: z.array(z.string()),
  personalShareCeilingBp: z.number().int().nullable(),
  /** null until person, visit type, year and both costs are known and valid. */
  proposal: z.object({
    layers: z.array(proposedLayer),
    amounts: layerProposal,
    layersTotalFen: z.number().int(),
    selfPayFen: z.number().int(),
    inScopeSelfPayFen: z.number().int(),
    selfShareBp: z.number().int(),
    overCeiling: z.boolean(),
    /** How many earlier claims of the person that year the proposal took into account. */
    priorClaims: z.number().int(),
  }).nullable(),
  /** Of the typed amounts (null while total cost is missing). */
  selfPay: z.number().int().nullable(),
  inScopeSelfPay: z.number().int().nullable(),
  selfShareBp: z.number().int().nullable(),
  overCeiling: z.boolean(),
  /** What saving would refuse / flag now (missing fields are not reported here). */
  errors: z.array(fieldIssue),
  warnings: z.array(fieldIssue),
});
export type ProposeOutput = z.output<typeof proposeOutput>;

// ---- policy rules ----

export const policyRate = z.object({
  visitType: enumOf('visitType').nullable(),
  hospitalLevel: enumOf('hospitalLevel').nullable(),
  deductibleFen: z.number().int().min(0),
  ratioBp: z.number().int().min(0).max(10000),
}).refine((r) => r.visitType !== null || r.hospitalLevel !== null, { message: 'medical.rateNeedsKey', path: ['visitType'] });

export const policyLayer = z.object({
  position: z.number().int().min(1).max(6),
  code: enumOf('medicalLayer'),
  base: enumOf('medicalLayerBase'),
  deductibleFen: z.number().int().min(0),
  deductibleScope: enumOf('deductibleScope'),
  ratioBp: z.number().int().min(0).max(10000),
  annualCapFen: z.number().int().min(0).nullable(),
  visitTypes: z.array(enumOf('visitType')).min(1).max(3),
  rates: z.array(policyRate).max(30).default([]),
});

export const policyYearRules = z.object({
  year: z.number().int().min(2000).max(2100),
  personalShareCeilingBp: z.number().int().min(0).max(10000),
  note: optionalText(500),
  layers: z.array(policyLayer).min(1).max(6),
});
export type PolicyYearRulesInput = z.input<typeof policyYearRules>;

export const policyGetOutput = z.object({
  /** Every live policy year, oldest first. */
  years: z.array(z.number().int()),
  /** The asked year's rules; null when it has none. */
  rules: policyYearRules.extend({ rowVersion, updatedAt: z.string(), updatedBy: z.string() }).nullable(),
});

// ---- report ----

export const layerTally = z.object({
  /** 人次: claims with a non-zero amount on the layer. */
  visits: z.number().int(),
  amountFen: z.number().int(),
});

export const reportGroup = z.object({
  /** Village code or visit type; '' for the totals line. */
  key: z.string(),
  label: z.string(),
  /** 人次: claims in the group. */
  claims: z.number().int(),
  totalCostFen: z.number().int(),
  inScopeCostFen: z.number().int(),
  /** By layer field (`basicInsurance` …), every one of the six (0 where a year has none). */
  layers: z.record(z.string(), layerTally),
  accidentInsurance: layerTally,
  /** Six layers together. */
  layersTotalFen: z.number().int(),
  selfPayFen: z.number().int(),
  inScopeSelfPayFen: z.number().int(),
  /** Claims whose in-scope self-pay share is above their year's ceiling. */
  overCeiling: z.number().int(),
});
export type ReportGroup = z.output<typeof reportGroup>;

export const medicalLayersQuery = z.object({
  /** Policy year; or a range of discharge dates with from/to (both inclusive). */
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  villageCode: villageCode.nullable().default(null),
}).refine((q) => q.year !== null || (q.from !== null && q.to !== null), { message: 'medical.periodRequired', path: ['year'] });
export type MedicalLayersQuery = z.input<typeof medicalLayersQuery>;

export const medicalLayersReport = z.object({
  period: z.object({ year: z.number().int().nullable(), from: z.string().nullable(), to: z.string().nullable() }),
  /** Layer fields in paying order that appear in the period's policy years. */
  layerFields: z.array(z.string()),
  byVillage: z.array(reportGroup),
  byVisitType: z.array(reportGroup),
  totals: reportGroup,
});
export type MedicalLayersReport = z.output<typeof medicalLayersReport>;

export const medicalApi = {
  'medical/page': method(medicalPageQuery, z.object({ rows: z.array(medicalClaimRow), total: z.number().int() })),
  'medical/get': method(z.object({ id: recordId }), medicalClaim),
  /**
   * Creates (no id) or updates (id + rowVersion). Errors come back as a validation error with
   * field issues (nothing saved); a duplicate as `medical.duplicateInvoice` /
   * `medical.duplicateVisit` on `invoiceNo` / `admissionDate` with params existingId,
   * existingDate, existingHospital, existingPerson. Warnings are saved with the claim.
   */
  'medical/save': method(z.object({ claim: medicalClaimDraft }), z.object({ claim: medicalClaim, warnings: z.array(fieldIssue) })),
  'medical/delete': method(z.object({ id: recordId, rowVersion, reason: z.string().trim().min(1).max(200) }), ok),
  /** By ID number (full, or its first digits) or a name prefix; live register members first. */
  'medical/findPerson': method(
    z.object({ query: z.string().trim().min(1).max(30), onDate: isoDate.nullable().default(null), limit: z.number().int().min(1).max(50).default(20) }),
    z.object({ candidates: z.array(claimantCandidate) }),
  ),
  /** The calculator's proposal and what saving would say, without saving. */
  'medical/propose': method(proposeInput, proposeOutput),
  'medical/policy/get': method(z.object({ year: z.number().int().min(2000).max(2100).nullable().default(null) }), policyGetOutput),
  /** Replaces a year's rules (creates the year when new); every change lands in the audit trail. */
  'medical/policy/save': method(
    z.object({ rules: policyYearRules, rowVersion: rowVersion.nullable().default(null) }),
    policyGetOutput,
  ),
  /**
   * Works out every live claim of the year again under its current rules (after they changed):
   * proposals and warnings only, each change audited; typed amounts stay. `claims` were looked
   * at, `changed` got a new proposal or new warnings.
   */
  'medical/policy/repropose': method(
    z.object({ year: z.number().int().min(2000).max(2100) }),
    z.object({ year: z.number().int(), claims: z.number().int(), changed: z.number().int() }),
  ),
  'reports/medicalLayers': method(medicalLayersQuery, medicalLayersReport),
  /** The same report as an .xlsx (by village, by visit type, totals). */
  'reports/medicalLayersExport': method(medicalLayersQuery, fileDownload),
} as const;
