import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdHolder } from '../../../../shared/contract/households.js';
import { ageOn, normaliseIdNumber, parseIdNumber } from '../../../../shared/domain/id-number.js';
import { reasonOf } from '../../lib/errors.js';
import { moveFocus } from '../../lib/enter-nav.js';
import type { MemberForm } from './form-model.js';
import type { EditorState } from './use-editor-state.js';
import { memberFieldId } from './field-ids.js';

interface IdNumberCellProps {
  index: number;
  member: MemberForm;
  state: EditorState;
  holder: IdHolder | null;
}

/**
 * 身份证号 with what it tells, checked on every keystroke by the shared rules: under the input
 * either 性别 · 出生日期 · 年龄, or the reason it is wrong. A 15-digit number gets an offer to use
 * its 18-digit form, never a silent change. Another household holding the number is a warning.
 */
export function IdNumberCell({ index, member, state, holder }: IdNumberCellProps) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  const path = `members.${index}.idNumber`;
  const id = memberFieldId(index, 'idNumber');
  const noteId = `${id}-note`;
  const raw = member.idNumber;
  const parsed = parseIdNumber(raw, path);
  const typed = normaliseIdNumber(raw);
  const stateIssue = state.issueFor(path);

  let note: { text: string; tone: 'soft' | 'error' } | null = null;
  if (!parsed.ok && typed !== '') {
    // Still typing toward 18 characters: say how far, calmly; it turns red once the clerk moves on.
    const incomplete = focused && typed.length < 18 && parsed.upgrade === undefined && parsed.issue.code === 'idNumber.format';
    note = { text: reasonOf(t, parsed.issue), tone: incomplete ? 'soft' : 'error' };
  } else if (stateIssue) {
    note = { text: reasonOf(t, stateIssue), tone: 'error' };
  }
  const upgrade = !parsed.ok ? parsed.upgrade : undefined;
  const showHolder = holder && stateIssue?.code !== 'idNumber.heldByOther';
  const facts = parsed.ok ? parsed.value : null;

  const applyUpgrade = (value: string, button: HTMLElement) => {
    state.setMember(index, 'idNumber', value);
    const container = button.closest<HTMLElement>('[data-enter-scope]');
    if (container) moveFocus(container, button, 1);
  };

  return (
    <td className="col-idNumber">
      <input
        id={id}
        className="input input-cell mono"
        value={raw}
        maxLength={22}
        autoComplete="off"
        spellCheck={false}
        aria-label={t('field.idNumber')}
        aria-invalid={note?.tone === 'error' ? true : undefined}
        aria-describedby={noteId}
        onFocus={() => setFocused(true)}
        onChange={(e) => state.setMember(index, 'idNumber', e.target.value)}
        onBlur={() => {
          setFocused(false);
          state.touch(path);
          // Full-width digits and a lower-case x become the standard form; nothing else changes.
          if (typed !== raw && /^[\dX]*$/.test(typed)) state.setMember(index, 'idNumber', typed);
        }}
      />
      <div id={noteId} className="cell-notes">
        {facts && (
          <div className="cell-note derived" data-testid={`member-${index}-derived`}>
            <output aria-label={t('field.sex')} data-testid={`member-${index}-sex`}>{t(`enum.sex.${facts.sex}`)}</output>
            <span aria-hidden="true"> · </span>
            <output aria-label={t('field.birthDate')} data-testid={`member-${index}-birthDate`}>{facts.birthDate}</output>
            <span aria-hidden="true"> · </span>
            <output aria-label={t('field.age')} data-testid={`member-${index}-age`}>{t('ui.editor.age', { age: ageOn(facts.birthDate) })}</output>
          </div>
        )}
        {note && <div className={note.tone === 'error' ? 'cell-note cell-error' : 'cell-note'}>{note.text}</div>}
        {upgrade && (
          <button type="button" className="button button-small button-link" data-enter-stop onClick={(e) => applyUpgrade(upgrade, e.currentTarget)}>
            {t('ui.editor.upgradeId', { upgrade })}
          </button>
        )}
        {showHolder && (
          <div className="cell-note cell-warn" role="status">
            {t('ui.editor.idHeld', { householdNo: holder.householdNo, headName: holder.headName ?? '', personName: holder.personName })}
          </div>
        )}
      </div>
    </td>
  );
}
