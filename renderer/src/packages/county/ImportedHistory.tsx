import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { downloadFile } from '../../lib/files.js';
import { formatDateTime } from '../../lib/format.js';
import { useAllowed } from '../use-allowed.js';
import type { CountyData } from './CountyPackages.js';

/** The packages the county took in, newest first; each can be answered with a receipt (again). */
export function ImportedHistory({ rows, townships }: { rows: CountyData['imported']; townships: CountyData['townships'] }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const allowed = useAllowed();
  const [busy, setBusy] = useState<string | null>(null);
  const nameOf = (code: string) => townships.find((tw) => tw.code === code)?.name ?? code;

  const makeReceipt = async (packageId: string) => {
    setBusy(packageId);
    try {
      const file = await invoke('county/makeReceipt', { packageId });
      downloadFile(file);
      notices.success(t('ui.packages.receiptMade', { fileName: file.fileName }));
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="imported-history">
      <h2 id="imported-history" className="card-title">{t('ui.packages.importedSection')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('ui.packages.importedEmpty')}</p>
      ) : (
        <table className="table" aria-labelledby="imported-history">
          <thead>
            <tr>
              <th>{t('ui.packages.colTownship')}</th>
              <th className="col-num">{t('ui.packages.colSequence')}</th>
              <th>{t('ui.packages.colKind')}</th>
              <th>{t('ui.packages.colImported')}</th>
              <th>{t('ui.packages.colResult')}</th>
              {allowed('county/makeReceipt') && <th className="col-actions">{t('ui.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.packageId}>
                <td>{nameOf(r.townshipCode)}</td>
                <td className="col-num">{r.sequence}</td>
                <td>{t(`ui.packages.kind.${r.kind}`)}</td>
                <td>{formatDateTime(r.importedAt)} · {r.importedBy}</td>
                <td>{t('ui.packages.resultSummary', { accepted: r.accepted, rejected: r.rejected, conflicts: r.conflicts })}</td>
                {allowed('county/makeReceipt') && (
                  <td className="col-actions">
                    <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void makeReceipt(r.packageId)}>
                      {t('ui.packages.makeReceipt')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
