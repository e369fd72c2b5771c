import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useDownload } from '../lib/use-download.js';
import { Fingerprint } from './Fingerprint.js';
import type { KeysInfo } from './PackagesPage.js';

/** This workstation's signing key (and the county's encryption key), and its public key file. */
export function OwnKeyCard({ keys }: { keys: KeysInfo }) {
  const { t } = useTranslation();
  const download = useDownload((fileName) => t('ui.households.downloaded', { fileName }));

  return (
    <section className="card" aria-labelledby="own-key">
      <h2 id="own-key" className="card-title">{t('ui.packages.ownKey')}</h2>
      <p className="muted">{t('ui.packages.ownKeyHint')}</p>
      <Fingerprint grouped={keys.signing.grouped} label={t('ui.packages.fingerprintLabel')} />
      {keys.encryption && (
        <div className="key-sub">
          <div className="field-label">{t('ui.packages.encryptionKey')}</div>
          <Fingerprint grouped={keys.encryption.grouped} label={t('ui.packages.encryptionKey')} />
        </div>
      )}
      <div>
        <button type="button" className="button" disabled={download.busy} onClick={() => void download.run(() => invoke('keys/exportPublic', {}))}>{t('ui.packages.exportKey')}</button>
      </div>
    </section>
  );
}
