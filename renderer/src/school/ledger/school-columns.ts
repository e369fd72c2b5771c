import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { SchoolAidRow } from '../../../../shared/contract/school.js';
import { formatYuan } from '../../../../shared/domain/money.js';
import { describeIssue } from '../../../../shared/i18n/translate.js';

/** Sorting is offered where the server sorts (schoolSortColumns); filters live in the toolbar. */
export function schoolColumns(t: TFunction): ColDef<SchoolAidRow>[] {
  const plain = { sortable: false } as const;
  const label = (name: string) => (p: { value: unknown }) => (p.value ? t(`enum.${name}.${String(p.value)}`) : '');
  return [
    { field: 'personName', headerName: t('ui.school.col.personName'), width: 96, pinned: 'left' },
    { field: 'idNumber', headerName: t('ui.school.col.idNumber'), width: 190, cellClass: 'mono', ...plain },
    { field: 'reviewState', headerName: t('ui.school.col.reviewState'), width: 96, valueFormatter: label('reviewState') },
    { field: 'schoolYear', headerName: t('ui.school.col.schoolYear'), width: 108 },
    { field: 'schoolTerm', headerName: t('ui.school.col.schoolTerm'), width: 76, valueFormatter: label('schoolTerm') },
    { field: 'schoolStage', headerName: t('ui.school.col.schoolStage'), width: 120, valueFormatter: label('schoolStage') },
    { field: 'aidItem', headerName: t('ui.school.col.aidItem'), width: 130, valueFormatter: label('schoolAidItem') },
    {
      field: 'amountFen', headerName: t('ui.school.col.amount'), width: 112, type: 'numericColumn', cellClass: 'mono',
      valueFormatter: (p) => (typeof p.value === 'number' ? formatYuan(p.value, { grouping: true }) : ''),
    },
    {
      field: 'warnings', headerName: t('ui.school.col.warnings'), width: 320, ...plain, cellClass: 'school-warning-cell',
      valueFormatter: (p) => (Array.isArray(p.value) ? p.value.map((w) => describeIssue(t, w)).join('；') : ''),
      tooltipValueGetter: (p) => (Array.isArray(p.value) ? p.value.map((w) => describeIssue(t, w)).join('\n') : ''),
    },
    { field: 'schoolName', headerName: t('ui.school.col.schoolName'), width: 150 },
    { field: 'paidDate', headerName: t('ui.school.col.paidDate'), width: 110, cellClass: 'mono' },
    { field: 'outOfProvince', headerName: t('ui.school.col.outOfProvince'), width: 70, ...plain, valueFormatter: (p) => (p.value === true ? t('ui.common.yes') : '') },
    { field: 'householdNo', headerName: t('ui.school.col.householdNo'), width: 140 },
    { field: 'villageName', headerName: t('ui.school.col.villageName'), width: 90 },
  ];
}
