/**
 * 备份与恢复 (administrators): what each backup holds, a backup now, the second folder (a USB
 * stick), and a restore that first says what the chosen backup holds.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import type { BackupEntry } from '../../../shared/contract/backup.js';
import { Field, fieldAria } from '../components/Field.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { issuesOf, reasonOf } from '../lib/errors.js';
import { formatDateTime } from '../lib/format.js';
import { useReloadable } from '../lib/use-reloadable.js';
import '../styles/trust.css';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BackupsPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [list, reload] = useReloadable(async () => {
    const next = await invoke('backup/list', {});
    setFolder(next.secondFolder ?? '');
    return next;
  });

  const makeNow = async () => {
    setBusy(true);
    try {
      const made = await invoke('backup/make', {});
      notices.success(t('ui.backups.made', { households: made.households, persons: made.persons }));
      await reload();
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };

  const saveFolder = async (event: FormEvent) => {
    event.preventDefault();
    setFolderError(null);
    try {
      await invoke('backup/setSecondFolder', { folder: folder.trim() || null });
      notices.success(folder.trim() ? t('ui.backups.folderSaved') : t('ui.backups.folderCleared'));
      await reload();
    } catch (err) {
      const [first] = issuesOf(err);
      if (first) setFolderError(reasonOf(t, first));
      else notices.error(err);
    }
  };

  const restore = async (entry: BackupEntry) => {
    setRestoring(null);
    setBusy(true);
    try {
      await invoke('backup/restore', { name: entry.name });
      notices.success(t('ui.backups.restored'));
      // Everything on screen came from the old file: start again from the sign-in.
      window.location.reload();
    } catch (err) {
      notices.error(err);
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('ui.backups.title')}</h1>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void makeNow()}>
          {busy ? t('ui.backups.making') : t('ui.backups.makeNow')}
        </button>
      </div>
      <section className="trust-section">
        <p className="muted">{t('ui.backups.hint')}</p>
        {list && <p className="mono">{t('ui.backups.folder', { folder: list.folder })}</p>}
        <form className="trust-row" onSubmit={saveFolder} noValidate>
          <Field id="second-folder" label={t('ui.backups.secondFolder')} error={folderError} hint={t('ui.backups.secondFolderHint')}>
            <input id="second-folder" className="input" value={folder} maxLength={400} onChange={(e) => setFolder(e.target.value)}
              {...fieldAria('second-folder', folderError, t('ui.backups.secondFolderHint'))} />
          </Field>
          <button type="submit" className="button">{t('ui.backups.saveFolder')}</button>
        </form>
      </section>
      {!list ? <p className="muted" role="status">{t('ui.common.loading')}</p> : list.backups.length === 0 ? <p className="muted">{t('ui.backups.empty')}</p> : (
        <table className="trust-table" aria-label={t('ui.backups.title')}>
          <thead>
            <tr>
              <th>{t('ui.backups.takenAt')}</th><th>{t('ui.backups.reason')}</th><th>{t('ui.backups.holds')}</th>
              <th>{t('ui.backups.lastChange')}</th><th>{t('ui.backups.size')}</th><th>{t('ui.backups.integrity')}</th><th />
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => {
              const intact = b.integrity === 'ok';
              return (
                <tr key={b.name} data-backup={b.name}>
                  <td>{formatDateTime(b.takenAt)}</td>
                  <td>{t(`ui.backups.reasons.${b.reason}`, { defaultValue: b.reason })}</td>
                  <td>{intact ? t('ui.backups.holdsValue', { households: b.households, persons: b.persons }) : '—'}</td>
                  <td>{formatDateTime(b.lastChange) || '—'}</td>
                  <td>{sizeText(b.bytes)}</td>
                  <td className={intact ? 'state-good' : 'state-bad'} title={intact ? undefined : b.integrity}>{intact ? t('ui.backups.ok') : t('ui.backups.damaged')}</td>
                  <td>
                    {intact && <button type="button" className="button button-small" disabled={busy} onClick={() => setRestoring(b)}>{t('ui.backups.restore')}</button>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('ui.backups.restoreTitle', { time: formatDateTime(restoring.takenAt) })}
          body={t('ui.backups.restoreBody', { households: restoring.households, persons: restoring.persons, lastChange: formatDateTime(restoring.lastChange) || '—' })}
          confirmLabel={t('ui.backups.restoreConfirm')}
          cancelLabel={t('ui.common.cancel')}
          danger
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      )}
    </div>
  );
}
