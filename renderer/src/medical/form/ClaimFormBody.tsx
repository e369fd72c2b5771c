/** The form's fields, in the order of the slip, with the issues on top and the proposal beside each layer. */
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { formatYuan, parseMoney } from '../../../../shared/domain/money.js';
import { bpToPercentText } from '../../../../shared/domain/medical/basis-points.js';
import { normaliseDate } from '../../../../shared/clipboard/tsv.js';
import { isIsoDate } from '../../../../shared/clipboard/tsv.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Field, fieldAria } from '../../components/Field.js';
import { handleEnterNavigation } from '../../lib/enter-nav.js';
import { reasonOf, type ErrorText } from '../../lib/errors.js';
import { currentLive, DATE_FIELDS, LAYER_FIELDS, proposalOf, type ValueField } from '../ledger/claim-model.js';
import { columnOfField, describeRowIssue } from '../ledger/claim-columns.js';
import { PersonField } from './PersonField.js';
import { useClaimDraft } from './use-claim-draft.js';
import type { ClaimRow } from '../ledger/claim-model.js';

const fieldId = (field: string) => `claim-${columnOfField(field)}`;

export function useClaimFormBody(initial: ClaimRow) {
  const draft = useClaimDraft(initial);
  const focusFirstIssue = () => {
    const first = draft.check.errors[0];
    if (first) document.getElementById(fieldId(first.field))?.focus();
  };
  return { draft, focusFirstIssue };
}

type Body = ReturnType<typeof useClaimFormBody>;

