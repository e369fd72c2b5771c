import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { downloadFile } from '../../lib/files.js';
import type { KeysInfo } from '../PackagesPage.js';
import { tableLabel } from '../refusal-text.js';
import { useAllowed } from '../use-allowed.js';
import type { PackageSummary } from './TownshipPackages.js';

type Exported = MethodOutput<'packages/export'>['package'];

/** What the next package will carry, and the export itself (the file is saved by the browser). */
export function ExportCard({ summary, county, onExported }: {
  summary: NonNullable<PackageSummary['township']>;
  county: KeysInfo['county'];
  onExported(): void;
}) {
  const { t } = useTranslation();
  const notices = useNotices();
  const allowed = useAllowed();
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Exported | null>(null);
  const pendingTotal = summary.pending.reduce((sum, p) => sum + p.rows, 0);

  const exportPackage = async () => {
    setBusy(true);
    try {
      const { file, package: pkg } = await invoke('packages/export', { full });
      downloadFile(file);
      setLast(pkg);
      notices.success(t('ui.households.downloaded', { fileName: file.fileName }));
      onExported();
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };

  const scope = full
    ? t('ui.packages.fullHint')
    : summary.acknowledgedSequence > 0
      ? t('ui.packages.sinceAcknowledged', { base: summary.acknowledgedSequence })
      : t('ui.packages.sinceStart');

  return (
    <section className="card" aria-labelledby="export-package">
      <h2 id="export-package" className="card-title">{t('ui.packages.exportSection')}</h2>
      <ul className="fact-list">
        <li>{t('ui.packages.nextPackage', { sequence: summary.lastSequence + 1 })}</li>
        <li>{scope}</li>
        <li className={summary.encrypts ? undefined : 'warn-text'}>
          {summary.encrypts && county ? t('ui.packages.encryptedTo', { name: county.name }) : t('ui.packages.notEncrypted')}
        </li>
        <li className="muted">{t('ui.packages.onlyApproved')}</li>
      </ul>
      {!full && pendingTotal > 0 && (
        <table className="table pending-table" aria-label={t('ui.packages.exportSection')}>
          <thead>
            <tr><th>{t('ui.packages.colTable')}</th><th className="col-num">{t('ui.packages.colRows')}</th></tr>
          </thead>
          <tbody>
            {/* Ledgers with nothing to send are left out: the list grows with every ledger. */}
            {summary.pending.filter((p) => p.rows > 0).map((p) => (
              <tr key={p.table}><td>{tableLabel(t, p.table)}</td><td className="col-num">{p.rows}</td></tr>
            ))}
            <tr className="total-row"><td>{t('ui.packages.total')}</td><td className="col-num">{pendingTotal}</td></tr>
          </tbody>
        </table>
      )}
      {!full && pendingTotal === 0 && <p className="muted">{t('ui.packages.nothingPending')}</p>}
      {allowed('packages/export') && (
        <div className="card-actions">
          <label className="check">
            <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
            {t('ui.packages.fullOption')}
          </label>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void exportPackage()}>
            {busy ? t('ui.packages.exporting') : t('ui.packages.export')}
          </button>
        </div>
      )}
      {last && (
        <div className="callout" role="status">
          {t('ui.packages.exported', {
            sequence: last.sequence, kind: t(`ui.packages.kind.${last.kind}`), records: last.records, fileName: last.fileName,
          })}
          <span className="muted">
            {last.encrypted ? t('ui.packages.exportedEncrypted') : t('ui.packages.exportedPlain')}
            {' · '}
            {last.tables.filter((x) => x.rows > 0).map((x) => `${tableLabel(t, x.table)} ${x.rows}`).join('，')}
          </span>
        </div>
      )}
    </section>
  );
}
