import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.js';
import { tableLabel } from '../refusal-text.js';
import type { CountyData } from './CountyPackages.js';

/** Records the county changed since the township's version: listed, never overwritten. */
export function ConflictsCard({ conflicts, townships }: { conflicts: CountyData['conflicts']; townships: CountyData['townships'] }) {
  const { t } = useTranslation();
  const nameOf = (code: string) => townships.find((tw) => tw.code === code)?.name ?? code;
  return (
    <section className="card" aria-labelledby="conflicts">
      <h2 id="conflicts" className="card-title">{t('ui.packages.conflictsSection')}</h2>
      <p className="muted">{t('ui.packages.conflictsHint')}</p>
      {conflicts.length === 0 ? (
        <p className="muted">{t('ui.packages.conflictsEmpty')}</p>
      ) : (
        <table className="table" aria-labelledby="conflicts">
          <thead>
            <tr>
              <th>{t('ui.packages.colTownship')}</th>
              <th>{t('ui.packages.colRecordTable')}</th>
              <th>{t('ui.packages.colRecord')}</th>
              <th className="col-num">{t('ui.packages.colCountyVersion')}</th>
              <th className="col-num">{t('ui.packages.colIncomingVersion')}</th>
              <th>{t('ui.packages.colDetected')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={`${c.packageId}-${c.table}-${c.id}`}>
                <td>{nameOf(c.townshipCode)}</td>
                <td>{tableLabel(t, c.table)}</td>
                <td className="mono small">{c.id}</td>
                <td className="col-num">{c.countyVersion}</td>
                <td className="col-num">{c.incomingVersion}</td>
                <td>{formatDateTime(c.detectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
