/**
 * The side panel: the focused row's person, what is wrong (errors, then warnings, each taking
 * the clerk to its cell), the refused duplicate's record, and the calculator's proposal.
 */
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../shared/domain/money.js';
import { bpToPercentText } from '../../../../shared/domain/medical/basis-points.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { currentLive, duplicateOf, LAYER_FIELDS, proposalOf, type LayerField } from './claim-model.js';
import { columnOfField, describeRowIssue } from './claim-columns.js';
import type { GridRow } from './grid-row.js';

interface RowPanelProps {
  row: GridRow | null;
  onGoTo(key: string, colId: string): void;
  onOpenRecord(id: string): void;
  onRemoveDraft(key: string): void;
}

export function RowPanel({ row, onGoTo, onOpenRecord, onRemoveDraft }: RowPanelProps) {
  const { t } = useTranslation();
  if (!row) {
    return (
      <aside className="claim-side" aria-label={t('ui.medical.panel.title')}>
        <h2>{t('ui.medical.panel.title')}</h2>
        <p className="muted">{t('ui.medical.panel.none')}</p>
      </aside>
    );
  }
  const { row: claim, check } = row;
  const person = claim.person;
  const duplicate = duplicateOf(check.errors);
  const list = (issues: FieldIssue[], className: string) => (
    <ul>
      {issues.map((i, n) => (
        <li key={`${i.field}-${i.code}-${n}`} className={className}>
          <button type="button" className="button-link" onClick={() => onGoTo(row.key, columnOfField(i.field))}>{describeRowIssue(t, i)}</button>
        </li>
      ))}
    </ul>
  );
  const proposal = proposalOf(claim);
  const live = currentLive(claim);
  const yearFields = live?.layerFields ?? LAYER_FIELDS;
  return (
    <aside className="claim-side" aria-label={t('ui.medical.panel.title')} data-testid="claim-panel">
      <h2>{person ? t('ui.medical.panel.rowPerson', { n: row.line, name: person.name }) : t('ui.medical.panel.row', { n: row.line })}</h2>
      {person && (
        <div className="person-card">
          <div className="mono">{person.idNumberMasked}</div>
          <div>{person.villageName} · {t('ui.medical.picker.household', { householdNo: person.householdNo })}{person.age >= 0 ? ` · ${t('ui.medical.picker.age', { age: person.age })}` : ''}</div>
        </div>
      )}
      {check.errors.length > 0 && (
        <section>
          <h3>{t('ui.medical.panel.errors')}</h3>
          {list(check.errors, 'issue-error')}
          {duplicate && (
            <button type="button" className="button" onClick={() => onOpenRecord(String(duplicate.params!.existingId))}>{t('ui.medical.panel.openExisting')}</button>
          )}
        </section>
      )}
      {check.warnings.length > 0 && (
        <section>
          <h3>{t('ui.medical.panel.warnings')}</h3>
          {list(check.warnings, 'issue-warn')}
        </section>
      )}
      {check.errors.length === 0 && check.warnings.length === 0 && (
        <p className="muted">{claim.savedValues || claim.person ? t('ui.medical.panel.clean') : t('ui.medical.picker.placeholder')}</p>
      )}
      {check.selfPayFen !== null && check.selfShareBp !== null && (
        <p className={check.overCeiling ? 'issue-warn' : 'muted'}>
          {t('ui.medical.panel.selfPay', { amount: formatYuan(check.selfPayFen, { grouping: true }), percent: bpToPercentText(check.selfShareBp) })}
        </p>
      )}
      {proposal && (
        <section>
          <h3>{t('ui.medical.panel.proposals')}</h3>
          <table>
            <thead>
              <tr><th>{t('ui.medical.panel.layer')}</th><th>{t('ui.medical.panel.typed')}</th><th>{t('ui.medical.panel.proposed')}</th></tr>
            </thead>
            <tbody>
              {LAYER_FIELDS.filter((f) => yearFields.includes(f)).map((f: LayerField) => {
                const typed = check.parsed.layers[f] ?? 0;
                const proposed = proposal[f];
                return (
                  <tr key={f} className={proposed !== null && proposed !== typed ? 'differs' : undefined}>
                    <td>{t(`field.${f}`)}</td>
                    <td>{formatYuan(typed, { grouping: true })}</td>
                    <td>{proposed === null ? '—' : formatYuan(proposed, { grouping: true })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {!claim.id && (claim.person || claim.personQuery) && (
        <button type="button" className="button button-quiet button-danger-text" onClick={() => onRemoveDraft(row.key)}>{t('ui.medical.deleteDraft')}</button>
      )}
    </aside>
  );
}
