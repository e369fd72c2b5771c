/** 教育资助: one record (form), many rows (batch entry), read one, tombstone one. */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { SchoolAid } from '../../../shared/contract/school.js';
import { AppError } from '../../../shared/domain/app-error.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';
import type { ReviewState } from '../../../shared/domain/review.js';
import { maskIdNumber } from '../../../shared/domain/id-number.js';
import { can } from '../../../shared/domain/roles.js';
import type { ServiceContext } from '../context.js';
import { tombstoneRecord } from '../record-store.js';
import { requireTownship } from '../settings-service.js';
import { checkSchoolAidRecord, editableIssue, writeSchoolAid } from './school-aid-store.js';
import { SCHOOL_AID_ROW_SQL, toSchoolAid, type SchoolAidRecord } from './school-aid-mapping.js';

export async function getSchoolAid(ctx: ServiceContext, id: string): Promise<SchoolAid> {
  const row = await ctx.db.get<SchoolAidRecord>(`${SCHOOL_AID_ROW_SQL} WHERE a.id = ? AND a.deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('not_found', 'not_found');
  const record = toSchoolAid(row);
  const role = ctx.account?.role ?? null;
  // As with households: the form shows the full number to those who enter or may reveal it.
  return can(role, 'write') || can(role, 'reveal') ? record : { ...record, idNumber: maskIdNumber(record.idNumber) };
}

export async function saveSchoolAid(ctx: ServiceContext, input: MethodArgs<'school/save'>): Promise<MethodOutput<'school/save'>> {
  await requireTownship(ctx);
  return ctx.db.transaction(async (tx) => {
    const checked = await checkSchoolAidRecord(tx, ctx, input);
    if (!checked.ok) throw AppError.validation(checked.errors);
    const written = await writeSchoolAid(tx, ctx, input.id ?? null, input.rowVersion ?? null, checked.values);
    return { id: written.id, rowVersion: written.rowVersion, warnings: checked.warnings };
  });
}

/**
 * Each row is checked and saved on its own, in one transaction: a refused row does not hold
 * back the others, and a row repeating an earlier one of the same batch is caught as a
 * duplicate because the earlier one is already written.
 */
export async function saveSchoolBatch(ctx: ServiceContext, input: MethodArgs<'school/saveBatch'>): Promise<MethodOutput<'school/saveBatch'>> {
  await requireTownship(ctx);
  return ctx.db.transaction(async (tx) => {
    const rows: MethodOutput<'school/saveBatch'>['rows'] = [];
    for (const [index, row] of input.rows.entries()) {
      const checked = await checkSchoolAidRecord(tx, ctx, {
        idNumber: row.idNumber, amount: row.amount, schoolName: row.schoolName ?? input.schoolName, schoolYear: input.schoolYear,
        schoolTerm: input.schoolTerm, schoolStage: input.schoolStage, aidItem: input.aidItem, paidDate: input.paidDate, outOfProvince: input.outOfProvince, note: null,
      });
      if (!checked.ok) {
        rows.push({ index, saved: false, id: null, personName: checked.student?.name ?? null, errors: checked.errors, warnings: [] });
        continue;
      }
      const written = await writeSchoolAid(tx, ctx, null, null, checked.values);
      rows.push({ index, saved: true, id: written.id, personName: checked.student.name, errors: [], warnings: checked.warnings });
    }
    const saved = rows.filter((r) => r.saved).length;
    return { saved, refused: rows.length - saved, rows };
  });
}

export async function deleteSchoolAid(ctx: ServiceContext, input: MethodArgs<'school/delete'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const review = await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM school_aid WHERE id = ? AND deleted_at IS NULL', [input.id]);
    if (!review) throw new AppError('not_found', 'not_found');
    const locked: FieldIssue | null = editableIssue(ctx, review);
    if (locked) throw AppError.validation([locked]);
    await tombstoneRecord(tx, ctx, 'school_aid', input.id, input.rowVersion, input.reason);
  });
  return { ok: true };
}

