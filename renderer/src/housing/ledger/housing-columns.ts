/** The housing list's columns; the stage is derived on the server from the dates. */
import type { ColDef, SortModelItem } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { housingSortColumns, type HousingRow } from '../../../../shared/contract/housing.js';
import { formatYuan } from '../../../../shared/domain/money.js';

export function housingColumns(t: TFunction): ColDef<HousingRow>[] {
  const plain = { sortable: false } as const;
  const date = (field: keyof HousingRow) => ({ field, headerName: t(`field.${field}`), width: 112, cellClass: 'mono', ...plain });
  return [
    { field: 'householdNo', headerName: t('field.householdNo'), width: 176, pinned: 'left', cellClass: 'mono' },
    { field: 'headName', headerName: t('field.headName'), width: 90 },
    { field: 'villageName', headerName: t('field.villageName'), width: 90 },
    {
      field: 'stage', headerName: t('field.stage'), width: 100,
      valueFormatter: (p) => (p.value ? t(`housing.stage.${String(p.value)}`) : ''),
      cellClass: (p) => (p.value ? `stage-cell stage-${String(p.value)}` : ''),
    },
    { field: 'safetyGrade', headerName: t('field.safetyGrade'), width: 92 },
    { field: 'repairMode', headerName: t('field.repairMode'), width: 104, ...plain, valueFormatter: (p) => (p.value ? t(`housing.mode.${String(p.value)}`) : '') },
    { field: 'planYear', headerName: t('field.planYear'), width: 96 },
    {
      field: 'subsidyTotalFen', headerName: t('ui.housing.col.subsidyTotal'), width: 130, type: 'rightAligned', cellClass: 'mono',
      valueFormatter: (p) => (typeof p.value === 'number' ? formatYuan(p.value, { grouping: true }) : ''),
    },
    date('appraisalDate'),
    date('startDate'),
    date('completionDate'),
    date('acceptanceDate'),
    date('disbursementDate'),
    { field: 'photoCount', headerName: t('ui.housing.col.photos'), width: 72, ...plain },
    {
      field: 'flags', headerName: t('ui.housing.col.flags'), width: 260, ...plain, cellClass: 'housing-flag-cell',
      valueFormatter: (p) => (Array.isArray(p.value) ? p.value.map((f) => t(`issue.housing.flag.${String(f)}`)).join('；') : ''),
    },
    { field: 'reviewState', headerName: t('field.reviewState'), width: 92, valueFormatter: (p) => (p.value ? t(`enum.reviewState.${String(p.value)}`) : '') },
  ];
}

export function toHousingSort(model: SortModelItem[]) {
  return model
    .filter((s): s is SortModelItem & { colId: (typeof housingSortColumns)[number] } => (housingSortColumns as readonly string[]).includes(s.colId))
    .slice(0, 3)
    .map((s) => ({ column: s.colId, direction: s.sort }));
}
