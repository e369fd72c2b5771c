/**
 * 人次 and 金额 per layer for a policy year or a range of discharge dates, by village and by visit
 * type, with totals. The period's claims are read once, summed in SQL per (village, visit type)
 * over integer fen; the by-village, by-visit-type and total rows add those cells up in JS. Every
 * figure is a count or a sum of integers, so the roll-up is exact to the fen.
 */
import type { SqlValue } from '../../db/driver.js';
import type { MethodArgs, MethodOutput, } from '../../../shared/contract/index.js';
import type { ReportGroup } from '../../../shared/contract/medical.js';
import type { Queryable } from '../medical-policy.js';
import { fieldOf, LAYER_CODES, typedColumn } from './claim-mapping.js';

type Query = MethodArgs<'reports/medicalLayers'>;
type Report = MethodOutput<'reports/medicalLayers'>;

const TALLIED = [...LAYER_CODES.map(typedColumn), 'accident_insurance_fen'];

/** Every figure of a group, as an output column of the grouped statement. */
const SUMS = [
  'count(*) AS claims',
  'sum(c.total_fen) AS total_fen',
  'sum(c.in_scope_fen) AS in_scope_fen',
  ...TALLIED.flatMap((col) => [`sum(c.${col} > 0) AS ${col}_visits`, `coalesce(sum(c.${col}), 0) AS ${col}_amount`]),
  `coalesce(sum(${LAYER_CODES.map((c) => `coalesce(c.${typedColumn(c)}, 0)`).join(' + ')}), 0) AS layers_total_fen`,
  'sum(c.self_pay_fen) AS self_pay_fen',
  'sum(c.in_scope_self_pay_fen) AS in_scope_self_pay_fen',
  'sum(c.over_ceiling) AS over_ceiling',
];
const SUM_COLUMNS = SUMS.map((s) => s.slice(s.lastIndexOf(' AS ') + 4));

/**
 * The claims of a policy year are read from `medical_claim_report` (migration 11), which holds every
 * column summed here; named, because without statistics the planner prefers `medical_claim_year`
 * and would read each claim's row. A range of discharge dates uses the planner's choice. The
 * household is read from `household_id_village` for the same reason (see the migration).
 */
const claimsOf = (q: Query) => (q.year !== null ? 'medical_claim c INDEXED BY medical_claim_report' : 'medical_claim c');

/** The order of the visit-type rows (villages come in code order from SQL). */
const VISIT_ORDER = ['inpatient', 'chronic_outpatient', 'general_outpatient'];

type SumRecord = Record<string, SqlValue>;

type Sums = Record<string, number>;

/** The sums of several cells (NULL, as from sum() over no non-NULL value, counts as 0). */
function addUp(cells: SumRecord[]): Sums {
  const out: Sums = Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0]));
  for (const cell of cells) for (const c of SUM_COLUMNS) out[c]! += Number(cell[c] ?? 0);
  return out;
}

function toGroup(r: Sums, key: string, label: string): ReportGroup {
  const n = (column: string) => r[column]!;
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

/** Groups the cells by `keyOf`, keeping the order in which keys first appear. */
function rollUp(cells: SumRecord[], keyOf: (cell: SumRecord) => string): Map<string, SumRecord[]> {
  const groups = new Map<string, SumRecord[]>();
  for (const cell of cells) {
    const key = keyOf(cell);
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  return groups;
}

export async function medicalLayersReport(conn: Queryable, q: Query): Promise<Report> {
  const where = whereClause(q);
  const [cells, layerFields] = await Promise.all([
    conn.all<SumRecord>(
      `SELECT h.village_code AS village_code, c.visit_type AS visit_type, ${SUMS.join(',\n  ')}
       FROM ${claimsOf(q)}
       JOIN person p ON p.id = c.person_id
       JOIN household h INDEXED BY household_id_village ON h.id = p.household_id
       ${where.sql} GROUP BY h.village_code, c.visit_type ORDER BY h.village_code`, where.params,
    ),
    layerFieldsOf(conn, q),
  ]);
  const byVillage = rollUp(cells, (cell) => String(cell.village_code));
  const labels = await villageLabels(conn, [...byVillage.keys()]);
  const byVisitType = [...rollUp(cells, (cell) => String(cell.visit_type))]
    .sort(([a], [b]) => visitRank(a) - visitRank(b));
  return {
    period: { year: q.year, from: q.from, to: q.to },
    layerFields,
    byVillage: [...byVillage].map(([code, group]) => toGroup(addUp(group), code, labels.get(code) ?? code)),
    byVisitType: byVisitType.map(([type, group]) => toGroup(addUp(group), type, type)),
    totals: toGroup(addUp(cells), '', ''),
  };
}

function visitRank(type: string): number {
  const rank = VISIT_ORDER.indexOf(type);
  return rank < 0 ? VISIT_ORDER.length : rank;
}

/** The names of the villages the report lists (a code with no village row shows as itself). */
async function villageLabels(conn: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await conn.all<{ code: string; name: string | null }>(
    `SELECT code, name FROM village WHERE code IN (${codes.map(() => '?').join(', ')})`, codes,
  );
  return new Map(rows.filter((r) => r.name !== null).map((r) => [r.code, r.name!]));
}
