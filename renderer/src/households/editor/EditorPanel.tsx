import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { validateHousehold } from '../../../../shared/domain/household-rules.js';
import { Modal } from '../../components/Modal.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { describeError, issuesOf, normaliseIssue, type ErrorText } from '../../lib/errors.js';
import { handleEnterNavigation } from '../../lib/enter-nav.js';
import { toDrafts, type EditorForm } from './form-model.js';
import { useEditorState } from './use-editor-state.js';
import { useIdHolders } from './use-id-holders.js';
import { focusPath, memberFieldId } from './field-ids.js';
import { HouseholdFields } from './HouseholdFields.js';
import { MembersTable } from './MembersTable.js';
import { EditorSummary } from './EditorSummary.js';
import { DeleteHouseholdDialog } from './DeleteHouseholdDialog.js';
import { CountyStateNote } from '../CountyStateNote.js';
import { HistoryPanel } from '../history/HistoryPanel.js';

interface EditorPanelProps {
  initial: EditorForm;
  onClose(changed: boolean): void;
  onSaved(form: EditorForm, next: 'close' | 'new'): void;
  /** Why the record cannot change now (approved, waiting for review, a read-only role); null: editable. */
  lockNote?: string | null;
  /** The reviewer's reason when the record came back 退回. */
  returnedReason?: string | null;
}

type Dialog = 'discard' | 'delete' | { removeMember: number } | null;

