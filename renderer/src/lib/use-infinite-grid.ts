/**
 * What every server-paged ledger grid wires the same way: AG Grid's infinite row model over one
 * paged method (a block at a time), a refused fetch told as a notice, Enter or a double click
 * opening a row, and the ticked rows reported. Pinned rows (a total line) are never opened.
 */
import { useCallback, useMemo, useRef } from 'react';
import type {
  CellKeyDownEvent, GridApi, GridReadyEvent, IDatasource, IGetRowsParams, RowDoubleClickedEvent, SelectionChangedEvent,
} from 'ag-grid-community';
import { useNotices } from '../app/notice-context.js';
import { currentLanguage } from '../i18n.js';
import { gridLocale, gridTheme } from './grid-setup.js';

interface InfiniteGridOptions<R extends { id: string }, P extends { rows: R[]; total: number }> {
  /** One block of rows. A new function (new filters) starts the grid again from the top. */
  fetchPage(params: IGetRowsParams): Promise<P>;
  /** Each page as it arrives (the totals it carries). */
  onPage(page: P): void;
  onOpen(row: R): void;
  onReady(api: GridApi<R>): void;
  /** The rows ticked for 提交审核 / 审核通过 / 退回 / 重新打开; grids without ticks leave it out. */
  onSelection?(rows: R[]): void;
}

export function useInfiniteGrid<R extends { id: string }, P extends { rows: R[]; total: number }>(options: InfiniteGridOptions<R, P>) {
  const notices = useNotices();
  const language = currentLanguage();
  const callbacks = useRef({ ...options, notices });
  callbacks.current = { ...options, notices };
  const { fetchPage } = options;

  const datasource = useMemo<IDatasource>(() => ({
    getRows(params) {
      fetchPage(params)
        .then((page) => {
          params.successCallback(page.rows, page.total);
          callbacks.current.onPage(page);
        })
        .catch((err: unknown) => {
          params.failCallback();
          callbacks.current.notices.error(err);
        });
    },
  }), [fetchPage]);

  const onGridReady = useCallback((event: GridReadyEvent<R>) => callbacks.current.onReady(event.api), []);
  const onCellKeyDown = useCallback((event: CellKeyDownEvent<R>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : '';
    if (key === 'Enter' && event.data && !event.rowPinned) {
      event.event?.preventDefault();
      callbacks.current.onOpen(event.data);
    }
  }, []);
  const onRowDoubleClicked = useCallback((event: RowDoubleClickedEvent<R>) => {
    if (event.data && !event.rowPinned) callbacks.current.onOpen(event.data);
  }, []);
  const selectionChanged = useCallback((event: SelectionChangedEvent<R>) => callbacks.current.onSelection?.(event.api.getSelectedRows()), []);

  return {
    /** The grid's `key`: a language switch builds it again in the new language. */
    language,
    gridProps: {
      theme: gridTheme,
      localeText: gridLocale(language),
      rowModelType: 'infinite' as const,
      datasource,
      getRowId: (p: { data: R }) => p.data.id,
      onGridReady,
      onCellKeyDown,
      onRowDoubleClicked,
      ...(options.onSelection ? { onSelectionChanged: selectionChanged } : {}),
    },
  };
}
