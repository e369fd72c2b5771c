import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.js';
import type { PackageHistory } from './TownshipPackages.js';

/** Every package this township made, newest first, with the county's receipt when it came. */
export function ExportHistory({ rows }: { rows: PackageHistory['exported'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="export-history">
      <h2 id="export-history" className="card-title">{t('ui.packages.historySection')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('ui.packages.historyEmpty')}</p>
      ) : (
        <table className="table" aria-labelledby="export-history">
          <thead>
            <tr>
              <th>{t('ui.packages.colSequence')}</th>
              <th>{t('ui.packages.colKind')}</th>
              <th className="col-num">{t('ui.packages.colRecords')}</th>
              <th>{t('ui.packages.colEncrypted')}</th>
              <th>{t('ui.packages.colCreated')}</th>
              <th>{t('ui.packages.colBy')}</th>
              <th>{t('ui.packages.colReceipt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.packageId}>
                <td title={r.fileName}>{r.sequence}</td>
                <td>{t(`ui.packages.kind.${r.kind}`)}</td>
                <td className="col-num">{r.records}</td>
                <td>{r.encrypted ? t('ui.packages.yes') : t('ui.packages.no')}</td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.createdBy}</td>
                <td>
                  {r.acknowledgedAt
                    ? t('ui.packages.receiptSummary', { at: formatDateTime(r.acknowledgedAt), accepted: r.accepted ?? 0, rejected: r.rejected ?? 0, conflicts: r.conflicts ?? 0 })
                    : <span className="muted">{t('ui.packages.receiptPending')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
