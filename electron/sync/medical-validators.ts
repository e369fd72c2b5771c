/**
 * The county's checks on uploaded medical claims: the shared date and amount rules the editor
 * runs, the stored self-pay agreeing with the amounts it is derived from, and the duplicate rules
 * county-wide. Which layers a year has and the calculator's proposal follow the township's
 * policy rules, which the county does not hold (each sets its own), so they are not re-checked.
 */
import type { Query } from './statement-cache.js';
import type { PackageRow } from './streams.js';
import type { RowContext } from './ledger-validators.js';
import { enums, type MedicalLayerCode } from '../../shared/domain/enums.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { reviewStates } from '../../shared/domain/review.js';
import { validateClaimDates } from '../../shared/domain/medical/claim-dates.js';
import { validateClaimAmounts } from '../../shared/domain/medical/claim-validation.js';
import type { PolicyYearRules } from '../../shared/domain/medical/policy.js';
import { selfPayFen, selfShare } from '../../shared/domain/medical/self-pay.js';

const text = (row: PackageRow, column: string) => (row[column] === null || row[column] === undefined ? null : String(row[column]));
const LAYERS = enums.medicalLayer as readonly MedicalLayerCode[];

/** Every layer present and no ceiling: the amount rules without the township's policy choices. */
function anyPolicy(year: number): PolicyYearRules {
  return {
    year, personalShareCeilingBp: 10_000,
    layers: LAYERS.map((code, i) => ({
      position: i + 1, code, base: 'remaining', deductibleFen: 0, deductibleScope: 'year', ratioBp: 0, annualCapFen: null, visitTypes: [], rates: [],
    })),
  };
}

function inList(row: PackageRow, column: string, field: string, values: readonly string[], nullable = false): FieldIssue[] {
  const value = row[column];
  if (nullable && value === null) return [];
  return values.includes(String(value)) ? [] : [issue(field, 'notInList', { value: String(value) })];
}

export function validateMedicalClaimRow(row: PackageRow): FieldIssue[] {
  const issues: FieldIssue[] = [
    ...inList(row, 'visit_type', 'visitType', enums.visitType),
    ...inList(row, 'hospital_level', 'hospitalLevel', enums.hospitalLevel, true),
    ...inList(row, 'review_state', 'reviewState', reviewStates),
  ];
  if (!text(row, 'hospital_name')?.trim()) issues.push(issue('hospitalName', 'required'));
  issues.push(...validateClaimDates({
    admissionDate: String(row.admission_date), dischargeDate: String(row.discharge_date),
    settlementDate: text(row, 'settlement_date'), policyYear: Number(row.policy_year),
  }));
  const layers = Object.fromEntries(LAYERS.map((code) => [code, row[`${code}_fen`] as number | null]));
  const amounts = validateClaimAmounts({
    rules: anyPolicy(Number(row.policy_year)),
    claim: { visitType: 'inpatient', totalFen: Number(row.total_fen), inScopeFen: Number(row.in_scope_fen), layers },
  });
  issues.push(...amounts.errors);
  const accident = row.accident_insurance_fen;
  if (typeof accident === 'number' && accident < 0) issues.push(issue('accidentInsurance', 'money.negative'));
  if (amounts.errors.length === 0) {
    const typed = Object.values(layers).map((v) => v ?? 0);
    const share = selfShare(Number(row.in_scope_fen), typed, 10_000);
    if (row.self_pay_fen !== selfPayFen(Number(row.total_fen), typed)) issues.push(issue('selfPay', 'sync.derivedMismatch'));
    if (row.in_scope_self_pay_fen !== share.inScopeSelfPayFen || row.self_share_bp !== share.selfShareBp) {
      issues.push(issue('inScopeSelfPay', 'sync.derivedMismatch'));
    }
  }
  try {
    if (!Array.isArray(JSON.parse(String(row.warnings)))) issues.push(issue('warnings', 'invalid'));
  } catch {
    issues.push(issue('warnings', 'invalid'));
  }
  return issues;
}

/** The duplicate rules county-wide: the same hospital and invoice, the same person, hospital and admission date. */
export async function medicalClaimCollisions(q: Query, row: PackageRow, _ctx: RowContext): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const pointer = (code: string, field: string, e: { id: string; admission_date: string; hospital_name: string; person_name: string }) =>
    issue(field, code, { existingId: e.id, existingDate: e.admission_date, existingHospital: e.hospital_name, existingPerson: e.person_name, invoiceNo: text(row, 'invoice_no') ?? '' });
  const select = `SELECT c.id, c.admission_date, c.hospital_name, p.name AS person_name FROM medical_claim c JOIN person p ON p.id = c.person_id`;
  if (row.invoice_no !== null) {
    const same = await q.get<{ id: string; admission_date: string; hospital_name: string; person_name: string }>(
      `${select} WHERE c.hospital_name = ? AND c.invoice_no = ? AND c.deleted_at IS NULL AND c.id <> ?`,
      [text(row, 'hospital_name'), text(row, 'invoice_no'), text(row, 'id')],
    );
    if (same) issues.push(pointer('medical.duplicateInvoice', 'invoiceNo', same));
  }
  const visit = await q.get<{ id: string; admission_date: string; hospital_name: string; person_name: string }>(
    `${select} WHERE c.person_id = ? AND c.hospital_name = ? AND c.admission_date = ? AND c.deleted_at IS NULL AND c.id <> ?`,
    [text(row, 'person_id'), text(row, 'hospital_name'), text(row, 'admission_date'), text(row, 'id')],
  );
  if (visit) issues.push(pointer('medical.duplicateVisit', 'admissionDate', visit));
  return issues;
}
