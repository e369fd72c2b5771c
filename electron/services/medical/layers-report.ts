/**
 * 人次 and 金额 per layer for a policy year or a range of discharge dates, by village and by visit
 * type, with totals: summed in SQL over integer fen, so the report adds up to the fen.
 */
import type { SqlValue } from '../../db/driver.js';
import type { MethodArgs, MethodOutput, } from '../../../shared/contract/index.js';
import type { ReportGroup } from '../../../shared/contract/medical.js';
import type { Queryable } from '../medical-policy.js';
import { CLAIM_FROM, fieldOf, LAYER_CODES, typedColumn } from './claim-mapping.js';

type Query = MethodArgs<'reports/medicalLayers'>;
type Report = MethodOutput<'reports/medicalLayers'>;

const TALLIED = [...LAYER_CODES.map(typedColumn), 'accident_insurance_fen'];

const SUMS = [
  'count(*) AS claims',
  'sum(c.total_fen) AS total_fen',
  'sum(c.in_scope_fen) AS in_scope_fen',
  ...TALLIED.flatMap((col) => [`sum(c.${col} > 0) AS ${col}_visits`, `coalesce(sum(c.${col}), 0) AS ${col}_amount`]),
  `coalesce(sum(${LAYER_CODES.map((c) => `coalesce(c.${typedColumn(c)}, 0)`).join(' + ')}), 0) AS layers_total_fen`,
  'sum(c.self_pay_fen) AS self_pay_fen',
  'sum(c.in_scope_self_pay_fen) AS in_scope_self_pay_fen',
  'sum(c.over_ceiling) AS over_ceiling',
].join(',\n  ');

type SumRecord = Record<string, SqlValue>;

function toGroup(r: SumRecord | undefined, key: string, label: string): ReportGroup {
  const n = (column: string) => Number(r?.[column] ?? 0);
  const tally = (col: string) => ({ visits: n(`${col}_visits`), amountFen: n(`${col}_amount`) });
  return {
    key,
    label,
    claims: n('claims'),
    totalCostFen: n('total_fen'),
    inScopeCostFen: n('in_scope_fen'),
    layers: Object.fromEntries(LAYER_CODES.map((c) => [fieldOf(c), tally(typedColumn(c))])),
    accidentInsurance: tally('accident_insurance_fen'),
    layersTotalFen: n('layers_total_fen'),
    selfPayFen: n('self_pay_fen'),
    inScopeSelfPayFen: n('in_scope_self_pay_fen'),
    overCeiling: n('over_ceiling'),
  };
}

function whereClause(q: Query): { sql: string; params: SqlValue[] } {
  const parts = ['c.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  if (q.year !== null) {
    parts.push('c.policy_year = ?');
    params.push(q.year);
  }
  if (q.from !== null) {
    parts.push('c.discharge_date >= ?');
    params.push(q.from);
  }
  if (q.to !== null) {
    parts.push('c.discharge_date <= ?');
    params.push(q.to);
  }
  if (q.villageCode !== null) {
    parts.push('h.village_code = ?');
    params.push(q.villageCode);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** The layers of the policy years the period touches, in paying order. */
async function layerFieldsOf(conn: Queryable, q: Query): Promise<string[]> {
  const fromYear = q.year ?? Number(q.from!.slice(0, 4));
  const toYear = q.year ?? Number(q.to!.slice(0, 4));
  const rows = await conn.all<{ layer_code: (typeof LAYER_CODES)[number] }>(
    `SELECT layer_code FROM medical_policy_layer WHERE year BETWEEN ? AND ? AND deleted_at IS NULL
     GROUP BY layer_code ORDER BY min(position), layer_code`, [fromYear, toYear],
  );
  return rows.map((r) => fieldOf(r.layer_code));
}

export async function medicalLayersReport(conn: Queryable, q: Query): Promise<Report> {
  const where = whereClause(q);
  const [byVillage, byVisitType, totals, layerFields] = await Promise.all([
    conn.all<SumRecord>(
      `SELECT h.village_code AS key, COALESCE(v.name, h.village_code) AS label, ${SUMS}
       FROM ${CLAIM_FROM} ${where.sql} GROUP BY h.village_code ORDER BY h.village_code`, where.params,
    ),
    conn.all<SumRecord>(
      `SELECT c.visit_type AS key, ${SUMS} FROM ${CLAIM_FROM} ${where.sql}
       GROUP BY c.visit_type ORDER BY CASE c.visit_type WHEN 'inpatient' THEN 0 WHEN 'chronic_outpatient' THEN 1 ELSE 2 END`, where.params,
    ),
    conn.get<SumRecord>(`SELECT ${SUMS} FROM ${CLAIM_FROM} ${where.sql}`, where.params),
    layerFieldsOf(conn, q),
  ]);
  return {
    period: { year: q.year, from: q.from, to: q.to },
    layerFields,
    byVillage: byVillage.map((r) => toGroup(r, String(r.key), String(r.label))),
    byVisitType: byVisitType.map((r) => toGroup(r, String(r.key), String(r.key))),
    totals: toGroup(totals, '', ''),
  };
}
