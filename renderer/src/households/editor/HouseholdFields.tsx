import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../../app/workstation-context.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import { Field, fieldAria } from '../../components/Field.js';
import { reasonOf } from '../../lib/errors.js';
import type { EditorState, HouseholdField } from './use-editor-state.js';
import { householdFieldId } from './field-ids.js';

type TextField = 'householdNo' | 'exitYear' | 'helperName' | 'helperUnit' | 'helperPhone' | 'bankAccount' | 'address';

const MAX_LENGTH: Record<TextField | 'note', number> = {
  householdNo: 30, exitYear: 4, helperName: 30, helperUnit: 60, helperPhone: 30, bankAccount: 40, address: 120, note: 500,
};

/** 户信息: the household's own fields, in the order of the paper form. */
export function HouseholdFields({ state }: { state: EditorState }) {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const h = state.form.household;

  const errorOf = (field: HouseholdField) => {
    const found = state.issueFor(field);
    return found ? reasonOf(t, found) : null;
  };

  const common = (field: HouseholdField) => {
    const id = householdFieldId(field);
    const error = errorOf(field);
    return { id, error, aria: fieldAria(id, error), onBlur: () => state.touch(field) };
  };

  const text = (field: TextField, options: { className?: string; numeric?: boolean; autoFocus?: boolean } = {}) => {
    const { id, error, aria, onBlur } = common(field);
    return (
      <Field id={id} label={t(`field.${field}`)} error={error} className={options.className}>
        <input
          id={id}
          className={options.numeric ? 'input mono' : 'input'}
          value={h[field]}
          maxLength={MAX_LENGTH[field]}
          inputMode={options.numeric ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          data-autofocus={options.autoFocus ? '' : undefined}
          onChange={(e) => state.setHousehold(field, e.target.value)}
          onBlur={onBlur}
          {...aria}
        />
      </Field>
    );
  };

  const flag = (field: 'dibao' | 'tekun') => (
    <div className="field field-check">
      <label className="check">
        <input id={householdFieldId(field)} type="checkbox" checked={h[field]} onChange={(e) => state.setHousehold(field, e.target.checked)} />
        <span>{t(`field.${field}`)}</span>
      </label>
    </div>
  );

  const village = common('villageCode');
  const status = common('status');
  const cause = common('cause');
  const note = common('note');
  return (
    <div className="form-grid form-grid-4">
      {text('householdNo', { autoFocus: true, numeric: true })}
      <Field id={village.id} label={t('field.villageCode')} error={village.error}>
        <select id={village.id} className="input select" value={h.villageCode} onChange={(e) => state.setHousehold('villageCode', e.target.value)} onBlur={village.onBlur} {...village.aria}>
          {(h.villageCode === '' || !villages.some((v) => v.code === h.villageCode)) && <option value={h.villageCode}>{h.villageCode || t('ui.common.choose')}</option>}
          {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
        </select>
      </Field>
      <Field id={status.id} label={t('field.status')} error={status.error}>
        <EnumSelect id={status.id} className="input select" enumName="householdStatus" value={h.status} onValueChange={(v) => state.setHousehold('status', v)} onBlur={status.onBlur} {...status.aria} />
      </Field>
      {text('exitYear', { numeric: true })}
      <Field id={cause.id} label={t('field.cause')} error={cause.error}>
        <EnumSelect id={cause.id} className="input select" enumName="povertyCause" emptyLabel="" value={h.cause} onValueChange={(v) => state.setHousehold('cause', v)} onBlur={cause.onBlur} {...cause.aria} />
      </Field>
      <div className="field-pair">
        {flag('dibao')}
        {flag('tekun')}
      </div>
      {text('bankAccount', { numeric: true })}
      {text('helperName')}
      {text('helperUnit')}
      {text('helperPhone', { numeric: true })}
      {text('address', { className: 'span-2' })}
      <Field id={note.id} label={t('field.note')} error={note.error} className="span-4">
        <textarea
          id={note.id}
          className="input textarea"
          rows={2}
          value={h.note}
          maxLength={MAX_LENGTH.note}
          onChange={(e) => state.setHousehold('note', e.target.value)}
          onBlur={note.onBlur}
          {...note.aria}
        />
      </Field>
    </div>
  );
}
