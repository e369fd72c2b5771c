/**
 * The household list, paged, sorted and filtered in SQL so the renderer never loads whole
 * tables (50,000 households). Column names come from fixed maps, values are parameters.
 */
import type { SqlValue } from '../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { HouseholdRow } from '../../shared/contract/households.js';
import { maskIdNumber } from '../../shared/domain/id-number.js';
import type { ServiceContext } from './context.js';

type PageQuery = MethodArgs<'households/page'>;

const COLUMN: Record<PageQuery['sort'][number]['column'] | PageQuery['textFilters'][number]['column'], string> = {
  householdNo: 'household_no',
  villageName: 'village_name',
  status: 'status',
  headName: 'head_name',
  memberCount: 'member_count',
  helperName: 'helper_name',
  updatedAt: 'updated_at',
  // The clerk's order: returned first (they need fixing), then drafts, submitted, approved.
  reviewState: "CASE review_state WHEN 'returned' THEN 0 WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END",
};

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const TEXT_OPERATOR: Record<PageQuery['textFilters'][number]['type'], (column: string) => { sql: string; wrap: (v: string) => string }> = {
  contains: (c) => ({ sql: `${c} LIKE ? ESCAPE '\\'`, wrap: (v) => `%${likeEscape(v)}%` }),
  notContains: (c) => ({ sql: `COALESCE(${c}, '') NOT LIKE ? ESCAPE '\\'`, wrap: (v) => `%${likeEscape(v)}%` }),
  equals: (c) => ({ sql: `${c} = ?`, wrap: (v) => v }),
  notEqual: (c) => ({ sql: `COALESCE(${c}, '') <> ?`, wrap: (v) => v }),
  startsWith: (c) => ({ sql: `${c} LIKE ? ESCAPE '\\'`, wrap: (v) => `${likeEscape(v)}%` }),
  endsWith: (c) => ({ sql: `${c} LIKE ? ESCAPE '\\'`, wrap: (v) => `%${likeEscape(v)}` }),
};

const NUMBER_OPERATOR = { equals: '=', greaterThan: '>', lessThan: '<' } as const;

function whereClause(q: PageQuery): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (q.quickSearch) {
    const like = `%${likeEscape(q.quickSearch.toUpperCase())}%`;
    parts.push(`(household_no LIKE ? ESCAPE '\\' OR head_name LIKE ? ESCAPE '\\' OR EXISTS (
      SELECT 1 FROM person p WHERE p.household_id = household_row.id AND p.deleted_at IS NULL
        AND (p.id_number LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')))`);
    params.push(like, like, like, like);
  }
  if (q.villageCode) {
    parts.push('village_code = ?');
    params.push(q.villageCode);
  }
  if (q.status) {
    parts.push('status = ?');
    params.push(q.status);
  }
  if (q.reviewState) {
    parts.push('review_state = ?');
    params.push(q.reviewState);
  }
  for (const f of q.textFilters) {
    const op = TEXT_OPERATOR[f.type](COLUMN[f.column]);
    parts.push(op.sql);
    params.push(op.wrap(f.value));
  }
  if (q.memberCountFilter) {
    parts.push(`member_count ${NUMBER_OPERATOR[q.memberCountFilter.type]} ?`);
    params.push(q.memberCountFilter.value);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

interface RowRecord {
  id: string; household_no: string; village_code: string; village_name: string; status: string; cause: string | null;
  head_name: string | null; head_id_number: string | null; member_count: number; dibao: number; tekun: number;
  helper_name: string | null; updated_at: string; created_by: string; review_state: HouseholdRow['reviewState']; review_reason: string | null;
}

function toRow(r: RowRecord, rejectedMembers: string[]): HouseholdRow {
  return {
    id: r.id, householdNo: r.household_no, villageCode: r.village_code, villageName: r.village_name, status: r.status,
    cause: r.cause, headName: r.head_name, headIdMasked: r.head_id_number ? maskIdNumber(r.head_id_number) : null,
    memberCount: r.member_count, dibao: r.dibao === 1, tekun: r.tekun === 1, helperName: r.helper_name, updatedAt: r.updated_at,
    createdBy: r.created_by, reviewState: r.review_state, reviewReason: r.review_reason, rejectedMembers,
  };
}

/** The page's households' live members whose county state (last receipt) is a rejection. */
async function rejectedMembersOf(ctx: ServiceContext, householdIds: string[]): Promise<Map<string, string[]>> {
  const byHousehold = new Map<string, string[]>();
  if (householdIds.length === 0) return byHousehold;
  const rows = await ctx.db.all<{ household_id: string; name: string }>(
    // CROSS JOIN keeps person first (its household index), rather than every person's county state.
    `SELECT p.household_id, p.name FROM person p
     CROSS JOIN record_county_state s ON s.table_name = 'person' AND s.record_id = p.id AND s.state = 'rejected'
     WHERE p.deleted_at IS NULL AND p.household_id IN (${householdIds.map(() => '?').join(', ')})
     ORDER BY p.household_id, p.name`,
    householdIds,
  );
  for (const r of rows) byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r.name]);
  return byHousehold;
}

/**
 * Counting through the view pays for its joins on every row (≈120 ms at 50,000 households);
 * when no filter needs the head or the member count, count the household table instead.
 */
function countSource(q: PageQuery): string {
  const needsView = q.quickSearch !== '' || q.memberCountFilter !== null || q.textFilters.some((f) => f.column === 'headName' || f.column === 'villageName');
  return needsView ? 'household_row' : '(SELECT * FROM household WHERE deleted_at IS NULL)';
}

export async function pageHouseholds(ctx: ServiceContext, q: PageQuery): Promise<MethodOutput<'households/page'>> {
  const where = whereClause(q);
  const order = [...q.sort.map((s) => `${COLUMN[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`), 'household_no ASC', 'id ASC'];
  const [rows, count] = await Promise.all([
    ctx.db.all<RowRecord>(
      `SELECT * FROM household_row ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      [...where.params, q.endRow - q.startRow, q.startRow],
    ),
    ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${countSource(q)} ${where.sql}`, where.params),
  ]);
  const rejected = await rejectedMembersOf(ctx, rows.map((r) => r.id));
  return { rows: rows.map((r) => toRow(r, rejected.get(r.id) ?? [])), total: count?.n ?? 0 };
}
