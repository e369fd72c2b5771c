/**
 * The county's checks on one uploaded row, per ledger: the same shared/ rules the editor runs
 * (ID numbers, enumerations, phone formats …) on the row as sent, and the county-wide unique
 * rules against rows already held. Reasons are FieldIssues, so receipts and screens translate
 * them like any other.
 */
import type { z } from 'zod';
import type { Query } from './statement-cache.js';
import { householdDraft, memberDraft } from '../../shared/contract/households.js';
import { areaCodeIssue, villageBelongsTo } from '../../shared/domain/area-code.js';
import { validateHouseholdFields, validateMember } from '../../shared/domain/household-rules.js';
import { parseIdNumber } from '../../shared/domain/id-number.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { reviewStates } from '../../shared/domain/review.js';
import { enums, type SchoolTerm } from '../../shared/domain/enums.js';
import { parseSchoolYear, termCalendarYear } from '../../shared/domain/school/school-year.js';
import { paidDateIssue } from '../../shared/domain/school/school-aid-rules.js';
import type { PackageRow } from './streams.js';
import { repairDraft } from '../../shared/contract/housing.js';
import { validateHousingRepair } from '../../shared/domain/housing/housing-rules.js';
import { columnOf, repairFields } from '../services/housing/housing-mapping.js';

export interface RowContext {
  /** The township the package comes from. */
  township: string;
  /** The county's calendar date (birth dates must not be after it). */
  today: string;
}

const text = (row: PackageRow, column: string) => (row[column] === null || row[column] === undefined ? null : String(row[column]));

/** Zod's findings in the editor's vocabulary (notInList, tooLong, invalid). */
function zodFindings(error: z.ZodError, input: Record<string, unknown>): FieldIssue[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    if (i.code === 'invalid_value') return issue(field, 'notInList', { value: String(input[field] ?? '') });
    if (i.code === 'too_big' && 'maximum' in i) return issue(field, 'tooLong', { max: Number(i.maximum) });
    if (i.code === 'too_small') return issue(field, 'required');
    return issue(field, 'invalid');
  });
}

export function validateVillage(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const code = text(row, 'code') ?? '';
  const issues: FieldIssue[] = [];
  const codeIssue = areaCodeIssue(code, 'village', 'code');
  if (codeIssue) issues.push(codeIssue);
  else if (!villageBelongsTo(code, ctx.township)) issues.push(issue('code', 'village.notInTownship', { code, township: ctx.township }));
  if (!text(row, 'name')?.trim()) issues.push(issue('name', 'required'));
  return issues;
}

export function validateHousehold(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const input = {
    householdNo: row.household_no, villageCode: row.village_code, status: row.status, exitYear: row.exit_year,
    cause: row.cause, dibao: row.dibao === 1, tekun: row.tekun === 1, helperName: row.helper_name,
    helperUnit: row.helper_unit, helperPhone: row.helper_phone, bankAccount: row.bank_account,
    address: row.address, note: row.note,
  };
  const draft = householdDraft.safeParse(input);
  const issues = draft.success ? validateHouseholdFields(draft.data, ctx.today) : zodFindings(draft.error, input);
  const village = text(row, 'village_code') ?? '';
  if (draft.success && !villageBelongsTo(village, ctx.township)) issues.push(issue('villageCode', 'village.notInTownship', { code: village, township: ctx.township }));
  if (!(reviewStates as readonly string[]).includes(String(row.review_state))) issues.push(issue('reviewState', 'notInList', { value: String(row.review_state) }));
  return issues;
}

export function validatePerson(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const input = {
    name: row.name, idNumber: row.id_number, relation: row.relation, health: row.health,
    disabilityType: row.disability_type, disabilityGrade: row.disability_grade, laborAbility: row.labor_ability,
    schoolStatus: row.school_status, insured: row.insured === 1, phone: row.phone, removalReason: row.removal_reason,
  };
  const draft = memberDraft.safeParse(input);
  if (!draft.success) return zodFindings(draft.error, input);
  // validateMember speaks of `members.<i>.<field>`: here there is one person, so just the field.
  const issues = validateMember(draft.data, 0, ctx.today).map((i) => ({ ...i, field: i.field.replace(/^members\.0\./, '') }));
  const parsed = parseIdNumber(String(row.id_number), 'idNumber', ctx.today);
  if (parsed.ok) {
    // Sex and birth date are derived from the ID number, never typed: they must agree with it.
    if (parsed.value.idNumber !== row.id_number) issues.push(issue('idNumber', 'sync.derivedMismatch'));
    if (parsed.value.sex !== row.sex) issues.push(issue('sex', 'sync.derivedMismatch'));
    if (parsed.value.birthDate !== row.birth_date) issues.push(issue('birthDate', 'sync.derivedMismatch'));
  }
  return issues;
}

export async function villageCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  // The code is the village table's key: even a deleted village of another id holds it.
  const other = await q.get('SELECT id FROM village WHERE code = ? AND id <> ?', [text(row, 'code'), text(row, 'id')]);
  return other ? [issue('code', 'sync.villageCodeTaken', { code: String(row.code) })] : [];
}

