/**
 * Checks and writes one school-aid record inside a transaction: the student by ID number, the
 * pure rules (shared/domain/school), the duplicate rule against live records, review locks.
 * Shared by the form, batch entry and the sheet import, so all three refuse and warn alike.
 */
import type { Tx } from '../../db/driver.js';
import { AppError } from '../../../shared/domain/app-error.js';
import type { SchoolAidItem, SchoolStage, SchoolTerm } from '../../../shared/domain/enums.js';
import { parseIdNumber } from '../../../shared/domain/id-number.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { isEditable, type ReviewState } from '../../../shared/domain/review.js';
import { checkSchoolAid, normaliseDate } from '../../../shared/domain/school/school-aid-rules.js';
import { parseSchoolYear, termCalendarYear } from '../../../shared/domain/school/school-year.js';
import { todayOf, type ServiceContext } from '../context.js';
import { insertRecord, updateRecord, type Written } from '../record-store.js';
import { ownershipIssue } from '../review/review-service.js';
import { loadAgeRanges, loadStandards } from './school-rules-store.js';

export interface SchoolAidInput {
  id?: string;
  rowVersion?: number;
  idNumber: string;
  schoolYear: string;
  schoolTerm: SchoolTerm;
  schoolStage: SchoolStage;
  schoolName: string | null;
  aidItem: SchoolAidItem;
  amount: string | number;
  paidDate: string | null;
  outOfProvince: boolean;
  note: string | null;
}

export interface Student {
  personId: string;
  name: string;
  birthDate: string;
}

export type CheckOutcome =
  | { ok: true; values: Record<string, string | number | null>; warnings: FieldIssue[]; student: Student }
  | { ok: false; errors: FieldIssue[]; student: Student | null };

async function findStudent(tx: Tx, idNumber: string, today: string): Promise<{ student: Student | null; issue: FieldIssue | null }> {
  const parsed = parseIdNumber(idNumber, 'idNumber', today);
  if (!parsed.ok) return { student: null, issue: parsed.issue };
  const row = await tx.get<{ id: string; name: string; birth_date: string }>(
    `SELECT p.id, p.name, p.birth_date FROM person p JOIN household h ON h.id = p.household_id
     WHERE p.id_number = ? AND p.deleted_at IS NULL AND h.deleted_at IS NULL`, [parsed.value.idNumber],
  );
  if (!row) return { student: null, issue: issue('idNumber', 'school.unknownPerson', { idNumber: parsed.value.idNumber }) };
  return { student: { personId: row.id, name: row.name, birthDate: row.birth_date }, issue: null };
}

/** The live record with the same student, 学年, 学期 and 项目, other than `exceptId`. */
async function duplicateIssue(tx: Tx, personId: string, schoolYear: string, term: SchoolTerm, item: SchoolAidItem, exceptId: string | null): Promise<FieldIssue | null> {
  const first = await tx.get<{ id: string; amount_fen: number; paid_date: string | null; created_by: string; school: string | null }>(
    `SELECT id, amount_fen, paid_date, created_by, school FROM school_aid
     WHERE person_id = ? AND school_year = ? AND term = ? AND item = ? AND deleted_at IS NULL AND id <> ?`,
    [personId, schoolYear, term, item, exceptId ?? ''],
  );
  if (!first) return null;
  return issue('aidItem', 'school.duplicate', {
    firstId: first.id, amount: (first.amount_fen / 100).toFixed(2), paidDate: first.paid_date ?? '', createdBy: first.created_by, school: first.school ?? '',
  });
}

export async function checkSchoolAidRecord(tx: Tx, ctx: ServiceContext, input: SchoolAidInput): Promise<CheckOutcome> {
  const today = todayOf(ctx);
  const { student, issue: personIssue } = await findStudent(tx, input.idNumber, today);
  const year = parseSchoolYear(input.schoolYear);
  const aidYear = year.ok ? termCalendarYear(year.startYear, input.schoolTerm) : null;
  const rules = {
    standards: aidYear === null ? [] : await loadStandards(tx, [aidYear]),
    ageRanges: await loadAgeRanges(tx),
    today,
  };
  const paidDate = input.paidDate ? normaliseDate(input.paidDate) : null;
  const facts = { schoolYear: input.schoolYear, term: input.schoolTerm, stage: input.schoolStage, item: input.aidItem, amount: input.amount, paidDate };
  const checked = checkSchoolAid(facts, student?.birthDate ?? null, rules);
  const errors = [...(personIssue ? [personIssue] : []), ...checked.errors];
  if (student && checked.value) {
    const dup = await duplicateIssue(tx, student.personId, checked.value.schoolYear, input.schoolTerm, input.aidItem, input.id ?? null);
    if (dup) errors.push(dup);
  }
  if (errors.length > 0 || !student || !checked.value) return { ok: false, errors, student };
  return {
    ok: true,
    student,
    warnings: checked.warnings,
    values: {
      person_id: student.personId, school_year: checked.value.schoolYear, term: input.schoolTerm, aid_year: checked.value.aidYear,
      stage: input.schoolStage, school: input.schoolName, item: input.aidItem, amount_fen: checked.value.amountFen, paid_date: paidDate,
      out_of_province: input.outOfProvince ? 1 : 0, warnings: JSON.stringify(checked.warnings), note: input.note,
    },
  };
}

/** Submitted and approved records are locked; a clerk changes only their own. */
export function editableIssue(ctx: ServiceContext, review: { review_state: ReviewState; created_by: string }): FieldIssue | null {
  if (!isEditable(review.review_state)) return issue('aidItem', 'school.locked', { state: review.review_state });
  const notOwner = ownershipIssue(ctx, review.created_by);
  return notOwner ? issue('aidItem', notOwner, { owner: review.created_by }) : null;
}

export async function writeSchoolAid(
  tx: Tx, ctx: ServiceContext, id: string | null, rowVersion: number | null, values: Record<string, string | number | null>,
): Promise<Written & { existed: boolean }> {
  if (!id) return { ...(await insertRecord(tx, ctx, 'school_aid', values)), existed: false };
  const review = await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM school_aid WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!review) throw new AppError('not_found', 'not_found', { table: 'school_aid' });
  const written = await updateRecord(tx, ctx, 'school_aid', id, rowVersion, values);
  // After the write, so an unchanged re-save of a locked record passes and a change does not.
  const locked = written.changed ? editableIssue(ctx, review) : null;
  if (locked) throw AppError.validation([locked]);
  return { ...written, existed: true };
}
