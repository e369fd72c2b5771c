import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, IGetRowsParams } from 'ag-grid-community';
import { invoke } from '../../api/client.js';
import type { HousingPageQuery, HousingRow } from '../../../../shared/contract/housing.js';
import { useInfiniteGrid } from '../../lib/use-infinite-grid.js';
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
  const columnDefs = useMemo(() => housingColumns(t), [t]);
  const fetchPage = useCallback(
    (params: IGetRowsParams) => invoke('housing/page', { ...filters, startRow: params.startRow, endRow: params.endRow, sort: toHousingSort(params.sortModel) }),
    [filters],
  );
  const { language, gridProps } = useInfiniteGrid<HousingRow, { rows: HousingRow[]; total: number }>({
    fetchPage,
    onPage: ({ total }) => onTotal(total),
    onOpen: (row) => onOpen(row.id),
    onReady,
  });

  return (
    <div className="grid-host" aria-label={t('ui.housing.gridLabel')} role="region">
      <AgGridReact<HousingRow>
        key={language}
        {...gridProps}
        cacheBlockSize={100}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: true, resizable: true, filter: false }}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.housing.empty')}</span>`}
      />
    </div>
  );
}
