import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { invoke } from '../../api/client.js';
import type { MethodInput, MethodOutput } from '../../../../shared/contract/index.js';
import { schoolSortColumns, type SchoolAidRow } from '../../../../shared/contract/school.js';
import { useInfiniteGrid } from '../../lib/use-infinite-grid.js';
import { schoolColumns } from './school-columns.js';

export type SchoolFilters = Omit<MethodInput<'school/page'>, 'startRow' | 'endRow' | 'sort'>;

const BLOCK_SIZE = 100;
type SortColumn = (typeof schoolSortColumns)[number];

function toSort(model: SortModelItem[]): NonNullable<MethodInput<'school/page'>['sort']> {
  return model
    .filter((s): s is SortModelItem & { colId: SortColumn } => (schoolSortColumns as readonly string[]).includes(s.colId))
    .slice(0, 3)
    .map((s) => ({ column: s.colId, direction: s.sort }));
}

interface SchoolGridProps {
  filters: SchoolFilters;
  onOpen(id: string): void;
  onTotals(totals: { total: number; amountFen: number } | null): void;
  onReady(api: GridApi<SchoolAidRow>): void;
  /** The rows ticked for 提交审核 / 审核通过 / 退回 / 重新打开. */
  onSelection(rows: SchoolAidRow[]): void;
}

/** The ledger: the server pages, sorts and filters (infinite row model). */
export function SchoolGrid({ filters, onOpen, onTotals, onReady, onSelection }: SchoolGridProps) {
  const { t } = useTranslation();
  const columnDefs = useMemo(() => schoolColumns(t), [t]);
  const fetchPage = useCallback(
    (params: IGetRowsParams) => invoke('school/page', { ...filters, startRow: params.startRow, endRow: params.endRow, sort: toSort(params.sortModel) }),
    [filters],
  );
  const { language, gridProps } = useInfiniteGrid<SchoolAidRow, MethodOutput<'school/page'>>({
    fetchPage,
    onPage: ({ total, amountFen }) => onTotals({ total, amountFen }),
    onOpen: (row) => onOpen(row.id),
    onReady,
    onSelection,
  });

  return (
    <div className="grid-host" aria-label={t('ui.school.gridLabel')} role="region">
      <AgGridReact<SchoolAidRow>
        key={language}
        {...gridProps}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={20}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowClass={(p) => (p.data && p.data.warnings.length > 0 ? 'school-row-warn' : undefined)}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
        tooltipShowDelay={300}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.school.empty')}</span>`}
      />
    </div>
  );
}
