/** `report --kind water --year 2021`: pass rates per indicator and village, tests per kind, households still failing. */
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { passRatePercent } from '../../../shared/domain/water/rates.js';
import { indicators } from '../../../shared/domain/water/vocabulary.js';
import { UsageError } from '../output.js';
import { intOption, type ReportKind } from './report-kind.js';

const w = zhCN.ui.water;
const rate = (passed: number, total: number) => `${passed}/${total}（${passRatePercent(passed, total) ?? '—'}%）`;

export const waterReportKind: ReportKind = {
  kind: 'water',
  usage: '--year 2021',
  options: ['year'],
  async run({ call }, values) {
    const year = intOption(values, 'year');
    if (year === null) throw new UsageError('--year is required');
    const report = await call('reports/water', { year });
    const a = report.assessments;
    const lines = [
      `${year} 年饮水安全统计`,
      `评价 ${a.total} 户，达标 ${rate(a.passed, a.total)}；需重新评价 ${a.needsReassessment} 户`,
      ...indicators.map((i) => `  ${w.indicator[i]}：${rate(a.indicators[i], a.total)}`),
      '按村：',
      ...report.villages.map((v) => `  ${v.villageName}：${rate(v.passed, v.total)}；${indicators.map((i) => `${w.indicator[i]} ${v[i]}`).join('，')}`),
      `水质检测 ${report.tests.total} 次，水质达标率 ${rate(report.tests.passed, report.tests.total)}`,
      ...report.tests.byKind.filter((k) => k.total > 0).map((k) => `  ${w.testKind[k.testKind]}：${rate(k.passed, k.total)}`),
      `仍未达标 ${report.failing.length} 户：`,
      ...report.failing.map((f) => `  ${f.villageName} ${f.householdNo} ${f.headName ?? ''}：${f.failing.map((i) => w.indicator[i]).join('、') || w.needsReassessment}`),
    ];
    return { json: report, lines };
  },
};
