/**
 * 医疗报销分层统计: 人次 and 金额 per layer for a year or a date range, by village or by visit
 * type, with totals, self-pay and the count above the ceiling. Sums come from the main process
 * (SQL over integer fen); this view only lays them out, as a table, a chart, and for print.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useWorkstation } from '../../app/workstation-context.js';
import type { MedicalLayersReport } from '../../../../shared/contract/medical.js';
import { isIsoDate } from '../../../../shared/clipboard/tsv.js';
import { formatDateTime } from '../../lib/format.js';
import { downloadFile } from '../../lib/files.js';
import { formatWanYuan, formatYuan } from '../../../../shared/domain/money.js';
import { LayerTable } from './LayerTable.js';
import { LayerChart } from './LayerChart.js';

type Period = { mode: 'year'; year: number | null } | { mode: 'range'; from: string; to: string };
type GroupBy = 'byVillage' | 'byVisitType';

export function LayerReport() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { settings } = useWorkstation();
  const [years, setYears] = useState<number[]>([]);
  const [period, setPeriod] = useState<Period>({ mode: 'year', year: null });
  const [groupBy, setGroupBy] = useState<GroupBy>('byVillage');
  const [report, setReport] = useState<MedicalLayersReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());

  useEffect(() => {
    invoke('medical/policy/get', { year: null })
      .then((r) => {
        const list = [...r.years].reverse();
        setYears(list);
        setPeriod((p) => (p.mode === 'year' && p.year === null && list[0] !== undefined ? { mode: 'year', year: list[0] } : p));
      })
      .catch(notices.error);
  }, [notices]);

  const query = useMemo(() => {
    if (period.mode === 'year') return period.year === null ? null : { year: period.year };
    return isIsoDate(period.from) && isIsoDate(period.to) && period.from <= period.to ? { from: period.from, to: period.to } : null;
  }, [period]);

  useEffect(() => {
    if (!query) return;
    let live = true;
    setLoading(true);
    invoke('reports/medicalLayers', query)
      .then((r) => {
        if (!live) return;
        setReport(r);
        setPrintedAt(new Date().toISOString());
      })
      .catch((err: unknown) => live && notices.error(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, notices]);

  const periodText = report?.period.year != null
    ? t('ui.medical.report.periodYear', { year: report.period.year })
    : report ? t('ui.medical.report.periodRange', { from: report.period.from, to: report.period.to }) : '';
  const groups = report ? report[groupBy] : [];
  return (
    <div className="report-body">
      <div className="report-controls">
        <div className="field">
          <label className="field-label" htmlFor="report-mode">{t('ui.medical.report.period')}</label>
          <select
            id="report-mode"
            className="input select"
            value={period.mode}
            onChange={(e) => setPeriod(e.target.value === 'year' ? { mode: 'year', year: years[0] ?? null } : { mode: 'range', from: `${years[0] ?? new Date().getFullYear()}-01-01`, to: `${years[0] ?? new Date().getFullYear()}-12-31` })}
          >
            <option value="year">{t('ui.medical.report.byYear')}</option>
            <option value="range">{t('ui.medical.report.byRange')}</option>
          </select>
        </div>
        {period.mode === 'year' ? (
          <div className="field">
            <label className="field-label" htmlFor="report-year">{t('ui.medical.year')}</label>
            <select id="report-year" className="input select" value={period.year ?? ''} onChange={(e) => setPeriod({ mode: 'year', year: Number(e.target.value) })}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
        ) : (
          <>
            <div className="field">
              <label className="field-label" htmlFor="report-from">{t('ui.medical.report.from')}</label>
              <input id="report-from" className="input mono" value={period.from} maxLength={10} placeholder="2020-01-01" onChange={(e) => setPeriod({ ...period, from: e.target.value.trim() })} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="report-to">{t('ui.medical.report.to')}</label>
              <input id="report-to" className="input mono" value={period.to} maxLength={10} placeholder="2020-12-31" onChange={(e) => setPeriod({ ...period, to: e.target.value.trim() })} />
            </div>
          </>
        )}
        <div className="field">
          <label className="field-label" htmlFor="report-group">{t('ui.medical.report.groupBy')}</label>
          <select id="report-group" className="input select" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="byVillage">{t('ui.medical.report.byVillage')}</option>
            <option value="byVisitType">{t('ui.medical.report.byVisitType')}</option>
          </select>
        </div>
        <div className="report-actions">
          <button type="button" className="button" disabled={!report} onClick={() => window.print()}>{t('ui.medical.report.print')}</button>
          <button
            type="button"
            className="button"
            disabled={!report || !query}
            onClick={() => {
              if (query) invoke('reports/medicalLayersExport', query).then(downloadFile, (err: unknown) => notices.error(err));
            }}
          >
            {t('ui.medical.report.exportXlsx')}
          </button>
        </div>
        {loading && <span className="muted" role="status">{t('ui.common.loading')}</span>}
      </div>
      {report && (
        <div className="report-sheet" data-testid="medical-report">
          <h2 className="report-heading">{t('ui.medical.report.heading', { org: settings.orgName ?? '', period: periodText })}</h2>
          <div className="report-meta">
            <span>{t(`ui.medical.report.${groupBy}`)}</span>
            <span>{t('ui.medical.report.printedAt', { time: formatDateTime(printedAt) })}</span>
          </div>
          {report.totals.claims === 0 ? (
            <p className="muted">{t('ui.medical.report.empty')}</p>
          ) : (
            <>
              <dl className="report-summary" data-testid="report-summary">
                <div><dt>{t('ui.medical.report.claims')}</dt><dd><strong>{report.totals.claims}</strong></dd></div>
                <div><dt>{t('ui.medical.report.layersTotal')}</dt><dd><strong>{formatYuan(report.totals.layersTotalFen, { grouping: true })}</strong>（{formatWanYuan(report.totals.layersTotalFen)} {t('ui.medical.report.wan')}）</dd></div>
                <div><dt>{t('ui.medical.report.selfPay')}</dt><dd><strong>{formatYuan(report.totals.selfPayFen, { grouping: true })}</strong></dd></div>
                <div><dt>{t('ui.medical.report.overCeiling')}</dt><dd><strong>{report.totals.overCeiling}</strong></dd></div>
              </dl>
              <LayerTable layerFields={report.layerFields} groups={groups} totals={report.totals} />
              <LayerChart layerFields={report.layerFields} groups={groups} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
