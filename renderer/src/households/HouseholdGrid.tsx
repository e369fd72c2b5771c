import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, GridApi, GridReadyEvent, IDatasource, RowDoubleClickedEvent, SelectionChangedEvent } from 'ag-grid-community';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import type { HouseholdRow } from '../../../shared/contract/households.js';
import { currentLanguage } from '../i18n.js';
import { gridLocale, gridTheme } from '../lib/grid-setup.js';
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
  const notices = useNotices();
  const language = currentLanguage();
  const columnDefs = useMemo(() => householdColumns(t), [t]);
  const callbacks = useRef({ onOpen, onTotal, notices, onSelection });
  callbacks.current = { onOpen, onTotal, notices, onSelection };

  // A new datasource for new toolbar filters: the grid starts again from the top.
  const datasource = useMemo<IDatasource>(() => ({
    getRows(params) {
      invoke('households/page', toPageQuery(params, filters))
        .then(({ rows, total }) => {
          params.successCallback(rows, total);
          callbacks.current.onTotal(total);
        })
        .catch((err: unknown) => {
          params.failCallback();
          callbacks.current.notices.error(err);
        });
    },
  }), [filters]);

  const pinnedTotal = useMemo(
    () => (total === null ? [] : [{ id: 'pinned-total', householdNo: t('ui.households.count', { count: total }) } as HouseholdRow]),
    [total, t],
  );

  const ready = useCallback((event: GridReadyEvent<HouseholdRow>) => onReady(event.api), [onReady]);

  const keyDown = useCallback((event: CellKeyDownEvent<HouseholdRow>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : '';
    if (key === 'Enter' && event.data && event.rowPinned !== 'bottom') {
      event.event?.preventDefault();
      callbacks.current.onOpen(event.data.id);
    }
  }, []);

  const selectionChanged = useCallback((event: SelectionChangedEvent<HouseholdRow>) => {
    callbacks.current.onSelection(event.api.getSelectedRows().filter((r) => r.id !== 'pinned-total'));
  }, []);

  const doubleClick = useCallback((event: RowDoubleClickedEvent<HouseholdRow>) => {
    if (event.data && event.rowPinned !== 'bottom') callbacks.current.onOpen(event.data.id);
  }, []);

  return (
    <div className="grid-host" aria-label={t('ui.households.gridLabel')} role="region">
      <AgGridReact<HouseholdRow>
        key={language}
        theme={gridTheme}
        localeText={gridLocale(language)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={20}
        maxConcurrentDatasourceRequests={2}
        columnDefs={columnDefs}
        pinnedBottomRowData={pinnedTotal}
        getRowClass={(p) => (p.node.rowPinned ? 'grid-total-row' : undefined)}
        defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: false }}
        getRowId={(p) => p.data.id}
        rowSelection={multiSelect
          ? { mode: 'multiRow', checkboxes: (p) => !p.node.rowPinned, headerCheckbox: false, enableClickSelection: true }
          : { mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onSelectionChanged={selectionChanged}
        onGridReady={ready}
        onCellKeyDown={keyDown}
        onRowDoubleClicked={doubleClick}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.households.empty')}</span>`}
      />
    </div>
  );
}
