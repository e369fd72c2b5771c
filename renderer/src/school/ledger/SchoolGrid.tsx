import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, GridApi, GridReadyEvent, IDatasource, RowDoubleClickedEvent, SelectionChangedEvent, SortModelItem } from 'ag-grid-community';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { MethodInput } from '../../../../shared/contract/index.js';
import { schoolSortColumns, type SchoolAidRow } from '../../../../shared/contract/school.js';
import { currentLanguage } from '../../i18n.js';
import { gridLocale, gridTheme } from '../../lib/grid-setup.js';
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
  const notices = useNotices();
  const language = currentLanguage();
  const columnDefs = useMemo(() => schoolColumns(t), [t]);
  const callbacks = useRef({ onOpen, onTotals, notices, onSelection });
  callbacks.current = { onOpen, onTotals, notices, onSelection };

  const datasource = useMemo<IDatasource>(() => ({
    getRows(params) {
      invoke('school/page', { ...filters, startRow: params.startRow, endRow: params.endRow, sort: toSort(params.sortModel) })
        .then(({ rows, total, amountFen }) => {
          params.successCallback(rows, total);
          callbacks.current.onTotals({ total, amountFen });
        })
        .catch((err: unknown) => {
          params.failCallback();
          callbacks.current.notices.error(err);
        });
    },
  }), [filters]);

  const ready = useCallback((event: GridReadyEvent<SchoolAidRow>) => onReady(event.api), [onReady]);
  const keyDown = useCallback((event: CellKeyDownEvent<SchoolAidRow>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : '';
    if (key === 'Enter' && event.data) {
      event.event?.preventDefault();
      callbacks.current.onOpen(event.data.id);
    }
  }, []);
  const selectionChanged = useCallback((event: SelectionChangedEvent<SchoolAidRow>) => {
    callbacks.current.onSelection(event.api.getSelectedRows());
  }, []);
  const doubleClick = useCallback((event: RowDoubleClickedEvent<SchoolAidRow>) => {
    if (event.data) callbacks.current.onOpen(event.data.id);
  }, []);

  return (
    <div className="grid-host" aria-label={t('ui.school.gridLabel')} role="region">
      <AgGridReact<SchoolAidRow>
        key={language}
        theme={gridTheme}
        localeText={gridLocale(language)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={20}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={(p) => p.data.id}
        getRowClass={(p) => (p.data && p.data.warnings.length > 0 ? 'school-row-warn' : undefined)}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
        onSelectionChanged={selectionChanged}
        onGridReady={ready}
        onCellKeyDown={keyDown}
        onRowDoubleClicked={doubleClick}
        tooltipShowDelay={300}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.school.empty')}</span>`}
      />
    </div>
  );
}
