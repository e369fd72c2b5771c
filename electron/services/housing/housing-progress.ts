/**
 * The progress ledger's 日报/周报: repairs per stage and village as of a date, and which moved
 * since the previous report. Stages are derived from the dates "as of" each report date, so a
 * report for any past day can be made again and gives the same answer.
 */
import type { MethodArgs } from '../../../shared/contract/index.js';
import type { ProgressReport } from '../../../shared/contract/housing.js';
import { housingStages, type HousingStage } from '../../../shared/domain/housing/housing-enums.js';
import { housingStageAsOf } from '../../../shared/domain/housing/housing-stage.js';
import type { ServiceContext } from '../context.js';
import { draftOf, REPAIR_SELECT, type RepairRecord } from './housing-mapping.js';

type Query = MethodArgs<'reports/housingProgress'>;

export function previousReportDate(date: string, period: Query['period']): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (period === 'weekly' ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

const zeroCounts = () => Object.fromEntries(housingStages.map((s) => [s, 0])) as Record<HousingStage, number>;

export async function housingProgress(ctx: ServiceContext, q: Query): Promise<ProgressReport> {
  const previousDate = q.previousDate ?? previousReportDate(q.date, q.period);
  // Repairs entered after the report date still count: the stage as of that date says where
  // they stood (待鉴定 when nothing was dated yet).
  const records = await ctx.db.all<RepairRecord>(
    `${REPAIR_SELECT} WHERE r.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.village_code, h.household_no`,
  );
  const villages = new Map<string, ProgressReport['villages'][number]>();
  const totals = zeroCounts();
  const moved: ProgressReport['moved'] = [];
  for (const r of records) {
    const facts = draftOf(r);
    const now = housingStageAsOf(facts, q.date);
    const before = housingStageAsOf(facts, previousDate);
    let village = villages.get(r.village_code);
    if (!village) villages.set(r.village_code, (village = { villageCode: r.village_code, villageName: r.village_name, counts: zeroCounts(), total: 0 }));
    village.counts[now]++;
    village.total++;
    totals[now]++;
    if (now !== before) moved.push({ repairId: r.id, householdNo: r.household_no, headName: r.head_name, villageName: r.village_name, from: before, to: now });
  }
  return { date: q.date, previousDate, period: q.period, villages: [...villages.values()], totals, total: records.length, moved };
}