export function EditorPanel({ initial, onClose, onSaved, lockNote = null, returnedReason = null }: EditorPanelProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const state = useEditorState(initial);
  const holderOf = useIdHolders(state.form.members.map((m) => m.idNumber), initial.household.id);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const focusAfterRender = useRef<string | null>(null);
  const isNew = !initial.household.id;
  const locked = lockNote !== null;
  const [showHistory, setShowHistory] = useState(false);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const addMember = () => {
    focusAfterRender.current = memberFieldId(state.addMember(), 'name');
  };

  /** The × had the focus and is gone: the next row (now at this index), else the add button. */
  const removeMember = (index: number) => {
    state.removeMember(index);
    focusAfterRender.current = state.form.members.length > 1 ? memberFieldId(Math.min(index, state.form.members.length - 2), 'name') : 'add-member';
  };

  const requestClose = () => {
    if (state.dirty) setDialog('discard');
    else onClose(false);
  };

  const save = async (next: 'close' | 'new') => {
    if (saving || locked) return;
    state.setSubmitted(true);
    setFailure(null);
    const drafts = toDrafts(state.form);
    const local = [...drafts.formIssues, ...validateHousehold(drafts.household, drafts.members)];
    if (local.length > 0) {
      focusPath(local[0]!.field);
      return;
    }
    setSaving(true);
    try {
      await invoke('households/save', { household: drafts.household, members: drafts.members });
      notices.success(t('ui.editor.saved', { householdNo: drafts.household.householdNo }));
      onSaved(state.form, next);
      if (next === 'close') onClose(true);
    } catch (err) {
      // Everything typed stays; only the reasons are added next to their fields.
      const issues = issuesOf(err).map(normaliseIssue);
      state.setServerIssues(issues);
      setFailure(issues.length ? null : describeError(t, err));
      if (issues[0]) setTimeout(() => focusPath(issues[0]!.field), 0);
      setSaving(false);
    }
  };

  const keyDown = (event: KeyboardEvent) => {
    if (locked) return;
    const key = event.key.toLowerCase();
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && key === 's') {
      event.preventDefault();
      void save(event.shiftKey && isNew ? 'new' : 'close');
    } else if ((ctrl && key === 'enter') || (event.altKey && key === 'a')) {
      event.preventDefault();
      addMember();
    }
  };

  const h = state.form.household;
  const title = isNew ? t('ui.editor.newTitle') : t('ui.editor.editTitle', { householdNo: initial.household.householdNo });
  return (
    <Modal title={title} variant="panel" onCancel={requestClose} onKeyDown={keyDown} hideTitle>
      <div className="editor" data-enter-scope onKeyDown={handleEnterNavigation}>
        <header className="editor-header">
          <div className="editor-heading">
            <h2 className="editor-title" aria-hidden="true">{title}</h2>
            {state.dirty && <span className="dirty-mark">{t('ui.editor.unsaved')}</span>}
          </div>
          <div className="editor-actions">
            {!isNew && (
              <button type="button" className="button button-quiet" aria-pressed={showHistory} onClick={() => setShowHistory((v) => !v)}>{t('ui.history.open')}</button>
            )}
            {!isNew && !locked && (
              <button type="button" className="button button-quiet button-danger-text" onClick={() => setDialog('delete')}>{t('ui.editor.delete')}</button>
            )}
            <button type="button" className="button" onClick={requestClose} aria-keyshortcuts="Escape">{t('ui.common.cancel')}</button>
            {isNew && !locked && (
              <button type="button" className="button" disabled={saving} onClick={() => void save('new')} aria-keyshortcuts="Control+Shift+S">{t('ui.editor.saveAndNew')}</button>
            )}
            {!locked && (
              <button type="button" className="button button-primary" disabled={saving} data-enter-end onClick={() => void save('close')} aria-keyshortcuts="Control+S">
                {saving ? t('ui.common.saving') : t('ui.common.save')}
              </button>
            )}
          </div>
        </header>
        <div className="editor-with-history">
        <div className="editor-body">
          {lockNote && <div className="editor-lock" role="note" data-testid="editor-lock">{lockNote}</div>}
          {returnedReason && !locked && <div className="editor-returned" role="note">{t('ui.review.returnedNote', { reason: returnedReason })}</div>}
          <EditorSummary issues={state.submitted ? state.visibleIssues : []} failure={failure} />
          <CountyStateNote householdId={initial.household.id} members={initial.members} />
          {/* A disabled fieldset makes every field inside read-only in one place. */}
          <fieldset className="editor-fieldset" disabled={locked}>
          <section className="editor-section" aria-labelledby="household-heading">
            <h3 id="household-heading" className="section-title">{t('ui.editor.householdSection')}</h3>
            <HouseholdFields state={state} />
          </section>
          <MembersTable
            state={state}
            holderOf={holderOf}
            onAdd={addMember}
            onRemove={(index) => (state.form.members[index]?.id ? setDialog({ removeMember: index }) : removeMember(index))}
          />
          </fieldset>
        </div>
        {showHistory && initial.household.id && <HistoryPanel householdId={initial.household.id} onClose={() => setShowHistory(false)} />}
        </div>
        <footer className="editor-footer">{t(isNew ? 'ui.editor.keysHintNew' : 'ui.editor.keysHint')}</footer>
      </div>
      {dialog === 'discard' && (
        <ConfirmDialog
          title={t('ui.editor.discardTitle')}
          body={t('ui.editor.discardBody')}
          confirmLabel={t('ui.editor.discard')}
          cancelLabel={t('ui.editor.keepEditing')}
          danger
          onConfirm={() => onClose(false)}
          onCancel={() => setDialog(null)}
        />
      )}
      {typeof dialog === 'object' && dialog !== null && (
        <ConfirmDialog
          title={t('ui.editor.removeMemberTitle', { n: dialog.removeMember + 1 })}
          body={t('ui.editor.removeMemberBody')}
          confirmLabel={t('ui.editor.removeMember')}
          cancelLabel={t('ui.common.cancel')}
          danger
          onConfirm={() => {
            setDialog(null);
            removeMember(dialog.removeMember);
          }}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && h.id && h.rowVersion !== undefined && (
        <DeleteHouseholdDialog
          id={h.id}
          rowVersion={h.rowVersion}
          householdNo={initial.household.householdNo}
          onCancel={() => setDialog(null)}
          onDeleted={() => {
            notices.success(t('ui.editor.deleted', { householdNo: initial.household.householdNo }));
            onClose(true);
          }}
        />
      )}
    </Modal>
  );
}
