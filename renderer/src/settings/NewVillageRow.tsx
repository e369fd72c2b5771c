import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { areaCodeIssue, villageBelongsTo } from '../../../shared/domain/area-code.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { describeError, issuesOf, reasonOf } from '../lib/errors.js';

/** The add line under the villages: the code starts with the township's 9 digits already typed. */
export function NewVillageRow({ orgCode, onSave }: { orgCode: string; onSave(code: string, name: string): Promise<unknown> }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(orgCode);
  const [name, setName] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const errorOf = (field: 'code' | 'name') => {
    const found = issues.find((i) => i.field === field);
    return found ? reasonOf(t, found) : null;
  };

  const add = async () => {
    const local: FieldIssue[] = [];
    const codeIssue = areaCodeIssue(code.trim(), 'village', 'code');
    if (codeIssue) local.push(codeIssue);
    else if (!villageBelongsTo(code.trim(), orgCode)) local.push(issue('code', 'village.notInTownship', { code: code.trim(), township: orgCode }));
    if (!name.trim()) local.push(issue('name', 'required'));
    setIssues(local);
    setMessage(null);
    if (local.length > 0) return;
    const err = await onSave(code.trim(), name.trim());
    if (err) {
      setIssues(issuesOf(err));
      if (issuesOf(err).length === 0) setMessage(describeError(t, err).message);
      return;
    }
    setCode(orgCode);
    setName('');
    codeInput.current?.focus();
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>, next: 'name' | 'add') => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (next === 'name') nameInput.current?.focus();
    else void add();
  };

  const codeError = errorOf('code');
  const nameError = errorOf('name');
  return (
    <tr className="new-row">
      <td className="col-code">
        <input
          ref={codeInput}
          id="new-village-code"
          className="input input-inline mono"
          value={code}
          maxLength={12}
          inputMode="numeric"
          aria-label={t('ui.settings.newVillageCode')}
          aria-invalid={codeError ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => keyDown(e, 'name')}
        />
        <div className={codeError ? 'field-error' : 'field-hint'}>{codeError ?? t('ui.settings.codeHint')}</div>
      </td>
      <td>
        <input
          ref={nameInput}
          id="new-village-name"
          className="input input-inline"
          value={name}
          maxLength={60}
          aria-label={t('ui.settings.newVillageName')}
          aria-invalid={nameError ? true : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => keyDown(e, 'add')}
        />
        {(nameError ?? message) && <div className="field-error">{nameError ?? message}</div>}
      </td>
      <td />
      <td className="col-actions">
        <button type="button" className="button button-small" onClick={() => void add()}>{t('ui.settings.addVillage')}</button>
      </td>
    </tr>
  );
}
