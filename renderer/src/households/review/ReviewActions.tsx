/**
 * 提交审核 / 审核通过 / 退回 / 重新打开 for the rows selected in the grid, shown by role. Each
 * record moves on its own; the ones the server refused are listed with the reason in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useAuth } from '../../auth/auth-context.js';
import { Modal } from '../../components/Modal.js';
import type { HouseholdRow } from '../../../../shared/contract/households.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import type { ReviewableTable } from '../../../../shared/contract/review.js';
import { useMay } from '../../auth/use-may.js';
import type { ReviewAction } from '../../../../shared/domain/review.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';

type Result = MethodOutput<'review/submit'>;

interface Refusal {
  householdNo: string;
  reason: string;
}

function call(table: ReviewableTable, action: ReviewAction, ids: string[], reason: string): Promise<Result> {
  switch (action) {
    case 'submit': return invoke('review/submit', { table, ids });
    case 'approve': return invoke('review/approve', { table, ids });
    case 'return': return invoke('review/return', { table, ids, reason });
    case 'reopen': return invoke('review/reopen', { table, ids, reason });
  }
}

/** What the actions need of a selected row: other ledgers' rows (school aid) carry these too. */
type ReviewedRow = Pick<HouseholdRow, 'id' | 'householdNo' | 'createdBy'>;

/** A refusal code in words; `review.notOwner` names who entered the record. */
export function refusalText(t: TFunction, code: string, row: ReviewedRow | undefined): string {
  const params = { owner: row?.createdBy ?? '' };
  return t(`issue.${code}`, { ...params, defaultValue: t(`error.${code}`, { ...params, defaultValue: code }) });
}

/** `countKeys`: i18n keys for "N selected" and "done: N" in the ledger's own unit (户, 条). */
export function ReviewActions({ selected, onDone, table = 'household', countKeys = { selected: 'ui.review.selected', done: 'ui.review.done' } }: {
  selected: ReviewedRow[]; onDone(): void; table?: ReviewableTable; countKeys?: { selected: string; done: string };
}) {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const may = useMay();
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);
  const [refusals, setRefusals] = useState<{ action: ReviewAction; done: number; list: Refusal[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const mayWrite = may('write');
  const mayReview = may('review');
  if (!mayWrite && !mayReview) return null;

  const run = async (action: ReviewAction, reason?: string) => {
    setAsking(null);
    setBusy(true);
    const ids = selected.map((r) => r.id);
    try {
      const result = await call(table, action, ids, reason ?? '');
      const byId = new Map(selected.map((r) => [r.id, r]));
      const list = result.refused.map((r) => ({ householdNo: byId.get(r.id)?.householdNo ?? r.id, reason: refusalText(t, r.code, byId.get(r.id)) }));
      if (list.length) setRefusals({ action, done: result.done, list });
      else notices.success(t(countKeys.done, { action: t(`ui.review.action.${action}`), count: result.done }));
      onDone();
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };

  const none = selected.length === 0 || busy;
  return (
    <div className="review-actions" role="group" aria-label={t('ui.review.group')}>
      <span className="review-selected" aria-live="polite">{t(countKeys.selected, { count: selected.length })}</span>
      {mayWrite && (
        <button type="button" className="button" disabled={none} onClick={() => void run('submit')}>{t('ui.review.action.submit')}</button>
      )}
      {mayReview && (
        <>
          <button type="button" className="button" disabled={none} onClick={() => void run('approve')}>{t('ui.review.action.approve')}</button>
          <button type="button" className="button" disabled={none} onClick={() => setAsking('return')}>{t('ui.review.action.return')}</button>
          <button type="button" className="button" disabled={none} onClick={() => setAsking('reopen')}>{t('ui.review.action.reopen')}</button>
        </>
      )}
      {asking && (
        <ReasonDialog
          title={t(`ui.review.${asking}Title`, { count: selected.length })}
          body={t(`ui.review.${asking}Body`)}
          confirmLabel={t(`ui.review.action.${asking}`)}
          onConfirm={(reason) => void run(asking, reason)}
          onCancel={() => setAsking(null)}
        />
      )}
      {refusals && (
        <Modal title={t('ui.review.refusedTitle', { action: t(`ui.review.action.${refusals.action}`) })} onCancel={() => setRefusals(null)}>
          <p className="modal-body">{t('ui.review.refusedBody', { done: refusals.done, refused: refusals.list.length })}</p>
          <ul className="summary-list review-refusals">
            {refusals.list.map((r) => (
              <li key={r.householdNo}>{t('ui.review.refusalLine', { householdNo: r.householdNo, reason: r.reason })}</li>
            ))}
          </ul>
          <div className="modal-actions">
            <button type="button" className="button button-primary" data-autofocus onClick={() => setRefusals(null)}>{t('ui.common.close')}</button>
          </div>
        </Modal>
      )}
    </div>
  );
}
