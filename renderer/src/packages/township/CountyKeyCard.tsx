import { useTranslation } from 'react-i18next';
import type { KeysInfo } from '../PackagesPage.js';
import { Fingerprint } from '../Fingerprint.js';
import { KeyFileImport } from '../KeyFileImport.js';
import { useAllowed } from '../use-allowed.js';

/** The county this township reports to: its key encrypts the packages and checks the receipts. */
export function CountyKeyCard({ keys, onRegistered }: { keys: KeysInfo; onRegistered(): void }) {
  const { t } = useTranslation();
  const allowed = useAllowed();
  const county = keys.county;
  return (
    <section className="card" aria-labelledby="county-key">
      <h2 id="county-key" className="card-title">{t('ui.packages.countyKey')}</h2>
      {county ? (
        <>
          <p>{t('ui.packages.countyKeyOf', { name: county.name, code: county.code })}</p>
          <Fingerprint grouped={county.signing.grouped} label={t('ui.packages.fingerprintLabel')} />
        </>
      ) : (
        <div className="callout callout-warn" role="note">{t('ui.packages.countyKeyNone')}</div>
      )}
      {allowed('keys/importCounty') && (
        <div>
          <KeyFileImport
            method="keys/importCounty"
            label={county ? t('ui.packages.replaceCountyKey') : t('ui.packages.importCountyKey')}
            inputLabel={t('ui.packages.countyKeyFile')}
            onRegistered={onRegistered}
          />
        </div>
      )}
    </section>
  );
}
