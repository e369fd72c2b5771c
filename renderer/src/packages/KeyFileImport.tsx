/**
 * Registers the other side's public key file after the clerk has compared its fingerprint with
 * the one read out over the phone. The file is read here only to show what it claims; the main
 * process parses and checks it again (fingerprint against key, role, county).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import { Modal } from '../components/Modal.js';
import { readFileAsBase64, type UploadFile } from '../lib/files.js';
import { FilePickButton } from './FilePickButton.js';
import { Fingerprint, groupFingerprint } from './Fingerprint.js';

interface Pending {
  upload: UploadFile;
  code: string;
  name: string;
  grouped: string;
}

interface KeyFileImportProps {
  method: 'keys/importCounty' | 'county/registerKey';
  label: string;
  inputLabel: string;
  onRegistered(): void;
}

function claimsOf(upload: UploadFile): Omit<Pending, 'upload'> | null {
  try {
    const bytes = Uint8Array.from(atob(upload.contentBase64), (c) => c.charCodeAt(0));
    const key = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { code, name, signingFingerprint } = key;
    if (typeof code !== 'string' || typeof name !== 'string' || typeof signingFingerprint !== 'string') return null;
    return { code, name, grouped: groupFingerprint(signingFingerprint) };
  } catch {
    return null;
  }
}

export function KeyFileImport({ method, label, inputLabel, onRegistered }: KeyFileImportProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async ([file]: File[]) => {
    if (!file) return;
    try {
      const upload = await readFileAsBase64(file);
      const claims = claimsOf(upload);
      if (!claims) {
        // The same words the main process uses for a file it cannot take.
        notices.error(new ApiError({ kind: 'bad_request', code: 'package.badKeyFile', params: { fileName: file.name } }));
        return;
      }
      setPending({ upload, ...claims });
    } catch (err) {
      notices.error(err);
    }
  };

  const register = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const key = await invoke(method, pending.upload);
      notices.success(t('ui.packages.registered', { name: key.name, code: key.code }));
      setPending(null);
      onRegistered();
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FilePickButton label={label} inputLabel={inputLabel} accept=".tzkey,application/json" onFiles={(files) => void choose(files)} />
      {pending && (
        <Modal title={t('ui.packages.registerTitle', { name: pending.name, code: pending.code })} onCancel={() => setPending(null)}>
          <p className="modal-body">{t('ui.packages.registerBody', { name: pending.name })}</p>
          <Fingerprint grouped={pending.grouped} label={t('ui.packages.fingerprintLabel')} copyable={false} />
          <div className="modal-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void register()}>{t('ui.packages.registerConfirm')}</button>
            <button type="button" className="button button-primary" data-autofocus onClick={() => setPending(null)}>{t('ui.common.cancel')}</button>
          </div>
        </Modal>
      )}
    </>
  );
}
