/**
 * The 县里审核 column of the household list: what the county said about the household in its last
 * receipt. Rejections show their reasons, so the clerk sees what to correct where the clerk works.
 */
import type { ColDef } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HouseholdRow } from '../../../shared/contract/households.js';
import { describeIssue } from '../../../shared/i18n/translate.js';
import { useCountyState, type CountyState } from './county-state-cache.js';

export function countyStateText(t: TFunction, state: CountyState): { label: string; title: string } {
  if (state.state === 'rejected') {
    const reasons = state.issues.map((i) => describeIssue(t, i)).join('；');
    return { label: t('ui.countyState.rejectedReason', { reason: reasons }), title: reasons };
  }
  if (state.state === 'conflict') return { label: t('ui.countyState.conflict'), title: t('ui.countyState.conflictTitle') };
  return { label: t('ui.countyState.accepted'), title: t('ui.countyState.acceptedTitle', { sequence: state.packageSequence }) };
}

function CountyStateCell({ data, node }: CustomCellRendererProps<HouseholdRow>) {
  const { t } = useTranslation();
  const state = useCountyState('household', node.rowPinned ? undefined : data?.id);
  const members = data?.rejectedMembers ?? [];
  const own = state ? countyStateText(t, state) : null;
  return (
    <>
      {members.length > 0 && (
        // A rejected member is the household's to correct too: shown first on its row, the reasons in the editor.
        <span className="county-state" data-state="rejected" data-testid="members-rejected" title={t('ui.countyState.membersRejectedTitle', { names: members.join('、') })}>
          {t('ui.countyState.membersRejected', { names: members.join('、') })}
        </span>
      )}
      {own && <span className="county-state" data-state={state!.state} title={own.title}>{own.label}</span>}
    </>
  );
}

export function countyStateColumn(t: TFunction): ColDef<HouseholdRow> {
  return {
    colId: 'countyState',
    headerName: t('ui.countyState.column'),
    width: 190,
    sortable: false,
    filter: false,
    cellRenderer: CountyStateCell,
  };
}