export function ClaimFormBody({ body, failure }: { body: Body; failure: ErrorText | null }) {
  const { t } = useTranslation();
  const { row, check, setValue, setPerson } = body.draft;
  const v = row.values;
  const issueOf = (field: string): FieldIssue | undefined =>
    check.errors.find((i) => columnOfField(i.field) === field) ?? check.warnings.find((i) => columnOfField(i.field) === field);
  const errorOf = (field: string) => {
    const found = check.errors.find((i) => columnOfField(i.field) === field);
    return found ? reasonOf(t, found) : null;
  };
  const warnOf = (field: string) => {
    const found = check.warnings.find((i) => columnOfField(i.field) === field);
    return found ? reasonOf(t, found) : null;
  };

  const text = (field: ValueField, options: { label?: string; mono?: boolean; className?: string; max?: number } = {}) => {
    const id = fieldId(field);
    const error = errorOf(field);
    const warn = warnOf(field);
    const isDate = DATE_FIELDS.includes(field as never);
    return (
      <Field key={field} id={id} label={options.label ?? t(`ui.medical.col.${field}`)} error={error ?? warn} soft={!error && !!warn} className={options.className}>
        <input
          id={id}
          className={options.mono ? 'input mono' : 'input'}
          value={v[field]}
          maxLength={options.max ?? 100}
          placeholder={isDate ? '2020-03-15' : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setValue(field, e.target.value)}
          onBlur={(e) => isDate && setValue(field, normaliseDate(e.target.value))}
          {...fieldAria(id, error ?? warn)}
        />
      </Field>
    );
  };
  /** A layer's amount in the table: the row's label is its label, the reason goes under it. */
  const layerInput = (field: ValueField) => {
    const id = fieldId(field);
    const error = errorOf(field);
    const warn = warnOf(field);
    const note = error ?? warn;
    return (
      <>
        <input id={id} className="input mono" value={v[field]} maxLength={20} autoComplete="off" onChange={(e) => setValue(field, e.target.value)} {...fieldAria(id, note)} />
        {note && <div id={`${id}-note`} className={error ? 'field-error' : 'field-hint issue-warn'}>{note}</div>}
      </>
    );
  };
  const choice = (field: 'visitType' | 'hospitalLevel', optional: boolean) => {
    const id = fieldId(field);
    const error = errorOf(field);
    return (
      <Field id={id} label={t(`ui.medical.col.${field}`)} error={error}>
        <EnumSelect id={id} className="input select" enumName={field} value={v[field]} emptyLabel={optional ? '' : undefined} onValueChange={(value) => setValue(field, value)} {...fieldAria(id, error)} />
      </Field>
    );
  };

  const proposal = proposalOf(row);
  const live = currentLive(row);
  const yearFields = live?.layerFields ?? LAYER_FIELDS;
  const admission = isIsoDate(v.admissionDate) ? v.admissionDate : null;
  const personIssue = issueOf('person');
  const listed = [...check.errors, ...check.warnings];
  return (
    <div className="editor-body" data-enter-scope onKeyDown={handleEnterNavigation}>
      {(listed.length > 0 || failure) && (
        <div className={check.errors.length || failure ? 'editor-summary' : 'editor-summary editor-summary-warn'} role="alert" data-testid="claim-form-issues">
          {failure && <ErrorView message={failure.message} issues={failure.issues} />}
          <ul className="summary-list">
            {listed.map((i, n) => (
              <li key={`${i.field}-${i.code}-${n}`} className={n < check.errors.length ? 'issue-error' : 'issue-warn'}>
                <button type="button" className="button-link" onClick={() => document.getElementById(fieldId(i.field))?.focus()}>{describeRowIssue(t, i)}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <section className="editor-section" aria-labelledby="claim-person-heading">
        <h3 id="claim-person-heading" className="section-title">{t('ui.medical.form.person')}</h3>
        <div className="form-grid form-grid-4">
          <PersonField person={row.person} onDate={admission} error={personIssue ? reasonOf(t, personIssue) : null} onPick={setPerson} />
        </div>
      </section>
      <section className="editor-section" aria-labelledby="claim-visit-heading">
        <h3 id="claim-visit-heading" className="section-title">{t('ui.medical.form.visit')}</h3>
        <div className="form-grid form-grid-4">
          {choice('visitType', false)}
          {text('hospitalName')}
          {choice('hospitalLevel', true)}
          {text('admissionDate', { mono: true, max: 12 })}
          {text('dischargeDate', { mono: true, max: 12 })}
          {text('diagnosis', { className: 'span-2', max: 200 })}
        </div>
      </section>
      <section className="editor-section" aria-labelledby="claim-amounts-heading">
        <h3 id="claim-amounts-heading" className="section-title">{t('ui.medical.form.amounts')}</h3>
        <div className="form-grid form-grid-4">
          {text('totalCost', { mono: true, max: 20 })}
          {text('inScopeCost', { mono: true, max: 20 })}
        </div>
        <table className="claim-form-layers">
          <thead>
            <tr><th>{t('ui.medical.panel.layer')}</th><th>{t('ui.medical.form.typed')}</th><th>{t('ui.medical.form.proposed')}</th></tr>
          </thead>
          <tbody>
            {LAYER_FIELDS.filter((f) => yearFields.includes(f) || v[f].trim() !== '').map((f) => {
              const parsed = v[f].trim() === '' ? 0 : parseMoney(v[f]);
              const typed = typeof parsed === 'number' ? parsed : parsed.ok ? parsed.fen : null;
              const proposed = proposal?.[f] ?? null;
              return (
                <tr key={f} className={proposed !== null && typed !== null && typed !== proposed ? 'differs' : undefined}>
                  <td><label htmlFor={fieldId(f)}>{t(`field.${f}`)}</label></td>
                  <td>{layerInput(f)}</td>
                  <td className="num">{proposed === null ? '—' : formatYuan(proposed, { grouping: true })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="form-grid form-grid-4">
          {text('accidentInsurance', { mono: true, max: 20 })}
          {text('invoiceNo', { mono: true, max: 50 })}
          {text('settlementDate', { mono: true, max: 12 })}
        </div>
        <div className="derived-line" role="status">
          <span>{t('ui.medical.col.selfPay')}：<strong>{check.selfPayFen === null ? '—' : formatYuan(check.selfPayFen, { grouping: true })}</strong></span>
          <span className={check.overCeiling ? 'issue-warn' : undefined}>
            {t('ui.medical.col.selfShare')}：<strong>{check.selfShareBp === null ? '—' : `${bpToPercentText(check.selfShareBp)}%`}</strong>
          </span>
        </div>
      </section>
    </div>
  );
}
