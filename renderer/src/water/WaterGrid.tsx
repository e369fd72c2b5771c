/**
 * An infinite AG Grid over one paged water method: rows are fetched a block at a time, sorted on
 * the server, and Enter or a double click opens the row. Used by the assessments and tests grids.
 */
import { useCallback } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, IGetRowsParams } from 'ag-grid-community';
import { useInfiniteGrid } from '../lib/use-infinite-grid.js';

export interface PageRequest<S extends string> {
  startRow: number;
  endRow: number;
  sort: { column: S; direction: 'asc' | 'desc' }[];
}

interface WaterGridProps<R extends { id: string }, S extends string> {
  label: string;
  columns: ColDef<R>[];
  sortable: readonly S[];
  /** A new function (new filters) starts the grid again from the top. */
  fetchPage(request: PageRequest<S>): Promise<{ rows: R[]; total: number }>;
  onOpen(row: R): void;
  onTotal(total: number): void;
  onReady(api: GridApi<R>): void;
  /** The rows ticked for 提交审核 / 审核通过 / 退回 / 重新打开. */
  onSelection(rows: R[]): void;
  empty: string;
}

const BLOCK_SIZE = 100;

export function WaterGrid<R extends { id: string }, S extends string>(props: WaterGridProps<R, S>) {
  const { fetchPage, sortable } = props;
  const fetchBlock = useCallback((params: IGetRowsParams) => {
    const sort = params.sortModel
      .filter((s) => (sortable as readonly string[]).includes(s.colId))
      .map((s) => ({ column: s.colId as S, direction: s.sort }));
    return fetchPage({ startRow: params.startRow, endRow: params.endRow, sort });
  }, [fetchPage, sortable]);
  const { language, gridProps } = useInfiniteGrid<R, { rows: R[]; total: number }>({
    fetchPage: fetchBlock,
    onPage: ({ total }) => props.onTotal(total),
    onOpen: props.onOpen,
    onReady: props.onReady,
    onSelection: props.onSelection,
  });

  return (
    <div className="grid-host" aria-label={props.label} role="region">
      <AgGridReact<R>
        key={language}
        {...gridProps}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={20}
        columnDefs={props.columns}
        defaultColDef={{ sortable: false, resizable: true }}
        // A dozen columns: render them all, so every result is in the page for screen readers and search.
        suppressColumnVirtualisation
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
        overlayNoRowsTemplate={`<span class="grid-empty">${props.empty}</span>`}
      />
    </div>
  );
}
