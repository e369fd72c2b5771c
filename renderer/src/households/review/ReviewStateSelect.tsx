import { useTranslation } from 'react-i18next';
import { reviewStates } from '../../../../shared/domain/review.js';

/** The grid's 审核状态 filter; '' shows every state. */
export function ReviewStateSelect({ value, onChange }: { value: string; onChange(state: string): void }) {
  const { t } = useTranslation();
  return (
    <select className="input select" value={value} aria-label={t('ui.review.stateFilter')} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('ui.review.allStates')}</option>
      {reviewStates.map((s) => <option key={s} value={s}>{t(`enum.reviewState.${s}`)}</option>)}
    </select>
  );
}
