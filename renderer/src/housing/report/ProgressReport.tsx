/**
 * 进度报表: the 日报/周报 for a chosen date — repairs per village and stage, and which households
 * moved since the previous report. Printable (the page's print styles keep only the report) and
 * exportable as .xlsx.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { ProgressReport as Report } from '../../../../shared/contract/housing.js';
import { housingStages } from '../../../../shared/domain/housing/housing-enums.js';
import { todayIso } from '../../../../shared/domain/id-number.js';
import { downloadFile } from '../../lib/files.js';

type Period = 'daily' | 'weekly';

export function ProgressReport() {
  const { t } = useTranslation();
  const notices = useNotices();
  const [date, setDate] = useState(todayIso());
  const [period, setPeriod] = useState<Period>('daily');
  const [report, setReport] = useState<Report | null>(null);

  const make = useCallback(async () => {
    try {
      setReport(await invoke('reports/housingProgress', { date, period }));
    } catch (err) {
      notices.error(err);
    }
  }, [date, period, notices]);

  useEffect(() => {
    void make();
    // Made once on opening (for today); afterwards on 生成.
  }, []);

  const exportXlsx = async () => {
    try {
      downloadFile(await invoke('reports/housingProgressExport', { date, period }));
    } catch (err) {
      notices.error(err);
    }
  };

  const stage = (s: string) => t(`housing.stage.${s}`);
  return (
    <div className="housing-report">
      <div className="toolbar no-print">
        <div className="toolbar-actions">
          <label className="inline-field">
            <span>{t('ui.housing.report.date')}</span>
            <input className="input mono" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="inline-field">
            <span>{t('ui.housing.report.period')}</span>
            <select className="input select" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              <option value="daily">{t('housing.period.daily')}</option>
              <option value="weekly">{t('housing.period.weekly')}</option>
            </select>
          </label>
          <button type="button" className="button button-primary" onClick={() => void make()}>{t('ui.housing.report.make')}</button>
        </div>
        <div className="toolbar-actions">
          <button type="button" className="button" onClick={() => window.print()}>{t('ui.housing.report.print')}</button>
          <button type="button" className="button" onClick={() => void exportXlsx()}>{t('ui.housing.report.exportXlsx')}</button>
        </div>
      </div>
      {report && (
        <article className="housing-sheet" aria-label={t('ui.housing.report.title', { period: t(`housing.period.${report.period}`), date: report.date })}>
          <h2 className="housing-sheet-title">{t('ui.housing.report.title', { period: t(`housing.period.${report.period}`), date: report.date })}</h2>
          <p className="housing-sheet-subtitle">{t('ui.housing.report.previous', { date: report.previousDate })}</p>
          <table className="housing-table">
            <thead>
              <tr>
                <th scope="col">{t('ui.housing.report.village')}</th>
                {housingStages.map((s) => <th key={s} scope="col">{stage(s)}</th>)}
                <th scope="col">{t('ui.housing.report.total')}</th>
              </tr>
            </thead>
            <tbody>
              {report.villages.length === 0 && <tr><td colSpan={housingStages.length + 2}>{t('ui.housing.report.empty')}</td></tr>}
              {report.villages.map((v) => (
                <tr key={v.villageCode}>
                  <th scope="row">{v.villageName}</th>
                  {housingStages.map((s) => <td key={s} className="num">{v.counts[s]}</td>)}
                  <td className="num">{v.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('ui.housing.report.total')}</th>
                {housingStages.map((s) => <td key={s} className="num">{report.totals[s]}</td>)}
                <td className="num">{report.total}</td>
              </tr>
            </tfoot>
          </table>
          <h3 className="housing-sheet-section">{t('ui.housing.report.moved', { from: report.previousDate, to: report.date, count: report.moved.length })}</h3>
          {report.moved.length === 0 ? <p className="field-hint">{t('ui.housing.report.noneMoved')}</p> : (
            <table className="housing-table housing-moved">
              <thead>
                <tr>
                  <th scope="col">{t('ui.housing.report.householdNo')}</th>
                  <th scope="col">{t('ui.housing.report.headName')}</th>
                  <th scope="col">{t('ui.housing.report.village')}</th>
                  <th scope="col">{t('ui.housing.report.from')}</th>
                  <th scope="col">{t('ui.housing.report.to')}</th>
                </tr>
              </thead>
              <tbody>
                {report.moved.map((m) => (
                  <tr key={m.repairId}>
                    <td className="mono">{m.householdNo}</td>
                    <td>{m.headName}</td>
                    <td>{m.villageName}</td>
                    <td>{stage(m.from)}</td>
                    <td>{stage(m.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      )}
    </div>
  );
}
