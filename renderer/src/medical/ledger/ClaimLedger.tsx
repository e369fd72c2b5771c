/**
 * 报销录入: the filters, the ledger grid with its side panel, the form view, and import/export.
 * Keyboard first: Alt+N goes to the empty line, Enter walks the slip and saves at its end,
 * Ctrl+S saves the row in hand, Ctrl+E opens it as a form, Ctrl+V takes rows copied from Excel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useAuth } from '../../auth/auth-context.js';
import { useMay } from '../../auth/use-may.js';
import { useDownload } from '../../lib/use-download.js';
import { isBlankDraft, isDirty, newDraft, withPerson, type ClaimRow } from './claim-model.js';
import { columnOfField, describeRowIssue } from './claim-columns.js';
import { ClaimGrid, type ClaimGridHandle } from './ClaimGrid.js';
import { LedgerToolbar } from './LedgerToolbar.js';
import { RowPanel } from './RowPanel.js';
import { pastedRows } from './paste-rows.js';
import { toGridRows } from './grid-row.js';
import { LOAD_LIMIT, useClaimLedger, type LedgerFilters } from './use-claim-ledger.js';
import { ClaimForm, type ClaimFormTarget } from '../form/ClaimForm.js';
import { ImportDialog } from '../../households/import/ImportDialog.js';
import type { ClaimantCandidate } from '../../../../shared/contract/medical.js';

const NO_FILTERS: LedgerFilters = { policyYear: null, villageCode: null, visitType: null, reviewState: null };

/** Picks the person for what was typed or pasted when there is no doubt: one match. */
async function resolvePerson(query: string, name = ''): Promise<ClaimantCandidate | null> {
  const q = query.trim();
  if (!q) return null;
  const { candidates } = await invoke('medical/findPerson', { query: q, limit: 5 });
  const fitting = name ? candidates.filter((c) => c.name === name) : candidates;
  return fitting.length === 1 ? fitting[0]! : null;
}

