/**
 * The frame of a water record's form: Enter moves on, Ctrl+S saves, Esc closes; the refusal on
 * top; 删除 (for a saved record), 取消 and 保存 at the bottom.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal.js';
import { ErrorView } from '../components/ErrorView.js';
import type { ErrorText } from '../lib/errors.js';
import { handleEnterNavigation } from '../lib/enter-nav.js';
import { DeleteRecordButton } from './DeleteRecordButton.js';

interface WaterFormModalProps {
  title: string;
  failure: ErrorText | null;
  saving: boolean;
  onSave(): void;
  onClose(changed: boolean): void;
  /** Only for a record already saved. */
  remove: ((reason: string) => Promise<unknown>) | null;
  children: ReactNode;
}

export function WaterFormModal({ title, failure, saving, onSave, onClose, remove, children }: WaterFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      onCancel={() => onClose(false)}
      className="water-form"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          onSave();
        }
      }}
    >
      <div className="modal-body" onKeyDown={handleEnterNavigation}>
        {failure && <div className="callout callout-error" role="alert"><ErrorView {...failure} /></div>}
        {children}
      </div>
      <div className="modal-actions">
        {remove && <DeleteRecordButton remove={remove} onDeleted={() => onClose(true)} />}
        <button type="button" className="button" onClick={() => onClose(false)}>{t('ui.water.cancel')}</button>
        <button type="button" className="button button-primary" data-enter-end disabled={saving} onClick={onSave}>
          {saving ? t('ui.water.saving') : t('ui.water.save')}
        </button>
      </div>
    </Modal>
  );
}
