/**
 * medical_claim rows ↔ the contract's claim. Column names live here only; amounts stay integer fen.
 */
import type { SqlValue } from '../../db/driver.js';
import type { LayerAmountFields, LayerProposalFields, MedicalClaim, MedicalClaimDraft } from '../../../shared/contract/medical.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';
import type { MedicalLayerCode } from '../../../shared/domain/enums.js';
import { maskIdNumber } from '../../../shared/domain/id-number.js';
import { LAYER_FIELD, type LayerAmounts } from '../../../shared/domain/medical/policy.js';
import type { LayerProposalResult } from '../../../shared/domain/medical/layer-calculator.js';

export const LAYER_CODES = Object.keys(LAYER_FIELD) as MedicalLayerCode[];
export type LayerField = keyof LayerAmountFields;

export function fieldOf(code: MedicalLayerCode): LayerField {
  return LAYER_FIELD[code] as LayerField;
}

/** Typed column of a layer (`basic_insurance_fen`) and its proposal (`proposed_basic_insurance_fen`). */
export const typedColumn = (code: MedicalLayerCode) => `${code}_fen`;
export const proposedColumn = (code: MedicalLayerCode) => `proposed_${code}_fen`;

/** The claim's columns joined with its person, household and village (see CLAIM_SELECT). */
export interface ClaimRecord {
  id: string; row_version: number; person_id: string; visit_type: MedicalClaim['visitType'];
  hospital_name: string; hospital_level: MedicalClaim['hospitalLevel']; admission_date: string; discharge_date: string;
  diagnosis: string | null; policy_year: number; total_fen: number; in_scope_fen: number;
  accident_insurance_fen: number | null; self_pay_fen: number; in_scope_self_pay_fen: number; self_share_bp: number;
  over_ceiling: number; warnings: string; invoice_no: string | null; settlement_date: string | null;
  review_state: MedicalClaim['reviewState']; review_reason: string | null; reviewed_by: string | null; reviewed_at: string | null;
  created_by: string; updated_at: string; updated_by: string;
  person_name: string; id_number: string; household_id: string; household_no: string; village_code: string; village_name: string;
  [column: string]: SqlValue;
}

export const CLAIM_FROM = `medical_claim c
  JOIN person p ON p.id = c.person_id
  JOIN household h ON h.id = p.household_id
  LEFT JOIN village v ON v.code = h.village_code`;

export const CLAIM_SELECT = `SELECT c.*, p.name AS person_name, p.id_number, p.household_id, h.household_no, h.village_code,
  COALESCE(v.name, h.village_code) AS village_name FROM ${CLAIM_FROM}`;

/** Layer amounts by code from a draft's fields (empty fields left out). */
export function draftLayers(draft: LayerAmountFields): LayerAmounts {
  const out: LayerAmounts = {};
  for (const code of LAYER_CODES) {
    const v = draft[fieldOf(code)];
    if (v !== null && v !== undefined) out[code] = v;
  }
  return out;
}

export function proposalFields(proposal: LayerProposalResult | null): LayerProposalFields {
  const out = Object.fromEntries(LAYER_CODES.map((c) => [fieldOf(c), null])) as LayerProposalFields;
  for (const l of proposal?.layers ?? []) out[fieldOf(l.code)] = l.proposedFen;
  return out;
}

export interface ClaimDerived {
  policyYear: number;
  selfPayFen: number;
  inScopeSelfPayFen: number;
  selfShareBp: number;
  overCeiling: boolean;
  proposal: LayerProposalResult | null;
  warnings: FieldIssue[];
}

/** The columns written for a checked draft. */
export function claimValues(draft: MedicalClaimDraft, derived: ClaimDerived): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = {
    person_id: draft.personId,
    visit_type: draft.visitType,
    hospital_name: draft.hospitalName.trim(),
    hospital_level: draft.hospitalLevel,
    admission_date: draft.admissionDate,
    discharge_date: draft.dischargeDate,
    diagnosis: draft.diagnosis,
    policy_year: derived.policyYear,
    total_fen: draft.totalCost,
    in_scope_fen: draft.inScopeCost,
    accident_insurance_fen: draft.accidentInsurance,
    self_pay_fen: derived.selfPayFen,
    in_scope_self_pay_fen: derived.inScopeSelfPayFen,
    self_share_bp: derived.selfShareBp,
    over_ceiling: derived.overCeiling ? 1 : 0,
    warnings: JSON.stringify(derived.warnings),
    invoice_no: draft.invoiceNo,
    settlement_date: draft.settlementDate,
  };
  const proposed = proposalFields(derived.proposal);
  for (const code of LAYER_CODES) {
    values[typedColumn(code)] = draft[fieldOf(code)];
    values[proposedColumn(code)] = proposed[fieldOf(code)];
  }
  return values;
}

function parseWarnings(raw: string): FieldIssue[] {
  const parsed: unknown = JSON.parse(raw);
  return Array.isArray(parsed) ? (parsed as FieldIssue[]) : [];
}

const num = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));

export function toClaim(r: ClaimRecord): MedicalClaim {
  const layers = Object.fromEntries(LAYER_CODES.map((c) => [fieldOf(c), num(r[typedColumn(c)])])) as Record<LayerField, number | null>;
  const proposal = Object.fromEntries(LAYER_CODES.map((c) => [fieldOf(c), num(r[proposedColumn(c)])])) as LayerProposalFields;
  return {
    id: r.id, rowVersion: r.row_version, personId: r.person_id, visitType: r.visit_type, hospitalName: r.hospital_name,
    hospitalLevel: r.hospital_level, admissionDate: r.admission_date, dischargeDate: r.discharge_date, diagnosis: r.diagnosis,
    totalCost: r.total_fen, inScopeCost: r.in_scope_fen, ...layers, accidentInsurance: r.accident_insurance_fen,
    invoiceNo: r.invoice_no, settlementDate: r.settlement_date, policyYear: r.policy_year,
    personName: r.person_name, idNumberMasked: maskIdNumber(r.id_number), householdId: r.household_id, householdNo: r.household_no,
    villageCode: r.village_code, villageName: r.village_name,
    selfPay: r.self_pay_fen, inScopeSelfPay: r.in_scope_self_pay_fen, selfShareBp: r.self_share_bp, overCeiling: r.over_ceiling === 1,
    proposal, warnings: parseWarnings(r.warnings),
    reviewState: r.review_state, reviewReason: r.review_reason, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at,
    createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by,
  };
}
