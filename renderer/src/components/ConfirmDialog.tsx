import { Modal } from './Modal.js';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** A yes/no question; the safe answer has the focus, so a stray Enter changes nothing. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Modal title={title} onCancel={onCancel}>
      <p className="modal-body">{body}</p>
      <div className="modal-actions">
        <button type="button" className={danger ? 'button button-danger' : 'button'} onClick={onConfirm}>{confirmLabel}</button>
        <button type="button" className="button button-primary" data-autofocus onClick={onCancel}>{cancelLabel}</button>
      </div>
    </Modal>
  );
}
