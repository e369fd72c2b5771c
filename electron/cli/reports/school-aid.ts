/** `report --kind school-aid --year 2020`: 人次, 人 and 金额 per 学段 and 项目, out-of-province study, totals. */
import { formatWanYuan } from '../../../shared/domain/money.js';
import { enumLabel } from '../../services/sheet-cells.js';
import { UsageError } from '../output.js';
import { intOption, type ReportKind } from './report-kind.js';

export const schoolAidReportKind: ReportKind = {
  kind: 'school-aid',
  usage: '--year 2020',
  options: ['year'],
  async run({ call }, values) {
    const year = intOption(values, 'year');
    if (year === null) throw new UsageError('--year is required');
    const report = await call('reports/schoolAid', { year });
    const lines = [`${year} 年教育资助统计`];
    for (const stage of report.byStage) {
      lines.push(`${enumLabel('schoolStage', stage.stage)}：${stage.count} 人次 ${formatWanYuan(stage.amountFen)} 万元`);
      for (const l of report.lines.filter((x) => x.stage === stage.stage)) {
        lines.push(`  ${enumLabel('schoolAidItem', l.item)}：${l.count} 人次（${l.persons} 人）${formatWanYuan(l.amountFen)} 万元`);
      }
    }
    lines.push(`外省就读：${report.outOfProvince.count} 人次（${report.outOfProvince.persons} 人）${formatWanYuan(report.outOfProvince.amountFen)} 万元`);
    lines.push(`合计：${report.total.count} 人次（${report.total.persons} 人）${formatWanYuan(report.total.amountFen)} 万元`);
    return { json: report, lines };
  },
};
