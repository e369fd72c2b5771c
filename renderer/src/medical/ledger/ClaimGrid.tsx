/**
 * The ledger grid: AG Grid over the rows of the store, edited in place. Enter moves cell by cell
 * along the slip; on the last cell it saves the row and opens the next line's person cell.
 * Edits come back through `onCellEditRequest` (the grid never mutates rows itself).
 */
import { useCallback, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellFocusedEvent, GridApi, GridReadyEvent, SuppressKeyboardEventParams } from 'ag-grid-community';
import { currentLanguage } from '../../i18n.js';
import { gridLocale, gridTheme } from '../../lib/grid-setup.js';
import type { ClaimRow, ValueField } from './claim-model.js';
import { claimColumns, LAST_EDITABLE, type LedgerGridContext } from './claim-columns.js';
import { toGridRows, type GridRow } from './grid-row.js';
import type { PersonCellValue } from './PersonCellEditor.js';

const ROW_HEIGHT = 46;

export interface ClaimGridHandle {
  api: GridApi<GridRow>;
  /** Focuses (and optionally starts editing) a cell of the row with this key, once the grid shows it. */
  focusCell(key: string, colId: string, edit: boolean): void;
}

interface ClaimGridProps {
  rows: readonly ClaimRow[];
  onValue(key: string, field: ValueField, value: string): void;
  onPerson(key: string, value: PersonCellValue): void;
  /** Enter on the last cell. */
  onRowDone(key: string): void;
  onFocusRow(key: string | null): void;
  onPaste(text: string): void;
  onReady(handle: ClaimGridHandle): void;
}