export function ClaimLedger() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const may = useMay();
  const canWrite = may('write');
  const [filters, setFilters] = useState<LedgerFilters>(NO_FILTERS);
  const [years, setYears] = useState<number[]>([]);
  const ledger = useClaimLedger(filters, notices.error);
  const grid = useRef<ClaimGridHandle | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [form, setForm] = useState<ClaimFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const download = useDownload((fileName) => t('ui.medical.downloaded', { fileName }));
  const [status, setStatus] = useState('');

  // The filter's years wait for the ledger's first rows: both ask the same database, and the rows
  // are what the clerk is waiting for.
  const ledgerAnswered = ledger.total !== null || !ledger.loading;
  useEffect(() => {
    if (!ledgerAnswered) return;
    invoke('medical/policy/get', { year: null }).then((r) => setYears([...r.years].reverse())).catch(notices.error);
  }, [notices, ledgerAnswered]);

  const panelRow = useMemo(() => {
    const rows = toGridRows(ledger.rows, []);
    return rows.find((r) => r.key === focusedKey) ?? null;
  }, [ledger.rows, focusedKey]);

  const blankKey = () => ledger.rows.find((r) => isBlankDraft(r))?.key ?? ledger.rows[ledger.rows.length - 1]!.key;

  const goToBlank = useCallback(() => {
    const blank = ledger.store.getRows().find((r) => isBlankDraft(r));
    if (!blank) return;
    // Already typing there (the line opened after the last save): leave the editor be.
    const editing = grid.current?.api.getEditingCells()[0];
    const node = editing ? grid.current?.api.getDisplayedRowAtIndex(editing.rowIndex) : undefined;
    if (node?.data?.key === blank.key && editing?.column?.getColId() === 'person') return;
    grid.current?.focusCell(blank.key, 'person', true);
  }, [ledger.store]);

  /** Saves one row and says so; on refusal the first wrong cell gets the focus. */
  const saveRow = useCallback(async (key: string, then: 'next' | 'stay') => {
    const outcome = await ledger.save(key);
    if (outcome.ok) {
      const r = outcome.row;
      const warnings = r.savedWarnings.length;
      setStatus(t('ui.medical.saved', { name: r.person?.name ?? '', date: r.values.admissionDate }) + (warnings ? ` · ${t('ui.medical.state.warnings', { count: warnings })}` : ''));
      if (then === 'next') {
        const rows = ledger.store.getRows();
        const index = rows.findIndex((x) => x.key === r.key);
        const next = rows.slice(index + 1).find((x) => !x.id) ?? rows[rows.length - 1]!;
        grid.current?.focusCell(next.key, 'person', true);
      }
      return true;
    }
    if (outcome.error) notices.error(outcome.error);
    const first = outcome.check?.errors[0];
    const line = ledger.store.getRows().findIndex((x) => x.key === key) + 1;
    setStatus(t('ui.medical.saveFailed', { n: line }) + (first ? `：${describeRowIssue(t, first)}` : ''));
    grid.current?.focusCell(key, first ? columnOfField(first.field) : 'person', false);
    return false;
  }, [ledger, notices, t]);

  const saveAll = useCallback(async () => {
    setBusy(true);
    let saved = 0;
    for (const row of ledger.store.dirtyRows()) if (await saveRow(row.key, 'stay')) saved++;
    setBusy(false);
    if (saved) setStatus(t('ui.medical.savedMany', { count: saved }));
  }, [ledger.store, saveRow, t]);

  const onPerson = useCallback((key: string, value: { person: ClaimantCandidate | null; query: string }) => {
    ledger.setPerson(key, value.person, value.query);
    if (value.person || !value.query.trim()) return;
    // Typed faster than the list came: pick it here when there is exactly one match.
    resolvePerson(value.query)
      .then((found) => {
        if (found && ledger.store.get(key)?.personQuery === value.query) ledger.setPerson(key, found);
      })
      .catch(() => undefined);
  }, [ledger]);

  const paste = useCallback(async (text: string) => {
    const { rows, tooWide } = pastedRows(t, text);
    if (tooWide !== null) {
      setStatus(t('ui.medical.pasteTooWide', { count: tooWide }));
      return;
    }
    if (rows.length === 0) return;
    setBusy(true);
    try {
      const drafts: ClaimRow[] = [];
      for (const p of rows) {
        let draft = newDraft();
        draft = { ...draft, values: { ...draft.values, visitType: '', ...p.values } };
        const person = await resolvePerson(p.idNumber || p.name, p.idNumber ? p.name : '').catch(() => null);
        drafts.push(withPerson(draft, person, p.idNumber || p.name));
      }
      ledger.addRows(drafts);
      let saved = 0;
      for (const d of drafts) if ((await ledger.save(d.key)).ok) saved++;
      const message = t('ui.medical.pasted', { count: drafts.length, saved, failed: drafts.length - saved });
      setStatus(message);
      if (saved < drafts.length) {
        const firstBad = drafts.find((d) => ledger.store.get(d.key));
        if (firstBad) grid.current?.focusCell(firstBad.key, 'check', false);
      }
    } finally {
      setBusy(false);
    }
  }, [ledger, t]);

  // Page-wide keys (the grid has the focus most of the time).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (form || importing || !canWrite) return;
      const key = e.key.toLowerCase();
      const ctrl = e.ctrlKey || e.metaKey;
      if (e.altKey && !ctrl && key === 'n') {
        e.preventDefault();
        goToBlank();
      } else if (ctrl && !e.shiftKey && key === 's') {
        e.preventDefault();
        const api = grid.current?.api;
        api?.stopEditing();
        const focused = api?.getFocusedCell();
        const node = focused ? api?.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
        if (node?.data) setTimeout(() => void saveRow(node.data!.key, isBlankDraft(node.data!.row) ? 'stay' : 'next'), 0);
        else void saveAll();
      } else if (ctrl && key === 'e') {
        e.preventDefault();
        const api = grid.current?.api;
        api?.stopEditing();
        const row = focusedKey ? ledger.store.get(focusedKey) : undefined;
        setForm(row && (row.id || isDirty(row)) ? { kind: 'row', row } : { kind: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form, importing, canWrite, goToBlank, saveRow, saveAll, focusedKey, ledger.store]);

  const openRecord = (id: string) => setForm({ kind: 'record', id });

  const savedCount = ledger.rows.filter((r) => r.id).length;
  return (
    <>
      <LedgerToolbar
        filters={filters}
        years={years}
        onFilters={setFilters}
        dirtyCount={ledger.dirtyCount}
        canWrite={canWrite}
        busy={busy || download.busy}
        onAddRow={goToBlank}
        onOpenForm={() => setForm({ kind: 'new' })}
        onSaveAll={() => void saveAll()}
        onImport={() => setImporting(true)}
        onExport={(format) => void download.run(() => invoke('export/sheet', { kind: 'medical', format }))}
        onTemplate={() => void download.run(() => invoke('templates/get', { kind: 'medical' }))}
      />
      <div className="claim-workspace">
        <ClaimGrid
          rows={ledger.rows}
          onValue={ledger.setValue}
          onPerson={onPerson}
          onRowDone={(key) => void saveRow(key, 'next')}
          onFocusRow={setFocusedKey}
          onPaste={(text) => void paste(text)}
          onReady={(handle) => (grid.current = handle)}
        />
        <RowPanel
          row={panelRow}
          onGoTo={(key, colId) => grid.current?.focusCell(key, colId, false)}
          onOpenRecord={openRecord}
          onRemoveDraft={(key) => {
            ledger.removeDraft(key);
            setFocusedKey(null);
          }}
        />
      </div>
      <div className="ledger-status">
        <span role="status" aria-live="polite" data-testid="ledger-status">{status}</span>
        <span>
          {ledger.total === null
            ? t('ui.common.loading')
            : ledger.total > LOAD_LIMIT
              ? t('ui.medical.shown', { shown: savedCount, count: ledger.total })
              : t('ui.medical.count', { count: savedCount })}
          {' · '}{t('ui.medical.keysHint')}
        </span>
      </div>
      {form && (
        <ClaimForm
          target={form}
          onClose={() => {
            setForm(null);
            setTimeout(goToBlank, 0);
          }}
          onSaved={(claimId, replacedKey) => {
            if (replacedKey && replacedKey !== claimId) ledger.store.remove(replacedKey);
            void ledger.refreshRow(claimId).then(() => ledger.refreshPerson(ledger.store.get(claimId)?.savedPersonId, claimId));
          }}
          onDeleted={(id) => {
            const personId = ledger.store.get(id)?.savedPersonId;
            ledger.store.remove(id);
            void ledger.refreshPerson(personId, null);
          }}
        />
      )}
      {importing && (
        <ImportDialog
          kind="medical"
          title={t('ui.medical.importTitle')}
          hint={t('ui.medical.importHint')}
          onClose={() => {
            setImporting(false);
            setTimeout(goToBlank, 0);
          }}
          onImported={() => void ledger.reload()}
        />
      )}
    </>
  );
}
