import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, IGetRowsParams } from 'ag-grid-community';
import { invoke } from '../api/client.js';
import type { HouseholdRow } from '../../../shared/contract/households.js';
import { useInfiniteGrid } from '../lib/use-infinite-grid.js';
import { householdColumns } from './household-columns.js';
import { toPageQuery, type ToolbarFilters } from './grid-query.js';

/** Rows per request; only the blocks near the viewport stay in memory (50,000 households). */
const BLOCK_SIZE = 100;

interface HouseholdGridProps {
  filters: ToolbarFilters;
  /** Shown in a pinned bottom row; null while the first page loads. */
  total: number | null;
  onOpen(id: string): void;
  onTotal(total: number | null): void;
  onReady(api: GridApi<HouseholdRow>): void;
  /** The rows ticked for 提交审核 / 审核通过 / 退回 / 重新打开. */
  onSelection(rows: HouseholdRow[]): void;
  /** Tick boxes only for a role with review actions to take on them. */
  multiSelect: boolean;
}

export function HouseholdGrid({ filters, total, onOpen, onTotal, onReady, onSelection, multiSelect }: HouseholdGridProps) {
  const { t } = useTranslation();
  const columnDefs = useMemo(() => householdColumns(t), [t]);
  // A new fetch for new toolbar filters: the grid starts again from the top.
  const fetchPage = useCallback((params: IGetRowsParams) => invoke('households/page', toPageQuery(params, filters)), [filters]);
  const { language, gridProps } = useInfiniteGrid<HouseholdRow, { rows: HouseholdRow[]; total: number }>({
    fetchPage,
    onPage: ({ total }) => onTotal(total),
    onOpen: (row) => onOpen(row.id),
    onReady,
    onSelection: (rows) => onSelection(rows.filter((r) => r.id !== 'pinned-total')),
  });

  const pinnedTotal = useMemo(
    () => (total === null ? [] : [{ id: 'pinned-total', householdNo: t('ui.households.count', { count: total }) } as HouseholdRow]),
    [total, t],
  );

  return (
    <div className="grid-host" aria-label={t('ui.households.gridLabel')} role="region">
      <AgGridReact<HouseholdRow>
        key={language}
        {...gridProps}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={20}
        maxConcurrentDatasourceRequests={2}
        columnDefs={columnDefs}
        pinnedBottomRowData={pinnedTotal}
        getRowClass={(p) => (p.node.rowPinned ? 'grid-total-row' : undefined)}
        defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: false }}
        rowSelection={multiSelect
          ? { mode: 'multiRow', checkboxes: (p) => !p.node.rowPinned, headerCheckbox: false, enableClickSelection: true }
          : { mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.households.empty')}</span>`}
      />
    </div>
  );
}