export function ClaimGrid({ rows, onValue, onPerson, onRowDone, onFocusRow, onPaste, onReady }: ClaimGridProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columnDefs = useMemo(() => claimColumns(t), [t]);
  const previous = useRef<GridRow[]>([]);
  const gridRows = useMemo(() => (previous.current = toGridRows(rows, previous.current)), [rows]);
  const api = useRef<GridApi<GridRow> | null>(null);
  const pendingFocus = useRef<{ key: string; colId: string; edit: boolean } | null>(null);
  const callbacks = useRef({ onValue, onPerson, onRowDone, onFocusRow, onPaste });
  callbacks.current = { onValue, onPerson, onRowDone, onFocusRow, onPaste };
  const [context] = useState<LedgerGridContext & { t: typeof t }>(() => ({
    t,
    onEnter(p: SuppressKeyboardEventParams<GridRow>): boolean {
      const e = p.event;
      if (e.type !== 'keydown' || e.key !== 'Enter' || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return false;
      if (!p.editing) return false;
      e.preventDefault();
      if (e.shiftKey) {
        p.api.tabToPreviousCell();
      } else if (p.column.getColId() === LAST_EDITABLE) {
        p.api.stopEditing();
        const key = p.data?.key;
        if (key) callbacks.current.onRowDone(key);
      } else {
        p.api.tabToNextCell();
      }
      return true;
    },
  }));
  context.t = t;

  const tryPendingFocus = useCallback(() => {
    const target = pendingFocus.current;
    const grid = api.current;
    if (!target || !grid) return;
    const node = grid.getRowNode(target.key);
    if (node?.rowIndex === null || node?.rowIndex === undefined) return;
    pendingFocus.current = null;
    grid.ensureIndexVisible(node.rowIndex);
    // The person cell is pinned: show the start of the slip beside it.
    grid.ensureColumnVisible(target.colId === 'person' ? 'visitType' : target.colId);
    grid.setFocusedCell(node.rowIndex, target.colId);
    if (target.edit) grid.startEditingCell({ rowIndex: node.rowIndex, colKey: target.colId });
  }, []);

  // Rows inserted above the focused one (the rest of a load) shift its index: the focus, and the
  // editor when one was open, follow the row rather than stay on the index.
  const focusedRow = useRef<{ key: string; editing: boolean } | null>(null);
  const followFocusedRow = useCallback(() => {
    const grid = api.current;
    const held = focusedRow.current;
    const cell = grid?.getFocusedCell();
    if (!grid || !held || !cell) return;
    const node = grid.getRowNode(held.key);
    if (node?.rowIndex === null || node?.rowIndex === undefined || node.rowIndex === cell.rowIndex) return;
    grid.ensureIndexVisible(node.rowIndex);
    grid.setFocusedCell(node.rowIndex, cell.column);
    if (held.editing) grid.startEditingCell({ rowIndex: node.rowIndex, colKey: cell.column });
  }, []);

  const rowDataUpdated = useCallback(() => {
    followFocusedRow();
    tryPendingFocus();
  }, [followFocusedRow, tryPendingFocus]);

  const ready = useCallback((event: GridReadyEvent<GridRow>) => {
    api.current = event.api;
    onReady({
      api: event.api,
      focusCell(key, colId, edit) {
        pendingFocus.current = { key, colId, edit };
        // The row may only arrive with the next rowData; rowDataUpdated tries again.
        setTimeout(tryPendingFocus, 0);
      },
    });
  }, [onReady, tryPendingFocus]);

  const editRequest = useCallback((event: CellEditRequestEvent<GridRow>) => {
    const key = event.data?.key;
    const colId = event.column.getColId();
    if (!key) return;
    if (colId === 'person') callbacks.current.onPerson(key, (event.newValue as PersonCellValue | null) ?? { person: null, query: '' });
    else callbacks.current.onValue(key, colId as ValueField, event.newValue === null || event.newValue === undefined ? '' : String(event.newValue));
  }, []);

  const focused = useCallback((event: CellFocusedEvent<GridRow>) => {
    const node = event.rowIndex === null || event.rowIndex === undefined ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
    const key = node?.data?.key ?? null;
    if (key !== focusedRow.current?.key) focusedRow.current = key ? { key, editing: false } : null;
    callbacks.current.onFocusRow(key);
  }, []);

  // Rows copied from Excel: several cells (tabs or lines) become new draft rows; a single value
  // typed or pasted into an open editor stays the editor's.
  const paste = useCallback((event: ClipboardEvent<HTMLDivElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    event.stopPropagation();
    api.current?.stopEditing(true);
    callbacks.current.onPaste(text);
  }, []);

  return (
    <div className="claim-grid-host" role="region" aria-label={t('ui.medical.gridLabel')} onPasteCapture={paste}>
      <AgGridReact<GridRow>
        key={language}
        theme={gridTheme}
        localeText={gridLocale(language)}
        rowData={gridRows as GridRow[]}
        getRowId={(p) => p.data.key}
        columnDefs={columnDefs}
        context={context}
        defaultColDef={{ resizable: true, sortable: false, suppressHeaderMenuButton: true }}
        rowHeight={ROW_HEIGHT}
        // A saved draft becomes its record in place: no fade between the two.
        animateRows={false}
        // Some 25 columns: all kept in the page, so a line reads whole (and is found whole).
        suppressColumnVirtualisation
        readOnlyEdit
        singleClickEdit={false}
        enterNavigatesVertically={false}
        enterNavigatesVerticallyAfterEdit={false}
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={250}
        tooltipInteraction
        getRowClass={(p) => {
          const g = p.data;
          if (!g) return undefined;
          const classes = [];
          if (g.check.errors.length) classes.push('claim-row-error');
          else if (g.check.warnings.length) classes.push('claim-row-warn');
          if (g.row.saving || (g.row.savedValues === null ? g.row.person || g.row.personQuery : false)) classes.push('claim-row-dirty');
          return classes;
        }}
        onGridReady={ready}
        onRowDataUpdated={rowDataUpdated}
        onCellEditingStarted={(e) => {
          if (e.data) focusedRow.current = { key: e.data.key, editing: true };
        }}
        onCellEditingStopped={(e) => {
          // An editor closed because its row moved away is reopened where the row went.
          if (e.data && focusedRow.current?.key === e.data.key && e.rowIndex === e.api.getRowNode(e.data.key)?.rowIndex) focusedRow.current.editing = false;
        }}
        onCellEditRequest={editRequest}
        onCellFocused={focused}
        overlayNoRowsTemplate={`<span class="grid-empty">${t('ui.medical.empty')}</span>`}
      />
    </div>
  );
}
