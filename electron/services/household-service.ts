import type { Connection, Tx } from '../db/driver.js';
import type { MethodArgs } from '../../shared/contract/index.js';
import type { Household, HouseholdDraft, IdHolder, MemberDraft } from '../../shared/contract/households.js';
import { AppError } from '../../shared/domain/app-error.js';
import { villageBelongsTo } from '../../shared/domain/area-code.js';
import { parseIdNumber, type IdNumberFacts } from '../../shared/domain/id-number.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { validateHousehold } from '../../shared/domain/household-rules.js';
import { todayOf, type ServiceContext } from './context.js';
import { householdValues, personValues, toHousehold, type HouseholdRecord, type PersonRecord } from './household-mapping.js';
import { insertRecord, tombstoneRecord, updateRecord, type Written } from './record-store.js';
import { dependentIssues, liveDependents } from './ledger-dependents.js';
import { requireTownship } from './settings-service.js';
import { isEditable, type ReviewState } from '../../shared/domain/review.js';
import { ownershipIssue } from './review/review-service.js';

export async function getHousehold(ctx: ServiceContext, id: string): Promise<Household> {
  const h = await ctx.db.get<HouseholdRecord>(
    `SELECT h.*, COALESCE(v.name, h.village_code) AS village_name FROM household h
     LEFT JOIN village v ON v.code = h.village_code WHERE h.id = ? AND h.deleted_at IS NULL`,
    [id],
  );
  if (!h) throw new AppError('not_found', 'not_found');
  const members = await ctx.db.all<PersonRecord>(
    'SELECT * FROM person WHERE household_id = ? AND deleted_at IS NULL ORDER BY position, created_at',
    [id],
  );
  return toHousehold(h, members);
}

/** The live person holding this ID number, with their household: for the clerk's live check. */
export async function findIdHolder(conn: Connection, idNumber: string): Promise<IdHolder | null> {
  const row = await conn.get<IdHolder>(
    `SELECT p.household_id AS householdId, h.household_no AS householdNo, hr.head_name AS headName,
            p.id AS personId, p.name AS personName
     FROM person p JOIN household h ON h.id = p.household_id
     LEFT JOIN household_row hr ON hr.id = h.id
     WHERE p.id_number = ? AND p.deleted_at IS NULL`,
    [idNumber],
  );
  return row ?? null;
}

export async function idHolder(ctx: ServiceContext, raw: string): Promise<IdHolder | null> {
  const parsed = parseIdNumber(raw, 'idNumber', todayOf(ctx));
  return parsed.ok ? findIdHolder(ctx.db.reader, parsed.value.idNumber) : null;
}

/** Checks that need the database: village, unique household number, ID numbers held elsewhere. */
export async function householdStoreIssues(
  tx: Tx, township: string, householdId: string | null, draft: HouseholdDraft, members: MemberDraft[], today: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const village = await tx.get('SELECT code FROM village WHERE code = ? AND deleted_at IS NULL', [draft.villageCode]);
  if (!village || !villageBelongsTo(draft.villageCode, township)) issues.push(issue('villageCode', 'village.unknown', { value: draft.villageCode }));
  const sameNo = await tx.get<{ id: string }>('SELECT id FROM household WHERE household_no = ? AND deleted_at IS NULL', [draft.householdNo.trim()]);
  if (sameNo && sameNo.id !== householdId) issues.push(issue('householdNo', 'household.noTaken', { householdNo: draft.householdNo }));
  for (const [i, m] of members.entries()) {
    const id = parseIdNumber(m.idNumber, '', today);
    if (!id.ok) continue;
    const holder = await findIdHolder(tx, id.value.idNumber);
    if (holder && holder.householdId !== householdId) {
      issues.push(issue(`members.${i}.idNumber`, 'idNumber.heldByOther', {
        householdNo: holder.householdNo, headName: holder.headName ?? '', personName: holder.personName,
      }));
    }
  }
  return issues;
}

/**
 * Writes a household and its members inside `tx`. Members missing from `members` are
 * tombstoned (a mistaken entry); people who leave are kept with a removal reason instead.
 */
export interface HouseholdWrite extends Written {
  existed: boolean;
  persons: { added: number; updated: number; unchanged: number; removed: number };
}

