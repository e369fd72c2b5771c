import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { HouseholdRow } from '../../../shared/contract/households.js';
import { formatDateTime } from '../lib/format.js';
import { reviewStateColumn } from './review/review-column.js';
import { countyStateColumn } from './county-state-column.js';

const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: {
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith'],
    maxNumConditions: 1,
    debounceMs: 300,
  },
} as const;

const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: { filterOptions: ['equals', 'greaterThan', 'lessThan'], maxNumConditions: 1, debounceMs: 300 },
} as const;

/**
 * The list's columns. Sorting and filtering are offered only where the server does them
 * (householdSortColumns, householdTextFilterColumns); the rest are plain.
 */
export function householdColumns(t: TFunction): ColDef<HouseholdRow>[] {
  const plain = { sortable: false, filter: false } as const;
  return [
    { field: 'householdNo', headerName: t('field.householdNo'), width: 150, pinned: 'left', ...TEXT_FILTER },
    reviewStateColumn(t),
    countyStateColumn(t),
    { field: 'villageName', headerName: t('field.villageName'), width: 90, ...TEXT_FILTER },
    { field: 'headName', headerName: t('field.headName'), width: 84, ...TEXT_FILTER },
    { field: 'headIdMasked', headerName: t('field.headIdMasked'), width: 190, cellClass: 'mono', ...plain },
    {
      field: 'status',
      headerName: t('field.status'),
      width: 136,
      filter: false,
      valueFormatter: (p) => (p.value ? t(`enum.householdStatus.${String(p.value)}`) : ''),
    },
    {
      field: 'cause',
      headerName: t('field.cause'),
      width: 136,
      ...plain,
      valueFormatter: (p) => (p.value ? t(`enum.povertyCause.${String(p.value)}`) : ''),
    },
    { field: 'memberCount', headerName: t('field.memberCount'), width: 86, type: 'numericColumn', ...NUMBER_FILTER },
    {
      field: 'dibao',
      headerName: t('field.dibao'),
      width: 56,
      ...plain,
      valueFormatter: (p) => (p.value === true ? t('ui.common.yes') : ''),
    },
    { field: 'helperName', headerName: t('field.helperName'), width: 96, ...TEXT_FILTER },
    {
      field: 'updatedAt',
      headerName: t('field.updatedAt'),
      flex: 1,
      minWidth: 136,
      filter: false,
      valueFormatter: (p) => formatDateTime(typeof p.value === 'string' ? p.value : null),
    },
  ];
}
