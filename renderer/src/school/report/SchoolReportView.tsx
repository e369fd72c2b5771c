/**
 * 统计报表: 人次, 人 and 金额 per 学段 and 项目 for a year, as in the 2020 report — subtotals per
 * 学段, out-of-province study, the total. Printable (print styles keep only the sheet) and
 * exportable as .xlsx.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useWorkstation } from '../../app/workstation-context.js';
import type { SchoolReport } from '../../../../shared/contract/school.js';
import { formatWanYuan, formatYuan } from '../../../../shared/domain/money.js';
import { downloadFile } from '../../lib/files.js';

const YEARS = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);

export function SchoolReportView() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { settings } = useWorkstation();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [report, setReport] = useState<SchoolReport | null>(null);

  const run = useCallback(async (y: number) => {
    try {
      setReport(await invoke('reports/schoolAid', { year: y }));
    } catch (err) {
      notices.error(err);
    }
  }, [notices]);

  useEffect(() => {
    void run(year);
  }, [year, run]);

  const exportXlsx = async () => {
    try {
      downloadFile(await invoke('reports/schoolAidExport', { year }));
    } catch (err) {
      notices.error(err);
    }
  };

  const yuan = (fen: number) => formatYuan(fen, { grouping: true });
  return (
    <div className="school-report">
      <div className="toolbar report-controls">
        <div className="toolbar-group">
          <label className="inline-field">
            <span>{t('ui.school.report.year')}</span>
            <select className="input select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {YEARS.map((y) => <option key={y} value={y}>{t('ui.school.yearOption', { year: y })}</option>)}
            </select>
          </label>
        </div>
        <div className="toolbar-group">
          <button type="button" className="button" onClick={() => window.print()}>{t('ui.school.report.print')}</button>
          <button type="button" className="button" onClick={() => void exportXlsx()}>{t('ui.school.report.exportXlsx')}</button>
        </div>
      </div>
      {report && (
        <div className="report-sheet school-report-sheet">
          <h2 className="report-title">{settings.orgName} {t('ui.school.report.title', { year: report.year })}</h2>
          {report.total.count === 0 ? <p className="muted">{t('ui.school.report.empty')}</p> : (
            <table className="report-table school-report-table" aria-label={t('ui.school.report.tableLabel')}>
              <thead>
                <tr>
                  <th>{t('ui.school.report.stage')}</th><th>{t('ui.school.report.item')}</th><th>{t('ui.school.report.count')}</th>
                  <th>{t('ui.school.report.persons')}</th><th>{t('ui.school.report.amount')}</th><th>{t('ui.school.report.wan')}</th>
                  <th>{t('ui.school.report.outOfProvince')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byStage.map((s) => [
                  ...report.lines.filter((l) => l.stage === s.stage).map((l) => (
                    <tr key={`${l.stage}-${l.item}`}>
                      <td>{t(`enum.schoolStage.${l.stage}`)}</td><td>{t(`enum.schoolAidItem.${l.item}`)}</td><td className="num">{l.count}</td>
                      <td className="num">{l.persons}</td><td className="num">{yuan(l.amountFen)}</td><td className="num">{formatWanYuan(l.amountFen)}</td>
                      <td className="num">{l.outOfProvinceCount > 0 ? `${l.outOfProvinceCount} / ${yuan(l.outOfProvinceAmountFen)}` : ''}</td>
                    </tr>
                  )),
                  <tr key={`${s.stage}-subtotal`} className="report-subtotal">
                    <td colSpan={2}>{t('ui.school.report.subtotal', { stage: t(`enum.schoolStage.${s.stage}`) })}</td><td className="num">{s.count}</td>
                    <td className="num">{s.persons}</td><td className="num">{yuan(s.amountFen)}</td><td className="num">{formatWanYuan(s.amountFen)}</td><td />
                  </tr>,
                ])}
                <tr className="report-subtotal">
                  <td colSpan={2}>{t('ui.school.report.outOfProvinceTotal')}</td><td className="num">{report.outOfProvince.count}</td>
                  <td className="num">{report.outOfProvince.persons}</td><td className="num">{yuan(report.outOfProvince.amountFen)}</td>
                  <td className="num">{formatWanYuan(report.outOfProvince.amountFen)}</td><td />
                </tr>
                <tr className="report-total">
                  <td colSpan={2}>{t('ui.school.report.total')}</td><td className="num" data-testid="school-report-total-count">{report.total.count}</td>
                  <td className="num">{report.total.persons}</td><td className="num" data-testid="school-report-total-amount">{yuan(report.total.amountFen)}</td>
                  <td className="num">{formatWanYuan(report.total.amountFen)}</td><td />
                </tr>
              </tbody>
            </table>
          )}
          <p className="muted report-note">{t('ui.school.report.note')}</p>
        </div>
      )}
    </div>
  );
}
