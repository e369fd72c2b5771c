/**
 * The school-aid list, paged, sorted and filtered in SQL. Column names come from a fixed map,
 * values are parameters. ID numbers leave masked; the total amount of the filtered rows comes
 * with the count, for the grid's footer.
 */
import type { SqlValue } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { maskIdNumber } from '../../../shared/domain/id-number.js';
import type { ServiceContext } from '../context.js';
import { SCHOOL_AID_ROW_SQL, toSchoolAid, type SchoolAidRecord } from './school-aid-mapping.js';

type PageQuery = MethodArgs<'school/page'>;

const COLUMN: Record<PageQuery['sort'][number]['column'], string> = {
  personName: 'p.name', householdNo: 'h.household_no', villageName: 'village_name', schoolYear: 'a.school_year', schoolTerm: 'a.term',
  schoolStage: 'a.stage', schoolName: 'a.school', aidItem: 'a.item', amountFen: 'a.amount_fen', paidDate: 'a.paid_date', updatedAt: 'a.updated_at',
  reviewState: "CASE a.review_state WHEN 'returned' THEN 0 WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END",
};

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereClause(q: PageQuery): { sql: string; params: SqlValue[] } {
  const parts = ['a.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  if (q.quickSearch) {
    const like = `%${likeEscape(q.quickSearch.toUpperCase())}%`;
    parts.push(`(p.name LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\' OR a.school LIKE ? ESCAPE '\\' OR h.household_no LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  const equal: [string, SqlValue][] = [
    ['a.aid_year', q.aidYear], ['a.school_year', q.schoolYear], ['a.term', q.schoolTerm], ['a.stage', q.schoolStage], ['a.item', q.aidItem],
    ['h.village_code', q.villageCode], ['a.review_state', q.reviewState],
  ];
  for (const [column, value] of equal) {
    if (value === null) continue;
    parts.push(`${column} = ?`);
    params.push(value);
  }
  if (q.onlyWarnings) parts.push("a.warnings <> '[]'");
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export async function pageSchoolAid(ctx: ServiceContext, q: PageQuery): Promise<MethodOutput<'school/page'>> {
  const where = whereClause(q);
  const order = [...q.sort.map((s) => `${COLUMN[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`), 'a.updated_at DESC', 'a.id ASC'];
  const [rows, sums] = await Promise.all([
    ctx.db.all<SchoolAidRecord>(`${SCHOOL_AID_ROW_SQL} ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`, [...where.params, q.endRow - q.startRow, q.startRow]),
    ctx.db.get<{ n: number; fen: number | null }>(
      `SELECT count(*) AS n, sum(a.amount_fen) AS fen FROM school_aid a JOIN person p ON p.id = a.person_id
       JOIN household h ON h.id = p.household_id ${where.sql}`, where.params,
    ),
  ]);
  return {
    rows: rows.map((r) => {
      const { note: _note, ...row } = toSchoolAid(r);
      return { ...row, idNumber: maskIdNumber(row.idNumber) };
    }),
    total: sums?.n ?? 0,
    amountFen: sums?.fen ?? 0,
  };
}