export async function writeHousehold(
  tx: Tx, ctx: ServiceContext, draft: HouseholdDraft, members: MemberDraft[], facts: IdNumberFacts[],
): Promise<HouseholdWrite> {
  const existingId = draft.id ?? null;
  const review = existingId ? await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM household WHERE id = ?', [existingId]) : undefined;
  const livePersons = existingId
    ? await tx.all<{ id: string; id_number: string }>('SELECT id, id_number FROM person WHERE household_id = ? AND deleted_at IS NULL', [existingId])
    : [];
  let head: Written;
  if (existingId) head = await updateRecord(tx, ctx, 'household', existingId, draft.rowVersion ?? null, householdValues(draft));
  else head = await insertRecord(tx, ctx, 'household', householdValues(draft));

  const byIdNumber = new Map(livePersons.map((p) => [p.id_number, p.id]));
  const persons = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  // A row re-imported without its id is matched by ID number, so re-imports never duplicate.
  const targets = members.map((m, i) => ({ m, i, personId: m.id ?? byIdNumber.get(facts[i]!.idNumber) }));
  for (const t of targets) {
    if (t.personId && !livePersons.some((p) => p.id === t.personId)) throw new AppError('not_found', 'not_found', { table: 'person' });
  }
  const kept = new Set(targets.flatMap((t) => (t.personId ? [t.personId] : [])));
  // Order matters for the one-head index: members who leave or stop being head are written
  // before the new head, so a change of head never has two live heads in between.
  const leaving = livePersons.filter((p) => !kept.has(p.id));
  const leavingDependents = await liveDependents(tx, 'person', leaving.map((p) => p.id));
  if (leavingDependents.length > 0) throw AppError.validation(dependentIssues('members', 'person.hasLedgerRecords', leavingDependents));
  for (const p of livePersons) {
    if (!kept.has(p.id)) {
      await tombstoneRecord(tx, ctx, 'person', p.id, null, null);
      persons.removed++;
    }
  }
  const isLiveHead = (m: MemberDraft) => m.relation === 'head' && m.removalReason === null;
  for (const { m, i, personId } of [...targets.filter((t) => !isLiveHead(t.m)), ...targets.filter((t) => isLiveHead(t.m))]) {
    const values = personValues(m, facts[i]!, head.id, i);
    if (personId) {
      const w = await updateRecord(tx, ctx, 'person', personId, m.id ? (m.rowVersion ?? null) : null, values);
      persons[w.changed ? 'updated' : 'unchanged']++;
    } else {
      await insertRecord(tx, ctx, 'person', values);
      persons.added++;
    }
  }
  const membersChanged = persons.added + persons.updated + persons.removed > 0;
  // Checked after writing, inside the transaction: an unchanged re-save (or re-import) of a
  // locked household passes, a real change rolls back with the reason.
  if (review && (head.changed || membersChanged)) assertEditable(ctx, review);
  if (membersChanged && !head.changed && existingId) {
    // The household's version covers its members, so two editors of one household conflict.
    head = await updateRecord(tx, ctx, 'household', existingId, null, {}, true);
  }
  return { ...head, changed: head.changed || membersChanged, existed: existingId !== null, persons };
}

/** Pure rules, then store checks; throws a validation error listing every issue. */
export async function checkHousehold(
  tx: Tx, ctx: ServiceContext, township: string, draft: HouseholdDraft, members: MemberDraft[],
): Promise<IdNumberFacts[]> {
  const today = todayOf(ctx);
  const issues = validateHousehold(draft, members, today);
  issues.push(...(await householdStoreIssues(tx, township, draft.id ?? null, draft, members, today)));
  if (issues.length > 0) throw AppError.validation(issues);
  return members.map((m) => {
    const parsed = parseIdNumber(m.idNumber, '', today);
    if (!parsed.ok) throw AppError.validation([parsed.issue]);
    return parsed.value;
  });
}

export async function saveHousehold(ctx: ServiceContext, input: MethodArgs<'households/save'>): Promise<{ id: string; rowVersion: number }> {
  const township = await requireTownship(ctx);
  const written = await ctx.db.transaction(async (tx) => {
    const facts = await checkHousehold(tx, ctx, township, input.household, input.members);
    return writeHousehold(tx, ctx, input.household, input.members, facts);
  });
  return { id: written.id, rowVersion: written.rowVersion };
}

/** Submitted and approved households are locked; a clerk changes only their own. */
function assertEditable(ctx: ServiceContext, review: { review_state: ReviewState; created_by: string }): void {
  if (!isEditable(review.review_state)) throw AppError.validation([issue('householdNo', 'review.locked', { state: review.review_state })]);
  const notOwner = ownershipIssue(ctx, review.created_by);
  if (notOwner) throw AppError.validation([issue('householdNo', notOwner, { owner: review.created_by })]);
}

export async function deleteHousehold(ctx: ServiceContext, input: MethodArgs<'households/delete'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const review = await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM household WHERE id = ? AND deleted_at IS NULL', [input.id]);
    if (review) assertEditable(ctx, review);
    const persons = await tx.all<{ id: string }>('SELECT id FROM person WHERE household_id = ? AND deleted_at IS NULL', [input.id]);
    const dependents = [...await liveDependents(tx, 'household', [input.id]), ...await liveDependents(tx, 'person', persons.map((p) => p.id))];
    if (dependents.length > 0) throw AppError.validation(dependentIssues('household', 'household.hasLedgerRecords', dependents));
    await tombstoneRecord(tx, ctx, 'household', input.id, input.rowVersion, input.reason);
    for (const p of persons) await tombstoneRecord(tx, ctx, 'person', p.id, null, input.reason);
  });
  return { ok: true };
}