export async function householdCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  const other = await q.get('SELECT id FROM household WHERE household_no = ? AND deleted_at IS NULL AND id <> ?', [text(row, 'household_no'), text(row, 'id')]);
  return other ? [issue('householdNo', 'household.noTaken', { householdNo: String(row.household_no) })] : [];
}

export async function personCollisions(q: Query, row: PackageRow, ctx: RowContext): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const holder = await q.get<{ name: string; household_no: string; village_code: string; household_id: string }>(
    `SELECT p.name, h.household_no, h.village_code, h.id AS household_id FROM person p JOIN household h ON h.id = p.household_id
     WHERE p.id_number = ? AND p.deleted_at IS NULL AND p.id <> ?`,
    [text(row, 'id_number'), text(row, 'id')],
  );
  if (holder) {
    const township = holder.village_code.slice(0, 9);
    // Within the township the clerk may see whose number it is; across townships only where.
    if (township === ctx.township) {
      const head = await q.get<{ name: string }>(
        "SELECT name FROM person WHERE household_id = ? AND relation = 'head' AND deleted_at IS NULL AND removal_reason IS NULL", [holder.household_id],
      );
      issues.push(issue('idNumber', 'idNumber.heldByOther', { householdNo: holder.household_no, headName: head?.name ?? '', personName: holder.name }));
    } else {
      issues.push(issue('idNumber', 'sync.idNumberHeldElsewhere', { township }));
    }
  }
  if (row.relation === 'head' && row.removal_reason === null) {
    const otherHead = await q.get(
      "SELECT id FROM person WHERE household_id = ? AND relation = 'head' AND deleted_at IS NULL AND removal_reason IS NULL AND id <> ?",
      [text(row, 'household_id'), text(row, 'id')],
    );
    if (otherHead) issues.push(issue('relation', 'household.manyHeads', { count: 2 }));
  }
  return issues;
}

/** A housing repair as uploaded: the editor's rules on its fields (its household is a parent link). */
export function validateHousingRepairRow(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const input: Record<string, unknown> = Object.fromEntries(repairFields.map((f) => [f, row[columnOf(f)]]));
  input.platePosted = row.plate_posted === 1;
  const draft = repairDraft.omit({ id: true, rowVersion: true, householdNo: true }).safeParse(input);
  const issues = draft.success ? validateHousingRepair(draft.data, ctx.today) : zodFindings(draft.error, input);
  if (!(reviewStates as readonly string[]).includes(String(row.review_state))) issues.push(issue('reviewState', 'notInList', { value: String(row.review_state) }));
  return issues;
}

export async function housingRepairCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  const other = await q.get<{ household_no: string | null }>(
    `SELECT h.household_no FROM housing_repair r LEFT JOIN household h ON h.id = r.household_id
     WHERE r.household_id = ? AND r.deleted_at IS NULL AND r.id <> ?`,
    [text(row, 'household_id'), text(row, 'id')],
  );
  return other ? [issue('householdId', 'housing.householdHasRepair', { householdNo: other.household_no ?? String(row.household_id) })] : [];
}

/** A school-aid record as uploaded: enumerations, 学年 and its derived year, amount and date (its student is a parent link). */
export function validateSchoolAidRow(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const enumChecks: [string, string, readonly string[]][] = [
    ['schoolTerm', 'term', enums.schoolTerm], ['schoolStage', 'stage', enums.schoolStage], ['aidItem', 'item', enums.schoolAidItem],
  ];
  for (const [field, column, values] of enumChecks) {
    if (!values.includes(String(row[column]))) issues.push(issue(field, 'notInList', { value: String(row[column]) }));
  }
  const year = parseSchoolYear(String(row.school_year ?? ''));
  if (!year.ok) issues.push(year.issue);
  else if (year.schoolYear !== row.school_year || (enums.schoolTerm as readonly string[]).includes(String(row.term))
    && termCalendarYear(year.startYear, row.term as SchoolTerm) !== row.aid_year) issues.push(issue('aidYear', 'sync.derivedMismatch'));
  if (typeof row.amount_fen !== 'number' || row.amount_fen <= 0) issues.push(issue('amount', 'school.amountZero'));
  const paid = paidDateIssue(text(row, 'paid_date'), ctx.today);
  if (paid) issues.push(paid);
  if (!(reviewStates as readonly string[]).includes(String(row.review_state))) issues.push(issue('reviewState', 'notInList', { value: String(row.review_state) }));
  return issues;
}

/** The duplicate rule county-wide: one student, 学年, 学期 and 项目 once. */
export async function schoolAidCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  const other = await q.get<{ amount_fen: number; paid_date: string | null; created_by: string; id: string }>(
    `SELECT id, amount_fen, paid_date, created_by FROM school_aid
     WHERE person_id = ? AND school_year = ? AND term = ? AND item = ? AND deleted_at IS NULL AND id <> ?`,
    [text(row, 'person_id'), text(row, 'school_year'), text(row, 'term'), text(row, 'item'), text(row, 'id')],
  );
  return other ? [issue('aidItem', 'school.duplicate', {
    firstId: other.id, amount: (other.amount_fen / 100).toFixed(2), paidDate: other.paid_date ?? '', createdBy: other.created_by, school: '',
  })] : [];
}
