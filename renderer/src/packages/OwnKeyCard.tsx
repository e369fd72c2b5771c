import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import { downloadFile } from '../lib/files.js';
import { Fingerprint } from './Fingerprint.js';
import type { KeysInfo } from './PackagesPage.js';

/** This workstation's signing key (and the county's encryption key), and its public key file. */
export function OwnKeyCard({ keys }: { keys: KeysInfo }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [busy, setBusy] = useState(false);

  const exportKey = async () => {
    setBusy(true);
    try {
      const file = await invoke('keys/exportPublic', {});
      downloadFile(file);
      notices.success(t('ui.households.downloaded', { fileName: file.fileName }));
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };

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
        <button type="button" className="button" disabled={busy} onClick={() => void exportKey()}>{t('ui.packages.exportKey')}</button>
      </div>
    </section>
  );
}
