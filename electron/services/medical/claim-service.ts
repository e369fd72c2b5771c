/**
 * Saving, reading and deleting one medical claim. Every error the rules can find is reported at
 * once (nothing is written); warnings are stored with the claim for the reviewer.
 */
import type { Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { MedicalClaim, MedicalClaimDraft } from '../../../shared/contract/medical.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { isEditable, type ReviewState } from '../../../shared/domain/review.js';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../medical-policy.js';
import { insertRecord, tombstoneRecord, updateRecord } from '../record-store.js';
import { ownershipIssue } from '../review/review-service.js';
import { evaluateClaim, lookupsOn, type ClaimLookups } from './claim-check.js';
import { CLAIM_SELECT, claimValues, toClaim, type ClaimRecord } from './claim-mapping.js';
import { recomputePersonYear } from './claim-recompute.js';

/** Empty text from a form or a sheet cell means "not given". */
export function normaliseDraft(draft: MedicalClaimDraft): MedicalClaimDraft {
  const text = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
  return { ...draft, hospitalName: draft.hospitalName.trim(), invoiceNo: text(draft.invoiceNo), diagnosis: text(draft.diagnosis) };
}

export async function getClaim(conn: Queryable, id: string): Promise<MedicalClaim> {
  const row = await conn.get<ClaimRecord>(`${CLAIM_SELECT} WHERE c.id = ? AND c.deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('not_found', 'not_found');
  return toClaim(row);
}

interface Existing {
  id: string;
  admission_date: string;
  hospital_name: string;
  person_name: string;
}

/** A duplicate refused with a pointer to the claim already held (the UI offers to open it). */
export function duplicatePointer(code: string, field: string, e: Existing, extra: Record<string, string> = {}): FieldIssue {
  return issue(field, code, { ...extra, existingId: e.id, existingDate: e.admission_date, existingHospital: e.hospital_name, existingPerson: e.person_name });
}

export const DUPLICATE_INVOICE_SQL = `SELECT c.id, c.admission_date, c.hospital_name, p.name AS person_name
  FROM medical_claim c JOIN person p ON p.id = c.person_id
  WHERE c.hospital_name = ? AND c.invoice_no = ? AND c.deleted_at IS NULL AND c.id <> ? LIMIT 1`;
export const DUPLICATE_VISIT_SQL = `SELECT c.id, c.admission_date, c.hospital_name, p.name AS person_name
  FROM medical_claim c JOIN person p ON p.id = c.person_id
  WHERE c.person_id = ? AND c.hospital_name = ? AND c.admission_date = ? AND c.deleted_at IS NULL AND c.id <> ? LIMIT 1`;

/** The same hospital + invoice number, or the same person + hospital + admission date. */
export async function duplicateIssues(conn: Queryable, draft: MedicalClaimDraft): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const self = draft.id ?? '';
  if (draft.invoiceNo) {
    const same = await conn.get<Existing>(DUPLICATE_INVOICE_SQL, [draft.hospitalName, draft.invoiceNo, self]);
    if (same) issues.push(duplicatePointer('medical.duplicateInvoice', 'invoiceNo', same, { invoiceNo: draft.invoiceNo }));
  }
  const visit = await conn.get<Existing>(DUPLICATE_VISIT_SQL, [draft.personId, draft.hospitalName, draft.admissionDate, self]);
  if (visit) issues.push(duplicatePointer('medical.duplicateVisit', 'admissionDate', visit));
  return issues;
}

interface ReviewInfo {
  review_state: ReviewState;
  created_by: string;
}

/** Submitted and approved claims are locked; a clerk changes only their own. */
function lockIssue(ctx: ServiceContext, review: ReviewInfo): FieldIssue | null {
  if (!isEditable(review.review_state)) return issue('personId', 'medical.locked', { state: review.review_state });
  const notOwner = ownershipIssue(ctx, review.created_by);
  return notOwner ? issue('personId', notOwner, { owner: review.created_by }) : null;
}

/** Checks and writes inside `tx`; throws a validation error listing every issue. */
export async function writeClaim(
  tx: Tx, ctx: ServiceContext, input: MedicalClaimDraft, lookups: ClaimLookups = lookupsOn(tx),
): Promise<{ id: string; warnings: FieldIssue[] }> {
  const draft = normaliseDraft(input);
  let before: { person_id: string; policy_year: number } | undefined;
  if (draft.id) {
    const review = await tx.get<ReviewInfo & { person_id: string; policy_year: number }>(
      'SELECT review_state, created_by, person_id, policy_year FROM medical_claim WHERE id = ? AND deleted_at IS NULL', [draft.id],
    );
    if (!review) throw new AppError('not_found', 'not_found');
    const locked = lockIssue(ctx, review);
    if (locked) throw AppError.validation([locked]);
    before = review;
  }
  const evaluation = await evaluateClaim(lookups, draft);
  const errors = [...evaluation.errors, ...(await duplicateIssues(tx, draft))];
  if (errors.length > 0 || !evaluation.derived) throw AppError.validation(errors);
  const values = claimValues(draft, evaluation.derived);
  const written = draft.id
    ? await updateRecord(tx, ctx, 'medical_claim', draft.id, draft.rowVersion ?? null, values)
    : await insertRecord(tx, ctx, 'medical_claim', values);
  if (written.changed) {
    // The person's other claims that year (and the year or person it left, if that changed).
    await recomputePersonYear(tx, ctx, draft.personId, evaluation.derived.policyYear, written.id);
    if (before && (before.person_id !== draft.personId || before.policy_year !== evaluation.derived.policyYear)) {
      await recomputePersonYear(tx, ctx, before.person_id, before.policy_year, written.id);
    }
  }
  return { id: written.id, warnings: evaluation.warnings };
}

export async function saveClaim(ctx: ServiceContext, input: MethodArgs<'medical/save'>): Promise<MethodOutput<'medical/save'>> {
  const { id, warnings } = await ctx.db.transaction((tx) => writeClaim(tx, ctx, input.claim));
  return { claim: await getClaim(ctx.db.reader, id), warnings };
}

export async function deleteClaim(ctx: ServiceContext, input: MethodArgs<'medical/delete'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const review = await tx.get<ReviewInfo>('SELECT review_state, created_by FROM medical_claim WHERE id = ? AND deleted_at IS NULL', [input.id]);
    if (review) {
      const locked = lockIssue(ctx, review);
      if (locked) throw AppError.validation([locked]);
    }
    await tombstoneRecord(tx, ctx, 'medical_claim', input.id, input.rowVersion, input.reason);
    const gone = await tx.get<{ person_id: string; policy_year: number }>('SELECT person_id, policy_year FROM medical_claim WHERE id = ?', [input.id]);
    if (gone) await recomputePersonYear(tx, ctx, gone.person_id, gone.policy_year, input.id);
  });
  return { ok: true };
}
