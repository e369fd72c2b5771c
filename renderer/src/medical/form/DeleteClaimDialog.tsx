import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';

/** A claim is never erased: it is marked deleted, with the reason kept in the audit trail. */
export function DeleteClaimDialog({ id, rowVersion, title, onDeleted, onCancel }: { id: string; rowVersion: number; title: string; onDeleted(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={`${t('ui.medical.form.delete')}：${title}`}
      body={t('ui.medical.form.deleteBody')}
      reasonLabel={t('ui.medical.form.deleteReason')}
      requiredMessage={t('issue.required')}
      confirmLabel={t('ui.medical.form.deleteConfirm')}
      inputId="claim-delete-reason"
      danger
      onConfirm={async (reason) => {
        await invoke('medical/delete', { id, rowVersion, reason });
        onDeleted();
      }}
      onCancel={onCancel}
    />
  );
}
