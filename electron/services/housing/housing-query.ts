/**
 * The housing-repair list. The stage and flags are derived by the shared rules, not stored, so
 * filtering and sorting by them happen here after reading the township's live repairs (a few
 * thousand at most: one per dangerous house), rather than repeating the rules in SQL.
 */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { HousingRow } from '../../../shared/contract/housing.js';
import { housingStages } from '../../../shared/domain/housing/housing-enums.js';
import type { ServiceContext } from '../context.js';
import { REPAIR_SELECT, toRow, type RepairRecord } from './housing-mapping.js';

type PageQuery = MethodArgs<'housing/page'>;

export async function liveRepairRows(ctx: ServiceContext): Promise<HousingRow[]> {
  const [records, photos] = await Promise.all([
    ctx.db.all<RepairRecord>(`${REPAIR_SELECT} WHERE r.deleted_at IS NULL AND h.deleted_at IS NULL`),
    ctx.db.all<{ repair_id: string; n: number }>('SELECT repair_id, count(*) AS n FROM housing_photo WHERE deleted_at IS NULL GROUP BY repair_id'),
  ]);
  const photoCount = new Map(photos.map((p) => [p.repair_id, p.n]));
  return records.map((r) => toRow(r, photoCount.get(r.id) ?? 0));
}

function matches(row: HousingRow, q: PageQuery): boolean {
  if (q.quickSearch && !row.householdNo.includes(q.quickSearch) && !(row.headName ?? '').includes(q.quickSearch)) return false;
  if (q.villageCode && row.villageCode !== q.villageCode) return false;
  if (q.stage && row.stage !== q.stage) return false;
  if (q.safetyGrade && row.safetyGrade !== q.safetyGrade) return false;
  if (q.planYear && row.planYear !== q.planYear) return false;
  if (q.flagged && row.flags.length === 0) return false;
  if (q.reviewState && row.reviewState !== q.reviewState) return false;
  return true;
}

type SortColumn = PageQuery['sort'][number]['column'];
const sortKey: Record<SortColumn, (r: HousingRow) => string | number> = {
  householdNo: (r) => r.householdNo,
  headName: (r) => r.headName ?? '',
  villageName: (r) => r.villageName,
  safetyGrade: (r) => r.safetyGrade ?? 'Z',
  planYear: (r) => r.planYear ?? 0,
  stage: (r) => housingStages.indexOf(r.stage),
  subsidyTotalFen: (r) => r.subsidyTotalFen,
  updatedAt: (r) => r.updatedAt,
};

function compare(a: HousingRow, b: HousingRow, sort: PageQuery['sort']): number {
  for (const s of [...sort, { column: 'householdNo' as const, direction: 'asc' as const }]) {
    const x = sortKey[s.column](a);
    const y = sortKey[s.column](b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    if (c !== 0) return s.direction === 'desc' ? -c : c;
  }
  return 0;
}

export async function pageRepairs(ctx: ServiceContext, q: PageQuery): Promise<MethodOutput<'housing/page'>> {
  const rows = (await liveRepairRows(ctx)).filter((r) => matches(r, q)).sort((a, b) => compare(a, b, q.sort));
  return { rows: rows.slice(q.startRow, q.endRow), total: rows.length };
}
