import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.js';
import { Field, fieldAria } from './Field.js';
import { ErrorView } from './ErrorView.js';
import { describeError, type ErrorText } from '../lib/errors.js';

interface ReasonDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** The field's label: 原因 unless told. */
  reasonLabel?: string;
  /** What an empty reason is told. */
  requiredMessage?: string;
  inputId?: string;
  /** A deletion: the confirm button is red. */
  danger?: boolean;
  /**
   * Given the trimmed reason. When it returns a promise the dialog waits for it: a refusal is shown
   * in the dialog and the typed reason stays.
   */
  onConfirm(reason: string): void | Promise<void>;
  onCancel(): void;
}

/**
 * Actions that need a reason (退回, 重新打开, 删除): the reason travels with the record and into
 * the audit trail.
 */
export function ReasonDialog({ title, body, confirmLabel, reasonLabel, requiredMessage, inputId = 'review-reason', danger = false, onConfirm, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    const pending = onConfirm(reason.trim());
    if (!pending) return;
    setBusy(true);
    try {
      await pending;
    } catch (err) {
      setFailure(describeError(t, err));
      setBusy(false);
    }
  };

  const error = missing && !reason.trim() ? (requiredMessage ?? t('issue.review.reasonRequired')) : null;
  return (
    <Modal title={title} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <p className="modal-body">{body}</p>
        <Field id={inputId} label={reasonLabel ?? t('field.reason')} error={error}>
          <input
            id={inputId}
            className="input"
            value={reason}
            maxLength={200}
            data-autofocus
            onChange={(e) => setReason(e.target.value)}
            {...fieldAria(inputId, error)}
          />
        </Field>
        {failure && <div className="callout callout-error"><ErrorView {...failure} /></div>}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>{confirmLabel}</button>
        </div>
      </form>
    </Modal>
  );
}
