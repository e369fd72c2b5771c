/**
 * The ledger's columns, in the order of the standard sheet (so a paste from it lines up):
 * person, 就诊类型 … 结算日期, then what is derived: 个人自付, its share, the check.
 */
import type { TFunction } from 'i18next';
import type { CellClassParams, ColDef, EditableCallbackParams, ICellRendererParams, ITooltipParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import { formatYuan, parseMoney } from '../../../../shared/domain/money.js';
import { bpToPercentText } from '../../../../shared/domain/medical/basis-points.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { reasonOf } from '../../lib/errors.js';
import { normaliseDate } from '../../../../shared/clipboard/tsv.js';
import { DATE_FIELDS, isDirty, LAYER_FIELDS, proposalOf, type LayerField, type MoneyField, type ValueField } from './claim-model.js';
import type { GridRow } from './grid-row.js';
import { PersonCellEditor } from './PersonCellEditor.js';
import { ChoiceCellEditor } from './ChoiceCellEditor.js';

/** What the grid's callbacks reach through `context`. */
export interface LedgerGridContext {
  /** Enter while editing: the ledger moves on, or saves at the end of the row. */
  onEnter(params: SuppressKeyboardEventParams<GridRow>): boolean;
}

/** The last cell of a slip: Enter there saves the row. */
export const LAST_EDITABLE = 'settlementDate';

/** The column that shows an issue's field (`personId` → the person cell). */
export function columnOfField(field: string): string {
  if (field === 'personId') return 'person';
  if (field === 'policyYear') return 'dischargeDate';
  return field;
}

const issuesIn = (list: readonly FieldIssue[], colId: string) => list.filter((i) => columnOfField(i.field) === colId);

function editable(p: EditableCallbackParams<GridRow>): boolean {
  const row = p.data?.row;
  // Submitted and approved claims are locked until a reviewer returns or reopens them.
  return !!row && !row.saving && row.reviewState !== 'submitted' && row.reviewState !== 'approved';
}

const suppressEnter = (p: SuppressKeyboardEventParams<GridRow>): boolean => {
  const ctx = p.context as LedgerGridContext;
  return ctx.onEnter(p);
};

/** In the person cell the arrows move through the matches, not the grid. */
const suppressPersonKeys = (p: SuppressKeyboardEventParams<GridRow>): boolean => {
  if (p.editing && (p.event.key === 'ArrowDown' || p.event.key === 'ArrowUp')) return true;
  return suppressEnter(p);
};

export function claimColumns(t: TFunction): ColDef<GridRow>[] {
  const tooltip = (colId: string) => (p: ITooltipParams<GridRow>) => {
    const check = p.data?.check;
    if (!check) return undefined;
    const lines = [...issuesIn(check.errors, colId), ...issuesIn(check.warnings, colId)].map((i) => reasonOf(t, i));
    return lines.length ? lines.join('\n') : undefined;
  };
  const cellClassRules = (colId: string) => ({
    'claim-cell-error': (p: CellClassParams<GridRow>) => !!p.data && issuesIn(p.data.check.errors, colId).length > 0,
    'claim-cell-warn': (p: CellClassParams<GridRow>) => !!p.data && issuesIn(p.data.check.warnings, colId).length > 0,
  });
  const base = (colId: string, width: number): ColDef<GridRow> => ({
    colId, headerName: t(`ui.medical.col.${colId}`), width, editable, tooltipValueGetter: tooltip(colId), cellClassRules: cellClassRules(colId),
    suppressKeyboardEvent: suppressEnter,
  });

  const text = (field: ValueField, width: number): ColDef<GridRow> => ({
    ...base(field, width),
    valueGetter: (p) => p.data?.row.values[field] ?? '',
    cellEditor: 'agTextCellEditor',
    ...(DATE_FIELDS.includes(field as never) ? { valueParser: (p: { newValue: unknown }) => normaliseDate(String(p.newValue ?? '')) } : {}),
  });

  const money = (field: MoneyField, width: number): ColDef<GridRow> => ({
    ...text(field, width),
    type: 'rightAligned',
    cellRenderer: MoneyCell,
    cellRendererParams: { field },
  });

  const choice = (field: 'visitType' | 'hospitalLevel', width: number, optional: boolean): ColDef<GridRow> => ({
    ...base(field, width),
    valueGetter: (p) => p.data?.row.values[field] ?? '',
    valueFormatter: (p) => (p.value ? t(`enum.${field}.${String(p.value)}`) : ''),
    cellEditor: ChoiceCellEditor,
    cellEditorParams: { enumName: field, optional },
  });

  return [
    {
      colId: 'line', headerName: '#', width: 46, pinned: 'left', editable: false, sortable: false,
      valueGetter: (p) => p.data?.line, cellClass: 'claim-cell-derived',
    },
    {
      ...base('person', 190),
      pinned: 'left',
      valueGetter: (p) => (p.data ? { person: p.data.row.person, query: p.data.row.personQuery } : null),
      valueFormatter: (p) => (p.value?.person?.name ?? p.value?.query ?? ''),
      equals: (a, b) => a?.person?.personId === b?.person?.personId && a?.query === b?.query,
      cellRenderer: PersonCell,
      cellEditor: PersonCellEditor,
      suppressKeyboardEvent: suppressPersonKeys,
    },
    {
      colId: 'village', headerName: t('ui.medical.col.village'), width: 150, editable: false, cellClass: 'claim-cell-derived',
      valueGetter: (p) => p.data?.row.person?.villageName ?? '',
      cellRenderer: VillageCell,
    },
    choice('visitType', 104, false),
    text('hospitalName', 170),
    choice('hospitalLevel', 104, true),
    text('admissionDate', 112),
    text('dischargeDate', 112),
    text('diagnosis', 140),
    money('totalCost', 116),
    money('inScopeCost', 128),
    ...LAYER_FIELDS.map((f) => ({ ...money(f, 120), headerName: t(`field.${f}`) })),
    // Right after the layers, where the clerk's eyes are when the last amount goes in.
    {
      colId: 'selfPay', headerName: t('ui.medical.col.selfPay'), width: 104, editable: false, type: 'rightAligned',
      valueGetter: (p) => p.data?.check.selfPayFen ?? null,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatYuan(p.value as number, { grouping: true })),
      cellClass: 'claim-cell-derived', tooltipValueGetter: tooltip('selfPay'), cellClassRules: cellClassRules('selfPay'),
    },
    {
      colId: 'selfShare', headerName: t('ui.medical.col.selfShare'), width: 84, editable: false, type: 'rightAligned',
      valueGetter: (p) => p.data?.check.selfShareBp ?? null,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : `${bpToPercentText(p.value as number)}%`),
      cellClass: 'claim-cell-derived',
      cellClassRules: { 'claim-cell-warn': (p) => !!p.data?.check.overCeiling },
    },
    money('accidentInsurance', 116),
    text('invoiceNo', 130),
    text('settlementDate', 112),
    {
      colId: 'check', headerName: t('ui.medical.col.check'), width: 150, pinned: 'right', editable: false, sortable: false,
      valueGetter: (p) => p.data?.check.errors.length ?? 0,
      cellRenderer: CheckCell,
      tooltipValueGetter: (p) => {
        const c = p.data?.check;
        return c ? [...c.errors, ...c.warnings].map((i) => describe(t, i)).join('\n') || undefined : undefined;
      },
    },
    {
      colId: 'reviewState', headerName: t('ui.medical.col.reviewState'), width: 90, editable: false,
      valueGetter: (p) => p.data?.row.reviewState ?? '',
      valueFormatter: (p) => (p.value ? t(`enum.reviewState.${String(p.value)}`) : ''),
    },
  ];
}

