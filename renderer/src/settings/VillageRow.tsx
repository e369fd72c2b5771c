import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Village } from '../../../shared/contract/settings.js';
import { describeError } from '../lib/errors.js';

interface VillageRowProps {
  village: Village;
  editing: boolean;
  onEdit(): void;
  onDone(): void;
  onSave(name: string): Promise<unknown>;
}

/** One village; 改名 turns the name into an input: Enter saves, Esc puts it back. */
export function VillageRow({ village, editing, onEdit, onDone, onSave }: VillageRowProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(village.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = `village-name-${village.code}`;

  const commit = async () => {
    if (!name.trim()) return setError(t('issue.required'));
    if (name.trim() === village.name) return onDone();
    const err = await onSave(name.trim());
    if (err) {
      const { message, issues } = describeError(t, err);
      setError(issues[0] ?? message);
    } else {
      setError(null);
      onDone();
    }
  };

  return (
    <tr>
      <td className="col-code mono">{village.code}</td>
      <td>
        {editing ? (
          <>
            <input
              id={inputId}
              className="input input-inline"
              autoFocus
              value={name}
              maxLength={60}
              aria-label={t('ui.settings.renameLabel', { code: village.code })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-note` : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing) return;
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void commit();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setName(village.name);
                  setError(null);
                  onDone();
                }
              }}
            />
            {error && <div id={`${inputId}-note`} className="field-error">{error}</div>}
          </>
        ) : (
          village.name
        )}
      </td>
      <td className="col-num">{village.householdCount}</td>
      <td className="col-actions">
        {editing ? (
          <button type="button" className="button button-small button-primary" onClick={() => void commit()}>{t('ui.common.save')}</button>
        ) : (
          <button type="button" className="button button-small button-quiet" aria-label={t('ui.settings.renameOf', { name: village.name })} onClick={onEdit}>
            {t('ui.settings.rename')}
          </button>
        )}
      </td>
    </tr>
  );
}
