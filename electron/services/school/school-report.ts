/**
 * The yearly school-aid report (the shape of the 2020 report in the domain guide): 人次, 人 and
 * 金额 per 学段 and 项目, out-of-province study apart, subtotals and the total. Counted in SQL
 * over the report index; a term counts in the calendar year it falls in.
 */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { SchoolReport } from '../../../shared/contract/school.js';
import { enums, type SchoolAidItem, type SchoolStage } from '../../../shared/domain/enums.js';
import type { ServiceContext } from '../context.js';

interface LineRecord {
  stage: SchoolStage; item: SchoolAidItem; count: number; persons: number; amount_fen: number; oop_count: number; oop_fen: number;
}
interface TotalRecord { key: string; count: number; persons: number; amount_fen: number }

const rank = <T extends string>(list: readonly T[], value: T) => list.indexOf(value);

export async function schoolAidReport(ctx: ServiceContext, input: MethodArgs<'reports/schoolAid'>): Promise<MethodOutput<'reports/schoolAid'>> {
  const live = 'FROM school_aid WHERE aid_year = ? AND deleted_at IS NULL';
  const lines = await ctx.db.all<LineRecord>(
    `SELECT stage, item, count(*) AS count, count(DISTINCT person_id) AS persons, sum(amount_fen) AS amount_fen,
            sum(out_of_province) AS oop_count, sum(CASE WHEN out_of_province = 1 THEN amount_fen ELSE 0 END) AS oop_fen
     ${live} GROUP BY stage, item`, [input.year],
  );
  const totals = (by: string) => ctx.db.all<TotalRecord>(
    `SELECT ${by} AS key, count(*) AS count, count(DISTINCT person_id) AS persons, sum(amount_fen) AS amount_fen ${live} GROUP BY ${by}`, [input.year],
  );
  const [byStage, byItem, oop, all] = await Promise.all([
    totals('stage'), totals('item'),
    ctx.db.get<TotalRecord>(`SELECT count(*) AS count, count(DISTINCT person_id) AS persons, coalesce(sum(amount_fen), 0) AS amount_fen ${live} AND out_of_province = 1`, [input.year]),
    ctx.db.get<TotalRecord>(`SELECT count(*) AS count, count(DISTINCT person_id) AS persons, coalesce(sum(amount_fen), 0) AS amount_fen ${live}`, [input.year]),
  ]);
  const total = (r: TotalRecord | undefined) => ({ count: r?.count ?? 0, persons: r?.persons ?? 0, amountFen: r?.amount_fen ?? 0 });
  const report: SchoolReport = {
    year: input.year,
    lines: lines
      .map((l) => ({
        stage: l.stage, item: l.item, count: l.count, persons: l.persons, amountFen: l.amount_fen,
        outOfProvinceCount: l.oop_count, outOfProvinceAmountFen: l.oop_fen,
      }))
      .sort((a, b) => rank(enums.schoolStage, a.stage) - rank(enums.schoolStage, b.stage) || rank(enums.schoolAidItem, a.item) - rank(enums.schoolAidItem, b.item)),
    byStage: byStage.map((r) => ({ stage: r.key as SchoolStage, ...total(r) })).sort((a, b) => rank(enums.schoolStage, a.stage) - rank(enums.schoolStage, b.stage)),
    byItem: byItem.map((r) => ({ item: r.key as SchoolAidItem, ...total(r) })).sort((a, b) => rank(enums.schoolAidItem, a.item) - rank(enums.schoolAidItem, b.item)),
    outOfProvince: total(oop),
    total: total(all),
  };
  return report;
}
