import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, GridApi, GridReadyEvent, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { HousingPageQuery, HousingRow } from '../../../../shared/contract/housing.js';
import { currentLanguage } from '../../i18n.js';
import { gridLocale, gridTheme } from '../../lib/grid-setup.js';
import { housingColumns, toHousingSort } from './housing-columns.js';

export type HousingFilters = Omit<HousingPageQuery, 'startRow' | 'endRow' | 'sort'>;

interface HousingGridProps {
  filters: HousingFilters;
  onOpen(id: string): void;
  onTotal(total: number | null): void;
  onReady(api: GridApi<HousingRow>): void;
}

export function HousingGrid({ filters, onOpen, onTotal, onReady }: HousingGridProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const language = currentLanguage();
  const columnDefs = useMemo(() => housingColumns(t), [t]);
  const callbacks = useRef({ onOpen, onTotal, notices });
  callbacks.current = { onOpen, onTotal, notices };

  const datasource = useMemo<IDatasource>(() => ({
    getRows(params) {
      invoke('housing/page', { ...filters, startRow: params.startRow, endRow: params.endRow, sort: toHousingSort(params.sortModel) })
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

  const ready = useCallback((event: GridReadyEvent<HousingRow>) => onReady(event.api), [onReady]);
  const keyDown = useCallback((event: CellKeyDownEvent<HousingRow>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : '';
    if (key === 'Enter' && event.data) {
      event.event?.preventDefault();
      callbacks.current.onOpen(event.data.id);
    }
  }, []);
  const doubleClick = useCallback((event: RowDoubleClickedEvent<HousingRow>) => {
    if (event.data) callbacks.current.onOpen(event.data.id);
  }, []);

  return (
    <div className="grid-host" aria-label={t('ui.housing.gridLabel')} role="region">
      <AgGridReact<HousingRow>
        key={language}
        theme={gridTheme}
        localeText={gridLocale(language)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: true, resizable: true, filter: false }}
        getRowId={(p) => p.data.id}
        onGridReady={ready}
        onCellKeyDown={keyDown}
        onRowDoubleClicked={doubleClick}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.housing.empty')}</span>`}
      />
    </div>
  );
}
