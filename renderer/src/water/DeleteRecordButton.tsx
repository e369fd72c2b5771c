/** 删除 in a form: asks for the reason (kept in the audit trail), then tombstones the record. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../app/notice-context.js';
import { ReasonDialog } from '../components/ReasonDialog.js';

export function DeleteRecordButton({ remove, onDeleted }: { remove(reason: string): Promise<unknown>; onDeleted(): void }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="button button-danger-text" onClick={() => setAsking(true)}>{t('ui.water.delete')}</button>
      {asking && (
        <ReasonDialog
          title={t('ui.water.deleteTitle')}
          body={t('ui.water.deleteBody')}
          confirmLabel={t('ui.water.deleteConfirm')}
          onCancel={() => setAsking(false)}
          onConfirm={(reason) => {
            setAsking(false);
            remove(reason).then(() => {
              notices.success(t('ui.water.deleted'));
              onDeleted();
            }).catch((err: unknown) => notices.error(err));
          }}
        />
      )}
    </>
  );
}
