/**
 * 修改记录: every audit row of one household and its members, newest first, in words — who,
 * when, what, before and after. Personal numbers arrive masked unless the role may reveal them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { invoke } from '../../api/client.js';
import { useWorkstation } from '../../app/workstation-context.js';
import type { HistoryChange, HistoryEntry } from '../../../../shared/contract/audit.js';
import { describeError } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import '../../styles/trust.css';

function valueText(t: TFunction, change: HistoryChange, value: string | null, villageName: (code: string) => string): string {
  if (value === null) return t('ui.history.none');
  if (change.kind === 'bool') return t(value === 'true' ? 'ui.history.yes' : 'ui.history.no');
  if (change.kind === 'enum' && change.enumName) return t(`enum.${change.enumName}.${value}`, { defaultValue: value });
  if (change.field === 'villageCode') return villageName(value);
  return value;
}

function EntryView({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const villageName = (code: string) => villages.find((v) => v.code === code)?.name ?? code;
  const subject = entry.subject !== null ? t('ui.history.member', { name: entry.subject }) : t('ui.history.household');
  return (
    <li className={`history-entry history-${entry.action}`}>
      <div className="history-head">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        <span className="history-actor">{entry.actor}</span>
        <span className="history-action">{t(`ui.history.action.${entry.action}`)}</span>
        <span className="history-subject">{subject}</span>
      </div>
      {entry.changes.length > 0 && (
        <ul className="history-changes">
          {entry.changes.map((c) => {
            const field = t(`field.${c.field}`, { defaultValue: c.field });
            const after = valueText(t, c, c.after, villageName);
            return (
              <li key={c.field}>
                {entry.action === 'insert'
                  ? t('ui.history.set', { field, after })
                  : t('ui.history.change', { field, before: valueText(t, c, c.before, villageName), after })}
              </li>
            );
          })}
        </ul>
      )}
      {entry.reason && <div className="history-reason">{t('ui.history.reason', { reason: entry.reason })}</div>}
    </li>
  );
}

export function HistoryPanel({ householdId, onClose }: { householdId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('audit/history', { table: 'household', id: householdId })
      .then((r) => {
        if (!live) return;
        setEntries(r.entries);
        setTruncated(r.truncated);
      })
      .catch((err: unknown) => live && setFailure(describeError(t, err).message));
    return () => {
      live = false;
    };
  }, [householdId, t]);

  return (
    <aside className="history-panel" aria-labelledby="history-title" data-testid="history-panel">
      <header className="history-panel-header">
        <h3 id="history-title" className="section-title">{t('ui.history.title')}</h3>
        <button type="button" className="button button-small" onClick={onClose}>{t('ui.common.close')}</button>
      </header>
      {failure && <div className="callout callout-error" role="alert">{failure}</div>}
      {!entries && !failure && <p className="muted" role="status">{t('ui.common.loading')}</p>}
      {entries?.length === 0 && <p className="muted">{t('ui.history.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((e) => <EntryView key={e.seq} entry={e} />)}
        </ol>
      )}
      {truncated && <p className="muted">{t('ui.history.truncated')}</p>}
    </aside>
  );
}
