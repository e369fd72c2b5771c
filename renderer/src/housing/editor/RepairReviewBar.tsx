/**
 * The review workflow for one repair (提交审核 / 审核通过 / 退回 / 重新打开), shown by role and
 * state, and 删除 with a reason. The server decides; a refusal comes back in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useAuth } from '../../auth/auth-context.js';
import type { HousingRepair } from '../../../../shared/contract/housing.js';
import { useMay } from '../../auth/use-may.js';
import { isEditable, type ReviewAction } from '../../../../shared/domain/review.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';

interface RepairReviewBarProps {
  record: HousingRepair;
  dirty: boolean;
  onChanged(): void;
  onDeleted(): void;
}

type Asking = 'return' | 'reopen' | 'delete' | null;

export function RepairReviewBar({ record, dirty, onChanged, onDeleted }: RepairReviewBarProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const may = useMay();
  const [asking, setAsking] = useState<Asking>(null);
  const mayWrite = may('write');
  const mayReview = may('review');
  const state = record.reviewState;

  const act = async (action: ReviewAction, reason = '') => {
    setAsking(null);
    try {
      const selection = { table: 'housing_repair' as const, ids: [record.id] };
      const result = action === 'submit' ? await invoke('review/submit', selection)
        : action === 'approve' ? await invoke('review/approve', selection)
          : action === 'return' ? await invoke('review/return', { ...selection, reason })
            : await invoke('review/reopen', { ...selection, reason });
      const refused = result.refused[0];
      if (refused) notices.error(new Error(t(`issue.${refused.code}`, { owner: record.createdBy, defaultValue: refused.code })));
      else notices.success(t('ui.review.done', { action: t(`ui.review.action.${action}`), count: 1 }));
      onChanged();
    } catch (err) {
      notices.error(err);
    }
  };

  const remove = async (reason: string) => {
    setAsking(null);
    try {
      await invoke('housing/delete', { id: record.id, rowVersion: record.rowVersion, reason });
      onDeleted();
    } catch (err) {
      notices.error(err);
    }
  };

  const button = (action: ReviewAction, onClick: () => void) => (
    <button type="button" className="button" disabled={dirty} onClick={onClick}>{t(`ui.review.action.${action}`)}</button>
  );
  return (
    <>
      <span className={`review-state review-${state}`}>{t(`enum.reviewState.${state}`)}</span>
      {record.reviewReason && <span className="field-hint">{record.reviewReason}</span>}
      {mayWrite && isEditable(state) && button('submit', () => void act('submit'))}
      {mayReview && state === 'submitted' && button('approve', () => void act('approve'))}
      {mayReview && state === 'submitted' && button('return', () => setAsking('return'))}
      {mayReview && state === 'approved' && button('reopen', () => setAsking('reopen'))}
      {mayWrite && isEditable(state) && (
        <button type="button" className="button button-quiet button-danger-text" onClick={() => setAsking('delete')}>{t('ui.housing.editor.delete')}</button>
      )}
      {(asking === 'return' || asking === 'reopen') && (
        <ReasonDialog
          title={t(`ui.review.${asking}Title`, { count: 1 })}
          body={t(`ui.review.${asking}Body`)}
          confirmLabel={t(`ui.review.action.${asking}`)}
          onConfirm={(reason) => void act(asking, reason)}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === 'delete' && (
        <ReasonDialog
          title={t('ui.housing.editor.delete')}
          body={t('ui.housing.editor.deleteConfirm')}
          confirmLabel={t('ui.housing.editor.delete')}
          onConfirm={(reason) => void remove(reason)}
          onCancel={() => setAsking(null)}
        />
      )}
    </>
  );
}
