import type { TFunction } from 'i18next';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { AssessmentRow } from '../../../shared/contract/water.js';
import { indicators } from '../../../shared/domain/water/vocabulary.js';

/** ✓/✗ with the word, so the result never depends on colour alone. */
export function passCell(t: TFunction) {
  return (p: ICellRendererParams<AssessmentRow, boolean>) => {
    if (p.value === undefined || p.value === null) return '';
    return p.value ? `✓ ${t('ui.water.pass')}` : `✗ ${t('ui.water.fail')}`;
  };
}

export const passClass = (p: { value: unknown }) => (p.value === true ? 'water-pass' : p.value === false ? 'water-fail' : '');

export function assessmentColumns(t: TFunction): ColDef<AssessmentRow>[] {
  return [
    { colId: 'householdNo', field: 'householdNo', headerName: t('ui.water.householdNo'), width: 160, sortable: true, pinned: 'left' },
    { colId: 'headName', field: 'headName', headerName: t('ui.water.headName'), width: 100, sortable: true },
    { colId: 'villageName', field: 'villageName', headerName: t('ui.water.village'), width: 100, sortable: true },
    { colId: 'assessedOn', field: 'assessedOn', headerName: t('field.assessedOn'), width: 120, sortable: true },
    { colId: 'supplyType', field: 'supplyType', headerName: t('field.supplyType'), width: 100, valueFormatter: (p) => (p.value ? t(`ui.water.supplyType.${p.value}`) : '') },
    { colId: 'supplyName', field: 'supplyName', headerName: t('field.supplyId'), width: 120 },
    ...indicators.map((i): ColDef<AssessmentRow> => ({
      colId: `result-${i}`, headerName: t(`ui.water.indicator.${i}`), width: i === 'convenience' ? 120 : 96,
      valueGetter: (p) => p.data?.results[i], cellRenderer: passCell(t), cellClass: passClass,
    })),
    { colId: 'passed', field: 'passed', headerName: t('ui.water.overall'), width: 100, sortable: true, cellRenderer: passCell(t), cellClass: passClass },
    {
      colId: 'needsReassessment', headerName: t('ui.water.needsReassessment'), width: 230,
      valueGetter: (p) => (p.data?.reassessmentTest ? t('ui.water.reassessBecause', { date: p.data.reassessmentTest.sampledOn }) : ''),
      cellClass: (p) => (p.value ? 'water-fail' : ''),
    },
    { colId: 'reviewState', field: 'reviewState', headerName: t('field.reviewState'), width: 100, sortable: true, valueFormatter: (p) => (p.value ? t(`enum.reviewState.${p.value}`) : '') },
  ];
}
