/** The report table: one line per group and a totals line; 人次 and 金额 for each layer. */
import { useTranslation } from 'react-i18next';
import type { ReportGroup } from '../../../../shared/contract/medical.js';
import { formatYuan } from '../../../../shared/domain/money.js';

const yuan = (fen: number) => formatYuan(fen, { grouping: true });

export function LayerTable({ layerFields, groups, totals }: { layerFields: string[]; groups: ReportGroup[]; totals: ReportGroup }) {
  const { t } = useTranslation();
  const line = (g: ReportGroup, total: boolean) => (
    <tr key={total ? '__total' : g.key} className={total ? 'total' : undefined}>
      <td className="group">{total ? t('ui.medical.report.total') : g.label}</td>
      <td>{g.claims}</td>
      <td>{yuan(g.totalCostFen)}</td>
      <td>{yuan(g.inScopeCostFen)}</td>
      {layerFields.map((f) => [
        <td key={`${f}-v`}>{g.layers[f]?.visits ?? 0}</td>,
        <td key={`${f}-a`}>{yuan(g.layers[f]?.amountFen ?? 0)}</td>,
      ])}
      <td>{yuan(g.layersTotalFen)}</td>
      <td>{g.accidentInsurance.visits}</td>
      <td>{yuan(g.accidentInsurance.amountFen)}</td>
      <td>{yuan(g.selfPayFen)}</td>
      <td>{g.overCeiling}</td>
    </tr>
  );
  return (
    <div className="report-table-scroll">
      <table className="report-table" aria-label={t('ui.medical.report.tableLabel')}>
        <thead>
          <tr>
            <th rowSpan={2}>{t('ui.medical.report.group')}</th>
            <th rowSpan={2}>{t('ui.medical.report.claims')}</th>
            <th rowSpan={2}>{t('ui.medical.report.totalCost')}</th>
            <th rowSpan={2}>{t('ui.medical.report.inScopeCost')}</th>
            {layerFields.map((f) => <th key={f} colSpan={2}>{t(`field.${f}`)}</th>)}
            <th rowSpan={2}>{t('ui.medical.report.layersTotal')}</th>
            <th colSpan={2}>{t('ui.medical.report.accident')}</th>
            <th rowSpan={2}>{t('ui.medical.report.selfPay')}</th>
            <th rowSpan={2}>{t('ui.medical.report.overCeiling')}</th>
          </tr>
          <tr>
            {[...layerFields, 'accident'].map((f) => [
              <th key={`${f}-v`}>{t('ui.medical.report.count')}</th>,
              <th key={`${f}-a`}>{t('ui.medical.report.amount')}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => line(g, false))}
          {line(totals, true)}
        </tbody>
      </table>
    </div>
  );
}
