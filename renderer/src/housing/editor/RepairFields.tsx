/** The repair form's fields, in the order of the paper appraisal and acceptance forms. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, fieldAria } from '../../components/Field.js';
import { acceptanceResults, repairModes, safetyGrades } from '../../../../shared/domain/housing/housing-enums.js';
import type { FormField, RepairForm } from './repair-form.js';

export const repairFieldId = (field: string) => `repair-${field}`;

interface RepairFieldsProps {
  form: RepairForm;
  locked: boolean;
  isNew: boolean;
  errorOf(field: FormField): string | null;
  onChange(field: FormField, value: string): void;
  onPlate(value: boolean): void;
}

export function RepairFields({ form, locked, isNew, errorOf, onChange, onPlate }: RepairFieldsProps) {
  const { t } = useTranslation();

  const text = (field: FormField, options: { mono?: boolean; placeholder?: string; hint?: string; maxLength?: number; autoFocus?: boolean; className?: string } = {}) => {
    const id = repairFieldId(field);
    const error = errorOf(field);
    return (
      <Field id={id} label={t(`field.${field}`)} error={error} hint={options.hint} className={options.className}>
        <input
          id={id}
          className={options.mono ? 'input mono' : 'input'}
          value={form[field]}
          readOnly={locked}
          maxLength={options.maxLength ?? 200}
          placeholder={options.placeholder}
          autoComplete="off"
          spellCheck={false}
          data-autofocus={options.autoFocus ? '' : undefined}
          onChange={(e) => onChange(field, e.target.value)}
          {...fieldAria(id, error, options.hint)}
        />
      </Field>
    );
  };
  const date = (field: FormField) => text(field, { mono: true, placeholder: t('ui.housing.editor.datePlaceholder'), maxLength: 10 });
  const money = (field: FormField) => text(field, { mono: true, maxLength: 20 });
  const choice = (field: FormField, options: readonly string[], label: (code: string) => string) => {
    const id = repairFieldId(field);
    const error = errorOf(field);
    return (
      <Field id={id} label={t(`field.${field}`)} error={error}>
        <select id={id} className="input select" value={form[field]} disabled={locked} onChange={(e) => onChange(field, e.target.value)} {...fieldAria(id, error)}>
          <option value="">{t('ui.housing.editor.none')}</option>
          {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
        </select>
      </Field>
    );
  };
  const section = (title: string, children: ReactNode) => (
    <section className="editor-section" aria-label={title}>
      <h3 className="section-title">{title}</h3>
      <div className="form-grid form-grid-4">{children}</div>
    </section>
  );

  return (
    <>
      {section(t('ui.housing.editor.sectionAppraisal'), <>
        {text('householdNo', { mono: true, maxLength: 30, autoFocus: isNew, hint: isNew ? t('ui.housing.editor.householdHint') : undefined })}
        {date('appraisalDate')}
        {text('appraisalOrg', { maxLength: 80 })}
        {choice('safetyGrade', safetyGrades, (g) => t(`housing.grade.${g}`))}
        {choice('repairMode', repairModes, (m) => t(`housing.mode.${m}`))}
        {text('planYear', { mono: true, maxLength: 4 })}
      </>)}
      {section(t('ui.housing.editor.sectionMoney'), <>
        {money('subsidyCentralFen')}
        {money('subsidyProvincialFen')}
        {money('subsidyCityFen')}
        {money('subsidyCountyFen')}
        {money('selfRaisedFen')}
      </>)}
      {section(t('ui.housing.editor.sectionSteps'), <>
        {date('publicityVillageDate')}
        {date('publicityTownshipDate')}
        {date('publicityCountyDate')}
        {date('startDate')}
        {date('completionDate')}
        {date('acceptanceDate')}
        {choice('acceptanceResult', acceptanceResults, (r) => t(`housing.acceptance.${r}`))}
        {date('disbursementDate')}
      </>)}
      {section(t('ui.housing.editor.sectionExtras'), <>
        {text('furnitureItems')}
        {money('furnitureCostFen')}
        {text('otherRepairs')}
        {money('otherRepairsCostFen')}
        {text('archiveNo', { mono: true, maxLength: 40 })}
        <div className="field field-check">
          <label className="check">
            <input id={repairFieldId('platePosted')} type="checkbox" checked={form.platePosted} disabled={locked} onChange={(e) => onPlate(e.target.checked)} />
            <span>{t('field.platePosted')}</span>
          </label>
        </div>
        {text('note', { maxLength: 500, className: 'span-2' })}
      </>)}
    </>
  );
}
