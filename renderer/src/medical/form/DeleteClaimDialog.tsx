import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { Modal } from '../../components/Modal.js';
import { Field, fieldAria } from '../../components/Field.js';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError, type ErrorText } from '../../lib/errors.js';

/** A claim is never erased: it is marked deleted, with the reason kept in the audit trail. */
export function DeleteClaimDialog({ id, rowVersion, title, onDeleted, onCancel }: { id: string; rowVersion: number; title: string; onDeleted(): void; onCancel(): void }) {
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
      await invoke('medical/delete', { id, rowVersion, reason: reason.trim() });
      onDeleted();
    } catch (err) {
      setFailure(describeError(t, err));
      setBusy(false);
    }
  };

  const error = missing && !reason.trim() ? t('issue.required') : null;
  return (
    <Modal title={`${t('ui.medical.form.delete')}：${title}`} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <p className="modal-body">{t('ui.medical.form.deleteBody')}</p>
        <Field id="claim-delete-reason" label={t('ui.medical.form.deleteReason')} error={error}>
          <input id="claim-delete-reason" className="input" value={reason} maxLength={200} data-autofocus onChange={(e) => setReason(e.target.value)} {...fieldAria('claim-delete-reason', error)} />
        </Field>
        {failure && <div className="callout callout-error"><ErrorView {...failure} /></div>}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className="button button-danger" disabled={busy}>{t('ui.medical.form.deleteConfirm')}</button>
        </div>
      </form>
    </Modal>
  );
}
