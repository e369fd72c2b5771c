/** `report --kind medical-layers --year 2020 | --from D --to D [--village CODE]`: 人次 and 金额 per layer. */
import type { ReportGroup } from '../../../shared/contract/medical.js';
import { formatYuan } from '../../../shared/domain/money.js';
import { chineseTranslator } from '../../i18n.js';
import { intOption, stringOption, type ReportKind } from './report-kind.js';
import { UsageError } from '../output.js';

export const medicalLayersReportKind: ReportKind = {
  kind: 'medical-layers',
  usage: '--year 2020 | --from 2020-01-01 --to 2020-06-30 [--village CODE]',
  options: ['year', 'from', 'to', 'village'],
  async run({ call }, values) {
    const year = intOption(values, 'year');
    const from = stringOption(values, 'from');
    const to = stringOption(values, 'to');
    if (year === null && (from === null || to === null)) throw new UsageError('give --year, or both --from and --to');
    const report = await call('reports/medicalLayers', { year, from, to, villageCode: stringOption(values, 'village') });
    const { t } = await chineseTranslator();
    const period = year !== null ? `${year} 年度` : `${from} 至 ${to}`;
    const line = (g: ReportGroup, label: string) => [
      `${label}：${g.claims} 人次，医疗总费用 ${formatYuan(g.totalCostFen)} 元，政策范围内 ${formatYuan(g.inScopeCostFen)} 元`,
      ...report.layerFields.map((field) => {
        const tally = g.layers[field]!;
        return `  ${t(`field.${field}`)}：${tally.visits} 人次，${formatYuan(tally.amountFen)} 元`;
      }),
      `  ${t('field.accidentInsurance', { defaultValue: '意外伤害保险' })}：${g.accidentInsurance.visits} 人次，${formatYuan(g.accidentInsurance.amountFen)} 元`,
      `  个人自付 ${formatYuan(g.selfPayFen)} 元；超过自付上限 ${g.overCeiling} 人次`,
    ];
    const lines = [
      `医疗报销分层统计（${period}）`,
      ...line(report.totals, '合计'),
      '按村：',
      ...report.byVillage.flatMap((g) => line(g, g.label)),
      '按就诊类型：',
      ...report.byVisitType.flatMap((g) => line(g, t(`enum.visitType.${g.key}`))),
    ];
    return { json: report, lines };
  },
};
