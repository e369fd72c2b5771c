import { useTranslation } from 'react-i18next';
import type { IdHolder } from '../../../../shared/contract/households.js';
import { reasonOf } from '../../lib/errors.js';
import type { EditorState } from './use-editor-state.js';
import { MemberRow } from './MemberRow.js';

const COLUMNS = [
  'name', 'idNumber', 'relation', 'health', 'disabilityType', 'disabilityGrade', 'laborAbility', 'schoolStatus', 'insured', 'phone', 'removalReason',
] as const;

interface MembersTableProps {
  state: EditorState;
  holderOf(idNumber: string): IdHolder | null;
  onAdd(): void;
  onRemove(index: number): void;
}

/** 家庭成员: one row per person, every cell a field; Enter walks along the row, then down. */
export function MembersTable({ state, holderOf, onAdd, onRemove }: MembersTableProps) {
  const { t } = useTranslation();
  const membersIssue = state.issueFor('members');
  return (
    <section className="editor-section" aria-labelledby="members-heading">
      <div className="section-title-row">
        <h3 id="members-heading" className="section-title" tabIndex={-1}>
          {t('ui.editor.membersSection', { count: state.form.members.length })}
        </h3>
        <button id="add-member" type="button" className="button button-small" onClick={onAdd} aria-keyshortcuts="Control+Enter Alt+A" title="Ctrl+Enter / Alt+A">
          {t('ui.editor.addMember')}
        </button>
        {membersIssue && <span className="field-error" role="alert">{reasonOf(t, membersIssue)}</span>}
      </div>
      <div className="members-scroll">
        <table className="table members-table">
          <thead>
            <tr>
              <th scope="col" className="col-index">#</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className={`col-${c}`}>
                  {c === 'insured' ? <abbr title={t('field.insured')}>{t('ui.editor.insuredShort')}</abbr> : t(`field.${c}`)}
                </th>
              ))}
              <th scope="col" className="col-remove"><span className="visually-hidden">{t('ui.common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {state.form.members.map((m, i) => (
              <MemberRow key={m.key} index={i} member={m} state={state} holder={holderOf(m.idNumber)} onRemove={() => onRemove(i)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
