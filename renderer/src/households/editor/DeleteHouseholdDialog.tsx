import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';

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
  return (
    <ReasonDialog
      title={t('ui.editor.deleteTitle', { householdNo })}
      body={t('ui.editor.deleteBody')}
      reasonLabel={t('ui.editor.deleteReason')}
      requiredMessage={t('issue.required')}
      confirmLabel={t('ui.editor.deleteConfirm')}
      inputId="delete-reason"
      danger
      onConfirm={async (reason) => {
        await invoke('households/delete', { id, rowVersion, reason });
        onDeleted();
      }}
      onCancel={onCancel}
    />
  );
}