function describe(t: TFunction, i: FieldIssue): string {
  const label = t(`ui.medical.col.${columnOfField(i.field)}`, { defaultValue: t(`field.${i.field}`, { defaultValue: '' }) });
  return label ? `${label}：${reasonOf(t, i)}` : reasonOf(t, i);
}

export { describe as describeRowIssue };

function PersonCell(p: ICellRendererParams<GridRow>) {
  const row = p.data?.row;
  if (!row) return null;
  if (!row.person) return <span className="person-cell">{row.personQuery}</span>;
  return (
    <span className="person-cell">
      <span>{row.person.name}</span>
      <small>{row.person.idNumberMasked}</small>
    </span>
  );
}

function VillageCell(p: ICellRendererParams<GridRow>) {
  const person = p.data?.row.person;
  if (!person) return null;
  const t = (p.context as { t?: TFunction }).t;
  return (
    <span className="person-cell">
      <span>{person.villageName}</span>
      <small>{t ? t('ui.medical.picker.household', { householdNo: person.householdNo }) : person.householdNo}{person.age >= 0 && t ? ` · ${t('ui.medical.picker.age', { age: person.age })}` : ''}</small>
    </span>
  );
}

function MoneyCell(p: ICellRendererParams<GridRow> & { field: MoneyField }) {
  const data = p.data;
  if (!data) return null;
  const raw = data.row.values[p.field];
  const parsed = raw.trim() === '' ? null : parseMoney(raw);
  const shown = parsed === null ? '' : parsed.ok ? formatYuan(parsed.fen, { grouping: true }) : raw;
  const t = (p.context as { t?: TFunction }).t;
  let proposal: number | null = null;
  if (LAYER_FIELDS.includes(p.field as LayerField)) {
    const proposed = proposalOf(data.row)?.[p.field as LayerField];
    const typed = parsed?.ok ? parsed.fen : parsed === null ? 0 : null;
    if (proposed !== undefined && proposed !== null && typed !== null && typed !== proposed) proposal = proposed;
  }
  return (
    <span className="money-cell">
      <span>{shown}</span>
      {proposal !== null && t && (
        <span className="money-proposal" title={t('ui.medical.proposalTitle', { amount: formatYuan(proposal) })}>
          {t('ui.medical.proposal', { amount: formatYuan(proposal, { grouping: true }) })}
        </span>
      )}
    </span>
  );
}

function CheckCell(p: ICellRendererParams<GridRow>) {
  const data = p.data;
  const t = (p.context as { t?: TFunction }).t;
  if (!data || !t) return null;
  const { row, check } = data;
  const badges: { kind: string; text: string }[] = [];
  if (row.saving) badges.push({ kind: 'draft', text: t('ui.medical.state.saving') });
  else if (isDirty(row)) badges.push({ kind: 'draft', text: t('ui.medical.state.draft') });
  const shownErrors = isDirty(row) || row.serverIssues.length ? check.errors.length : 0;
  if (shownErrors) badges.push({ kind: 'error', text: t('ui.medical.state.errors', { count: shownErrors }) });
  if (check.warnings.length) badges.push({ kind: 'warn', text: t('ui.medical.state.warnings', { count: check.warnings.length }) });
  if (badges.length === 0 && row.savedValues) badges.push({ kind: 'ok', text: t('ui.medical.state.ok') });
  return (
    <span className="check-cell">
      {badges.map((b) => <span key={b.kind + b.text} className={`check-badge ${b.kind}`}>{b.text}</span>)}
    </span>
  );
}
