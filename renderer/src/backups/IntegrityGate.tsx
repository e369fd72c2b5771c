/**
 * Before anything else: did the database pass its start-up check? If not, nothing of the
 * workstation opens; the screen says what happened and offers the way back to the newest good
 * backup (the server allows that one restore without a sign-in, and only while the check fails).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import type { StartupCheck } from '../../../shared/contract/backup.js';
import { describeError } from '../lib/errors.js';
import { formatDateTime } from '../lib/format.js';
import '../styles/trust.css';

function IntegrityScreen({ check }: { check: StartupCheck }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const good = check.lastGood;

  const restore = async () => {
    setBusy(true);
    try {
      await invoke('backup/restoreLastGood', {});
      window.location.reload();
    } catch (err) {
      setFailure(describeError(t, err).message);
      setBusy(false);
    }
  };

  return (
    <main className="integrity-screen" role="alert" data-testid="integrity-screen">
      <h1>{t('ui.integrity.title')}</h1>
      <p>{t('ui.integrity.body')}</p>
      <div>
        <div className="muted">{t('ui.integrity.problems')}</div>
        <pre className="integrity-problems">{check.problems.join('\n')}</pre>
      </div>
      {good ? (
        <>
          <p>{t('ui.integrity.lastGood', { time: formatDateTime(good.takenAt), households: good.households, persons: good.persons, lastChange: formatDateTime(good.lastChange) || '—' })}</p>
          <p className="muted">{t('ui.integrity.restoreNote')}</p>
          <div>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void restore()}>
              {busy ? t('ui.integrity.restoring') : t('ui.integrity.restore')}
            </button>
          </div>
        </>
      ) : (
        <p className="state-bad">{t('ui.integrity.noBackup')}</p>
      )}
      {failure && <div className="callout callout-error">{failure}</div>}
      <p className="muted">{t('ui.integrity.cli')}</p>
    </main>
  );
}

export function IntegrityGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<StartupCheck | null>(null);

  useEffect(() => {
    invoke('backup/status', {})
      .then(setCheck)
      // A transport that cannot answer shows its own errors further in; do not block on it here.
      .catch(() => setCheck({ ok: true, problems: [], lastGood: null }));
  }, []);

  if (!check) return <div className="app-loading" role="status">{t('ui.common.loading')}</div>;
  if (!check.ok) return <IntegrityScreen check={check} />;
  return <>{children}</>;
}
