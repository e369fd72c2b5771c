import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { HouseholdRow } from '../../../../shared/contract/households.js';

/**
 * 审核状态: the state, and for a returned record the reviewer's reason, so the clerk reads
 * why without opening it. Sorting ascending puts 退回 first (the server's order).
 */
export function reviewStateColumn(t: TFunction): ColDef<HouseholdRow> {
  return {
    colId: 'reviewState',
    field: 'reviewState',
    headerName: t('field.reviewState'),
    width: 200,
    filter: false,
    cellClass: (p) => (p.data && !p.node.rowPinned ? `review-cell review-${p.data.reviewState}` : undefined),
    valueFormatter: (p) => {
      if (!p.data || p.node?.rowPinned) return '';
      const state = t(`enum.reviewState.${p.data.reviewState}`);
      return p.data.reviewState === 'returned' && p.data.reviewReason ? t('ui.review.returnedWith', { state, reason: p.data.reviewReason }) : state;
    },
    tooltipValueGetter: (p) => (p.data?.reviewReason ? p.data.reviewReason : null),
  };
}
