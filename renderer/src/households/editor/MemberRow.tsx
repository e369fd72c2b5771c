import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdHolder } from '../../../../shared/contract/households.js';
import type { EnumName } from '../../../../shared/domain/enums.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import { reasonOf } from '../../lib/errors.js';
import type { MemberForm } from './form-model.js';
import type { EditorState, MemberField } from './use-editor-state.js';
import { memberFieldId } from './field-ids.js';
import { IdNumberCell } from './IdNumberCell.js';

interface MemberRowProps {
  index: number;
  member: MemberForm;
  state: EditorState;
  holder: IdHolder | null;
  onRemove(): void;
}

type SelectField = 'relation' | 'health' | 'disabilityType' | 'disabilityGrade' | 'laborAbility' | 'schoolStatus' | 'removalReason';

export function MemberRow({ index, member, state, holder, onRemove }: MemberRowProps) {
  const { t } = useTranslation();
  const path = (field: MemberField) => `members.${index}.${field}`;

  const cell = (field: MemberField, control: (props: { id: string; 'aria-label': string; 'aria-invalid'?: true; 'aria-describedby'?: string; onBlur(): void }) => ReactNode) => {
    const id = memberFieldId(index, field);
    const found = state.issueFor(path(field));
    const error = found ? reasonOf(t, found) : null;
    return (
      <td className={`col-${field}`}>
        {control({
          id,
          'aria-label': t(`field.${field}`),
          ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-note` } : {}),
          onBlur: () => state.touch(path(field)),
        })}
        {error && <div id={`${id}-note`} className="cell-note cell-error">{error}</div>}
      </td>
    );
  };

  const select = (field: SelectField, enumName: EnumName, emptyLabel: string | undefined, disabled = false) =>
    cell(field, (props) => (
      <EnumSelect
        {...props}
        className="input select input-cell"
        enumName={enumName}
        value={member[field]}
        emptyLabel={emptyLabel}
        disabled={disabled}
        onValueChange={(v) => state.setMember(index, field, v)}
      />
    ));

  const text = (field: 'name' | 'phone', numeric = false) =>
    cell(field, (props) => (
      <input
        {...props}
        className={numeric ? 'input input-cell mono' : 'input input-cell'}
        value={member[field]}
        maxLength={field === 'name' ? 50 : 30}
        inputMode={numeric ? 'tel' : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => state.setMember(index, field, e.target.value)}
      />
    ));

  const changeHealth = (value: string) => {
    state.setMember(index, 'health', value);
    // Disability details belong to 残疾 only; leaving it clears them rather than leaving a contradiction.
    if (value !== 'disabled') {
      state.setMember(index, 'disabilityType', '');
      state.setMember(index, 'disabilityGrade', '');
    }
  };

  const disabled = member.health !== 'disabled';
  return (
    <tr data-testid={`member-row-${index}`} className={member.removalReason ? 'member-removed' : undefined}>
      <td className="col-index">{index + 1}</td>
      {text('name')}
      <IdNumberCell index={index} member={member} state={state} holder={holder} />
      {select('relation', 'relation', member.relation === '' ? t('ui.common.choose') : undefined)}
      {cell('health', (props) => (
        <EnumSelect {...props} className="input select input-cell" enumName="health" value={member.health} onValueChange={changeHealth} />
      ))}
      {select('disabilityType', 'disabilityType', '', disabled)}
      {select('disabilityGrade', 'disabilityGrade', '', disabled)}
      {select('laborAbility', 'laborAbility', '')}
      {select('schoolStatus', 'schoolStatus', '')}
      {cell('insured', (props) => (
        <input {...props} type="checkbox" className="checkbox-cell" checked={member.insured} onChange={(e) => state.setMember(index, 'insured', e.target.checked)} />
      ))}
      {text('phone', true)}
      {select('removalReason', 'removalReason', t('ui.editor.notRemoved'))}
      <td className="col-remove">
        <button type="button" className="icon-button" aria-label={t('ui.editor.removeMemberLabel', { n: index + 1 })} title={t('ui.editor.removeMember')} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}
