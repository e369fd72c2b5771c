/**
 * The claim list, paged, sorted and filtered in SQL for the grid's infinite model. Column names
 * come from a fixed map, values are parameters.
 */
import type { SqlValue } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { normaliseIdNumber } from '../../../shared/domain/id-number.js';
import type { ServiceContext } from '../context.js';
import { CLAIM_FROM, CLAIM_SELECT, toClaim, type ClaimRecord } from './claim-mapping.js';

type PageQuery = MethodArgs<'medical/page'>;

const SORT_COLUMN: Record<PageQuery['sort'][number]['column'], string> = {
  admissionDate: 'c.admission_date',
  dischargeDate: 'c.discharge_date',
  personName: 'p.name',
  villageName: 'village_name',
  hospitalName: 'c.hospital_name',
  visitType: 'c.visit_type',
  totalCost: 'c.total_fen',
  inScopeCost: 'c.in_scope_fen',
  selfPay: 'c.self_pay_fen',
  selfShareBp: 'c.self_share_bp',
  invoiceNo: 'c.invoice_no',
  settlementDate: 'c.settlement_date',
  updatedAt: 'c.updated_at',
  // Returned first (they need fixing), then drafts, submitted, approved.
  reviewState: "CASE c.review_state WHEN 'returned' THEN 0 WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END",
};

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Only the quick search (name, ID number) and the village read the person or household; without
 * them the count reads the claims alone. Foreign keys hold every claim to a person and every person
 * to a household, so the inner joins drop nothing and both counts agree.
 */
function needsJoin(q: PageQuery): boolean {
  return Boolean(q.quickSearch) || q.villageCode !== null;
}

function whereClause(q: PageQuery): { sql: string; params: SqlValue[] } {
  const parts = ['c.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  if (q.quickSearch) {
    const like = `%${likeEscape(q.quickSearch)}%`;
    const idLike = `%${likeEscape(normaliseIdNumber(q.quickSearch))}%`;
    parts.push(`(p.name LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\' OR c.hospital_name LIKE ? ESCAPE '\\' OR c.invoice_no LIKE ? ESCAPE '\\')`);
    params.push(like, idLike, like, like);
  }
  const equal: [string, SqlValue][] = [
    ['c.policy_year', q.policyYear], ['h.village_code', q.villageCode], ['c.visit_type', q.visitType],
    ['c.review_state', q.reviewState], ['c.person_id', q.personId],
  ];
  for (const [column, value] of equal) {
    if (value === null) continue;
    parts.push(`${column} = ?`);
    params.push(value);
  }
  if (q.withWarnings) parts.push("c.warnings <> '[]'");
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export async function pageClaims(ctx: ServiceContext, q: PageQuery): Promise<MethodOutput<'medical/page'>> {
  const where = whereClause(q);
  const order = [
    ...q.sort.map((s) => `${SORT_COLUMN[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`),
    'c.admission_date DESC', 'c.id DESC',
  ];
  const [rows, count] = await Promise.all([
    ctx.db.all<ClaimRecord>(`${CLAIM_SELECT} ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      [...where.params, q.endRow - q.startRow, q.startRow]),
    ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${needsJoin(q) ? CLAIM_FROM : 'medical_claim c'} ${where.sql}`, where.params),
  ]);
  return { rows: rows.map(toClaim), total: count?.n ?? 0 };
}
