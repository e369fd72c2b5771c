/** `report --kind housing-progress --date D [--period daily|weekly] [--previous D]`: 危房改造进度日报/周报. */
import { housingStages } from '../../../shared/domain/housing/housing-enums.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { UsageError } from '../output.js';
import { stringOption, type ReportKind } from './report-kind.js';

export const housingProgressReportKind: ReportKind = {
  kind: 'housing-progress',
  usage: '--date 2020-06-01 [--period daily|weekly] [--previous 2020-05-25]',
  options: ['date', 'period', 'previous'],
  async run({ call }, values) {
    const date = stringOption(values, 'date');
    if (!date) throw new UsageError('--date is required (YYYY-MM-DD)');
    const period = stringOption(values, 'period') ?? 'daily';
    if (period !== 'daily' && period !== 'weekly') throw new UsageError('--period must be daily or weekly');
    const report = await call('reports/housingProgress', { date, period, previousDate: stringOption(values, 'previous') });
    const stage = (s: (typeof housingStages)[number]) => zhCN.housing.stage[s];
    const counts = (c: Record<string, number>) => housingStages.map((s) => `${stage(s)} ${c[s]}`).join('，');
    const lines = [
      `危房改造进度${zhCN.housing.period[report.period]}（${report.date}，与 ${report.previousDate} 相比）`,
      `合计 ${report.total} 户：${counts(report.totals)}`,
      ...report.villages.map((v) => `  ${v.villageName} ${v.total} 户：${counts(v.counts)}`),
      `阶段变化 ${report.moved.length} 户：`,
      ...report.moved.map((m) => `  ${m.householdNo} ${m.headName ?? ''}（${m.villageName}）：${stage(m.from)} → ${stage(m.to)}`),
    ];
    return { json: report, lines };
  },
};
