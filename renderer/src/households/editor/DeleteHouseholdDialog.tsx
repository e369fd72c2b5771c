import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { Modal } from '../../components/Modal.js';
import { Field, fieldAria } from '../../components/Field.js';
import { describeError, type ErrorText } from '../../lib/errors.js';
import { ErrorView } from '../../components/ErrorView.js';

interface DeleteHouseholdDialogProps {
  id: string;
  rowVersion: number;
  householdNo: string;
  onDeleted(): void;
  onCancel(): void;
}

/** A household is never erased: it is marked deleted, with the reason kept in the audit trail. */
export function DeleteHouseholdDialog({ id, rowVersion, householdNo, onDeleted, onCancel }: DeleteHouseholdDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setBusy(true);
    try {
      await invoke('households/delete', { id, rowVersion, reason: reason.trim() });
      onDeleted();
    } catch (err) {
      setFailure(describeError(t, err));
      setBusy(false);
    }
  };

  const error = missing && !reason.trim() ? t('issue.required') : null;
  return (
    <Modal title={t('ui.editor.deleteTitle', { householdNo })} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <p className="modal-body">{t('ui.editor.deleteBody')}</p>
        <Field id="delete-reason" label={t('ui.editor.deleteReason')} error={error}>
          <input
            id="delete-reason"
            className="input"
            value={reason}
            maxLength={200}
            data-autofocus
            onChange={(e) => setReason(e.target.value)}
            {...fieldAria('delete-reason', error)}
          />
        </Field>
        {failure && <div className="callout callout-error"><ErrorView {...failure} /></div>}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className="button button-danger" disabled={busy}>{t('ui.editor.deleteConfirm')}</button>
        </div>
      </form>
    </Modal>
  );
}
