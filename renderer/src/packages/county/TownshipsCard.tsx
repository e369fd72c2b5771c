import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.js';
import { Fingerprint } from '../Fingerprint.js';
import { KeyFileImport } from '../KeyFileImport.js';
import { useAllowed } from '../use-allowed.js';
import type { CountyData } from './CountyPackages.js';

/** Every township whose key the county holds: the key, the last package, what is missing. */
export function TownshipsCard({ townships, onRegistered }: { townships: CountyData['townships']; onRegistered(): void }) {
  const { t } = useTranslation();
  const allowed = useAllowed();
  return (
    <section className="card" aria-labelledby="townships">
      <h2 id="townships" className="card-title">{t('ui.packages.townshipsSection')}</h2>
      {townships.length === 0 ? (
        <p className="muted">{t('ui.packages.townshipsEmpty')}</p>
      ) : (
        <table className="table townships-table" aria-labelledby="townships">
          <thead>
            <tr>
              <th>{t('ui.packages.colTownship')}</th>
              <th>{t('ui.packages.colFingerprint')}</th>
              <th className="col-num">{t('ui.packages.colLastSequence')}</th>
              <th>{t('ui.packages.colMissing')}</th>
              <th className="col-num">{t('ui.packages.colHouseholds')}</th>
              <th className="col-num">{t('ui.packages.colPersons')}</th>
              <th className="col-num">{t('ui.packages.colConflicts')}</th>
            </tr>
          </thead>
          <tbody>
            {townships.map((tw) => (
              <tr key={tw.code}>
                <td>
                  <div>{tw.name}</div>
                  <div className="mono muted">{tw.code}</div>
                </td>
                <td>
                  <Fingerprint grouped={tw.grouped} label={t('ui.packages.fingerprintLabel')} copyable={false} small />
                  <div className="muted small">
                    {t(`ui.packages.source.${tw.source}`)} · {t('ui.packages.colRegistered')} {formatDateTime(tw.registeredAt)}
                  </div>
                </td>
                <td className="col-num">{tw.lastSequence}</td>
                <td className={tw.missing.length ? 'warn-text' : 'muted'}>{tw.missing.length ? tw.missing.join('、') : t('ui.packages.none')}</td>
                <td className="col-num">{tw.households}</td>
                <td className="col-num">{tw.persons}</td>
                <td className="col-num">{tw.openConflicts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {allowed('county/registerKey') && (
        <div>
          <KeyFileImport method="county/registerKey" label={t('ui.packages.registerKey')} inputLabel={t('ui.packages.townshipKeyFile')} onRegistered={onRegistered} />
        </div>
      )}
    </section>
  );
}
