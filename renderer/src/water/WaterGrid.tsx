/**
 * An infinite AG Grid over one paged water method: rows are fetched a block at a time, sorted on
 * the server, and Enter or a double click opens the row. Used by the assessments and tests grids.
 */
import { useCallback, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi, GridReadyEvent, IDatasource, RowDoubleClickedEvent, SelectionChangedEvent } from 'ag-grid-community';
import { useNotices } from '../app/notice-context.js';
import { currentLanguage } from '../i18n.js';
import { gridLocale, gridTheme } from '../lib/grid-setup.js';

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
  const notices = useNotices();
  const language = currentLanguage();
  const callbacks = useRef(props);
  callbacks.current = props;
  const { fetchPage, sortable } = props;

  const datasource = useMemo<IDatasource>(() => ({
    getRows(params) {
      const sort = params.sortModel
        .filter((s) => (sortable as readonly string[]).includes(s.colId))
        .map((s) => ({ column: s.colId as S, direction: s.sort }));
      fetchPage({ startRow: params.startRow, endRow: params.endRow, sort })
        .then(({ rows, total }) => {
          params.successCallback(rows, total);
          callbacks.current.onTotal(total);
        })
        .catch((err: unknown) => {
          params.failCallback();
          notices.error(err);
        });
    },
  }), [fetchPage, sortable, notices]);

  const ready = useCallback((event: GridReadyEvent<R>) => callbacks.current.onReady(event.api), []);
  const keyDown = useCallback((event: CellKeyDownEvent<R>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : '';
    if (key === 'Enter' && event.data) {
      event.event?.preventDefault();
      callbacks.current.onOpen(event.data);
    }
  }, []);
  const selectionChanged = useCallback((event: SelectionChangedEvent<R>) => callbacks.current.onSelection(event.api.getSelectedRows()), []);
  const doubleClick = useCallback((event: RowDoubleClickedEvent<R>) => {
    if (event.data) callbacks.current.onOpen(event.data);
  }, []);

  return (
    <div className="grid-host" aria-label={props.label} role="region">
      <AgGridReact<R>
        key={language}
        theme={gridTheme}
        localeText={gridLocale(language)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={20}
        columnDefs={props.columns}
        defaultColDef={{ sortable: false, resizable: true }}
        // A dozen columns: render them all, so every result is in the page for screen readers and search.
        suppressColumnVirtualisation
        getRowId={(p) => p.data.id}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
        onSelectionChanged={selectionChanged}
        onGridReady={ready}
        onCellKeyDown={keyDown}
        onRowDoubleClicked={doubleClick}
        overlayNoRowsTemplate={`<span class="grid-empty">${props.empty}</span>`}
      />
    </div>
  );
}
