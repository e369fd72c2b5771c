/** 统计报表: the year's pass rates per indicator and village, tests per kind, households still failing. Printable. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import type { WaterReport } from '../../../shared/contract/water.js';
import { indicators } from '../../../shared/domain/water/vocabulary.js';
import { ErrorView } from '../components/ErrorView.js';
import { describeError, type ErrorText } from '../lib/errors.js';
import { indicatorList, rateText } from './water-format.js';
import { useDownload } from '../lib/use-download.js';

export function WaterReportView({ year, version }: { year: number; version: number }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<WaterReport | null>(null);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const download = useDownload((fileName) => t('ui.water.downloaded', { fileName }));

  useEffect(() => {
    setFailure(null);
    invoke('reports/water', { year }).then(setReport).catch((err: unknown) => setFailure(describeError(t, err)));
  }, [year, version, t]);

  if (failure) return <div className="callout callout-error" role="alert"><ErrorView {...failure} /></div>;
  if (!report) return <p className="muted">{t('ui.common.loading')}</p>;
  const a = report.assessments;
  return (
    <section className="water-report" aria-label={t('ui.water.report.title', { year })}>
      <div className="toolbar no-print">
        <h2 className="card-title">{t('ui.water.report.title', { year })}</h2>
        <div className="toolbar-actions">
          <button type="button" className="button" onClick={() => window.print()}>{t('ui.water.report.print')}</button>
          <button type="button" className="button" disabled={download.busy} onClick={() => void download.run(() => invoke('reports/waterExport', { year }))}>{t('ui.water.report.exportXlsx')}</button>
        </div>
      </div>
      <h2 className="print-only">{t('ui.water.report.title', { year })}</h2>
      <div className="water-report-grid">
        <table className="table">
          <caption>{t('ui.water.report.indicatorRates')}</caption>
          <thead><tr><th /><th>{t('ui.water.report.passedHouseholds')}</th><th>{t('ui.water.report.rate')}</th></tr></thead>
          <tbody>
            {indicators.map((i) => <tr key={i}><th scope="row">{t(`ui.water.indicator.${i}`)}</th><td className="col-num">{a.indicators[i]}/{a.total}</td><td className="col-num">{rateText(a.indicators[i], a.total)}</td></tr>)}
            <tr className="total-row"><th scope="row">{t('ui.water.overall')}</th><td className="col-num">{a.passed}/{a.total}</td><td className="col-num">{rateText(a.passed, a.total)}</td></tr>
          </tbody>
        </table>
        <table className="table">
          <caption>{t('ui.water.report.tests')}</caption>
          <thead><tr><th>{t('field.testKind')}</th><th>{t('ui.water.report.testCount')}</th><th>{t('ui.water.report.testPassed')}</th><th>{t('ui.water.report.qualityRate')}</th></tr></thead>
          <tbody>
            {report.tests.byKind.map((k) => <tr key={k.testKind}><th scope="row">{t(`ui.water.testKind.${k.testKind}`)}</th><td className="col-num">{k.total}</td><td className="col-num">{k.passed}</td><td className="col-num">{rateText(k.passed, k.total)}</td></tr>)}
            <tr className="total-row"><th scope="row">{t('ui.water.report.total')}</th><td className="col-num">{report.tests.total}</td><td className="col-num">{report.tests.passed}</td><td className="col-num">{rateText(report.tests.passed, report.tests.total)}</td></tr>
          </tbody>
        </table>
      </div>
      <table className="table">
        <caption>{t('ui.water.report.byVillage')}</caption>
        <thead>
          <tr>
            <th>{t('ui.water.village')}</th><th>{t('ui.water.report.households')}</th><th>{t('ui.water.report.passedHouseholds')}</th><th>{t('ui.water.report.rate')}</th>
            {indicators.map((i) => <th key={i}>{t(`ui.water.indicator.${i}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {report.villages.map((v) => (
            <tr key={v.villageCode}>
              <th scope="row">{v.villageName}</th><td className="col-num">{v.total}</td><td className="col-num">{v.passed}</td><td className="col-num">{rateText(v.passed, v.total)}</td>
              {indicators.map((i) => <td key={i} className="col-num">{rateText(v[i], v.total)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="section-title">{t('ui.water.report.failing')}</h3>
      {a.needsReassessment > 0 && <p className="water-fail">{t('ui.water.report.needsReassessment', { count: a.needsReassessment })}</p>}
      {report.failing.length === 0 ? <p className="muted">{t('ui.water.report.noFailing')}</p> : (
        <table className="table">
          <thead><tr><th>{t('ui.water.village')}</th><th>{t('ui.water.householdNo')}</th><th>{t('ui.water.headName')}</th><th>{t('ui.water.report.failingIndicators')}</th><th>{t('ui.water.needsReassessment')}</th></tr></thead>
          <tbody>
            {report.failing.map((f) => (
              <tr key={f.assessmentId}>
                <td>{f.villageName}</td><td>{f.householdNo}</td><td>{f.headName ?? ''}</td>
                <td className="water-fail">{indicatorList(t, f.failing)}</td><td>{f.needsReassessment ? t('ui.water.yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
