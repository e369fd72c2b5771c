import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';
import { Field, fieldAria } from '../../components/Field.js';

interface ReasonDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** 退回 and 重新打开 need a reason: it travels with the record and into the audit trail. */
export function ReasonDialog({ title, body, confirmLabel, onConfirm, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    onConfirm(reason.trim());
  };

  const error = missing && !reason.trim() ? t('issue.review.reasonRequired') : null;
  return (
    <Modal title={title} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <p className="modal-body">{body}</p>
        <Field id="review-reason" label={t('field.reason')} error={error}>
          <input
            id="review-reason"
            className="input"
            value={reason}
            maxLength={200}
            data-autofocus
            onChange={(e) => setReason(e.target.value)}
            {...fieldAria('review-reason', error)}
          />
        </Field>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className="button button-primary">{confirmLabel}</button>
        </div>
      </form>
    </Modal>
  );
}
