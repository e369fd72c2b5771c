/**
 * One claim as a form, for those who prefer it to the grid: the household editor's entry style
 * (Enter next field, Shift+Enter back, Ctrl+S save, Ctrl+Shift+S save and new, Esc cancel).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { Modal } from '../../components/Modal.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { describeError, type ErrorText } from '../../lib/errors.js';
import { newDraft, rowFromClaim, type ClaimRow } from '../ledger/claim-model.js';
import { ClaimFormBody, useClaimFormBody } from './ClaimFormBody.js';
import { DeleteClaimDialog } from './DeleteClaimDialog.js';

export type ClaimFormTarget = { kind: 'new' } | { kind: 'row'; row: ClaimRow } | { kind: 'record'; id: string };

interface ClaimFormProps {
  target: ClaimFormTarget;
  onClose(): void;
  /** A claim was saved; `replacedKey` is the ledger row it came from, if any. */
  onSaved(claimId: string, replacedKey: string | null): void;
  onDeleted(id: string): void;
}

export function ClaimForm({ target, onClose, onSaved, onDeleted }: ClaimFormProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [session, setSession] = useState<{ n: number; row: ClaimRow; from: string | null } | null>(
    target.kind === 'new' ? { n: 1, row: newDraft(), from: null } : target.kind === 'row' ? { n: 1, row: target.row, from: target.row.key } : null,
  );

  useEffect(() => {
    if (target.kind !== 'record') return;
    let live = true;
    invoke('medical/get', { id: target.id })
      .then((claim) => live && setSession({ n: 1, row: rowFromClaim(claim), from: null }))
      .catch((err: unknown) => {
        if (!live) return;
        notices.error(err);
        onClose();
      });
    return () => {
      live = false;
    };
    // Once: the target is fixed for the form's life.
  }, []);

  if (!session) {
    return (
      <Modal title={t('ui.medical.form.newTitle')} variant="panel" onCancel={onClose}>
        <p className="muted" role="status">{t('ui.common.loading')}</p>
      </Modal>
    );
  }

  return (
    <ClaimFormPanel
      key={session.n}
      initial={session.row}
      onClose={onClose}
      onSaved={(claimId, next) => {
        onSaved(claimId, session.from);
        if (next === 'new') {
          const above = session.row.values;
          setSession({ n: session.n + 1, row: newDraft({ visitType: above.visitType, hospitalName: above.hospitalName, hospitalLevel: above.hospitalLevel }), from: null });
        } else {
          onClose();
        }
      }}
      onDeleted={(id) => {
        onDeleted(id);
        onClose();
      }}
    />
  );
}

interface PanelProps {
  initial: ClaimRow;
  onClose(): void;
  onSaved(claimId: string, next: 'close' | 'new'): void;
  onDeleted(id: string): void;
}

function ClaimFormPanel({ initial, onClose, onSaved, onDeleted }: PanelProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [dialog, setDialog] = useState<'discard' | 'delete' | null>(null);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const body = useClaimFormBody(initial);
  const { draft } = body;
  const isNew = !initial.id;

  const save = async (next: 'close' | 'new') => {
    setFailure(null);
    try {
      const claim = await draft.save();
      if (!claim) {
        setTimeout(body.focusFirstIssue, 0);
        return;
      }
      notices.success(t('ui.medical.saved', { name: claim.personName, date: claim.admissionDate }));
      onSaved(claim.id, next);
    } catch (err) {
      setFailure(describeError(t, err));
    }
  };

  const requestClose = () => (draft.dirty ? setDialog('discard') : onClose());

  const keyDown = (event: KeyboardEvent) => {
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save(event.shiftKey ? 'new' : 'close');
    }
  };

  const person = draft.row.person;
  const title = isNew ? t('ui.medical.form.newTitle') : t('ui.medical.form.editTitle', { name: person?.name ?? '', date: initial.values.admissionDate });
  return (
    <Modal title={title} variant="panel" onCancel={requestClose} onKeyDown={keyDown} hideTitle>
      <div className="editor" data-testid="claim-form">
        <header className="editor-header">
          <div className="editor-heading">
            <h2 className="editor-title" aria-hidden="true">{title}</h2>
            {draft.dirty && <span className="dirty-mark">{t('ui.medical.form.unsaved')}</span>}
          </div>
          <div className="editor-actions">
            {initial.id && (
              <button type="button" className="button button-quiet button-danger-text" onClick={() => setDialog('delete')}>{t('ui.medical.form.delete')}</button>
            )}
            <button type="button" className="button" onClick={requestClose} aria-keyshortcuts="Escape">{t('ui.common.cancel')}</button>
            {isNew && (
              <button type="button" className="button" disabled={draft.row.saving} onClick={() => void save('new')} aria-keyshortcuts="Control+Shift+S">{t('ui.medical.form.saveAndNew')}</button>
            )}
            <button type="button" className="button button-primary" disabled={draft.row.saving} data-enter-end onClick={() => void save('close')} aria-keyshortcuts="Control+S">
              {draft.row.saving ? t('ui.common.saving') : t('ui.common.save')}
            </button>
          </div>
        </header>
        <ClaimFormBody body={body} failure={failure} />
        <footer className="editor-footer">{t('ui.medical.form.keysHint')}</footer>
      </div>
      {dialog === 'discard' && (
        <ConfirmDialog
          title={t('ui.medical.form.discardTitle')}
          body={t('ui.medical.form.discardBody')}
          confirmLabel={t('ui.medical.form.discard')}
          cancelLabel={t('ui.medical.form.keepEditing')}
          danger
          onConfirm={onClose}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && initial.id && initial.rowVersion !== undefined && (
        <DeleteClaimDialog
          id={initial.id}
          rowVersion={initial.rowVersion}
          title={title}
          onCancel={() => setDialog(null)}
          onDeleted={() => {
            notices.success(t('ui.medical.form.deleted'));
            onDeleted(initial.id!);
          }}
        />
      )}
    </Modal>
  );
}
