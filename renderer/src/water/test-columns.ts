import type { TFunction } from 'i18next';
import type { ColDef } from 'ag-grid-community';
import type { TestRow } from '../../../shared/contract/water.js';
import { failureText } from './water-format.js';
import { passClass } from './assessment-columns.js';

export function testColumns(t: TFunction): ColDef<TestRow>[] {
  return [
    { colId: 'sampledOn', field: 'sampledOn', headerName: t('field.sampledOn'), width: 120, sortable: true },
    { colId: 'supplyName', field: 'supplyName', headerName: t('field.supplyId'), width: 130, sortable: true },
    { colId: 'villageName', field: 'villageName', headerName: t('ui.water.village'), width: 100, sortable: true },
    { colId: 'testKind', field: 'testKind', headerName: t('field.testKind'), width: 140, sortable: true, valueFormatter: (p) => (p.value ? t(`ui.water.testKind.${p.value}`) : '') },
    { colId: 'testPlace', field: 'testPlace', headerName: t('field.testPlace'), width: 130, valueFormatter: (p) => (p.value ? t(`ui.water.testPlace.${p.value}`) : '') },
    { colId: 'lab', field: 'lab', headerName: t('field.lab'), width: 130, sortable: true },
    {
      colId: 'passed', field: 'passed', headerName: t('ui.water.overall'), width: 100, sortable: true, cellClass: passClass,
      valueFormatter: (p) => (p.value === undefined ? '' : p.value ? `✓ ${t('ui.water.passed')}` : `✗ ${t('ui.water.failed')}`),
    },
    {
      colId: 'failures', headerName: t('ui.water.failures'), flex: 1, minWidth: 320, tooltipValueGetter: (p) => p.value as string,
      valueGetter: (p) => (p.data ? p.data.failures.map((f) => failureText(t, f)).join('；') || t('ui.water.noFailures') : ''),
      cellClass: (p) => (p.data && !p.data.passed ? 'water-fail' : ''),
    },
    { colId: 'reviewState', field: 'reviewState', headerName: t('field.reviewState'), width: 100, sortable: true, valueFormatter: (p) => (p.value ? t(`enum.reviewState.${p.value}`) : '') },
  ];
}
