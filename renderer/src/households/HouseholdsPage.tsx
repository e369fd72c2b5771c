import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { invoke } from '../api/client.js';
import { useWorkstation } from '../app/workstation-context.js';
import { NoTownshipNotice } from '../components/NoTownshipNotice.js';
import type { HouseholdRow } from '../../../shared/contract/households.js';
import { useDownload } from '../lib/use-download.js';
import { useDebounced } from '../lib/use-debounced.js';
import { HouseholdToolbar } from './HouseholdToolbar.js';
import { HouseholdGrid } from './HouseholdGrid.js';
import { HouseholdEditor, type EditorTarget } from './editor/HouseholdEditor.js';
import { ImportDialog } from './import/ImportDialog.js';
import type { ToolbarFilters } from './grid-query.js';
import { ReviewActions } from './review/ReviewActions.js';
import { useAuth } from '../auth/auth-context.js';
import { useHasLedgers, useMay } from '../auth/use-may.js';

const SEARCH_DEBOUNCE_MS = 250;

export function HouseholdsPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings, reloadVillages } = useWorkstation();
  const hasLedgers = useHasLedgers();
  const [search, setSearch] = useState('');
  const [villageCode, setVillageCode] = useState('');
  const [status, setStatus] = useState('');
  const [reviewState, setReviewState] = useState('');
  const [selected, setSelected] = useState<HouseholdRow[]>([]);
  const { me } = useAuth();
  const may = useMay();
  const mayWrite = may('write');
  const [total, setTotal] = useState<number | null>(null);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const download = useDownload((fileName) => t('ui.households.downloaded', { fileName }));
  const grid = useRef<GridApi<HouseholdRow> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const quickSearch = useDebounced(search, SEARCH_DEBOUNCE_MS);
  const filters = useMemo<ToolbarFilters>(() => ({ quickSearch, villageCode, status, reviewState }), [quickSearch, villageCode, status, reviewState]);

  // Alt+N (and Ctrl+N where the browser lets us) opens a new household from anywhere on the list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editor || importing || !mayWrite) return;
      if ((e.altKey || e.ctrlKey) && !e.shiftKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        setEditor({ kind: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, importing, mayWrite]);

  const focusGrid = useCallback(() => {
    const api = grid.current;
    if (!api || api.getDisplayedRowCount() === 0) return;
    const focused = api.getFocusedCell();
    api.ensureIndexVisible(focused?.rowIndex ?? 0);
    api.setFocusedCell(focused?.rowIndex ?? 0, 'householdNo');
  }, []);

  const onReady = useCallback((api: GridApi<HouseholdRow>) => {
    grid.current = api;
    // A clerk starts with the records the reviewer returned, each with its reason.
    if (me.role === 'clerk') api.applyColumnState({ state: [{ colId: 'reviewState', sort: 'asc' }] });
  }, [me.role]);

  const refresh = useCallback(() => {
    grid.current?.refreshInfiniteCache();
    void reloadVillages().catch(() => undefined);
  }, [reloadVillages]);

  const closeEditor = useCallback((changed: boolean) => {
    setEditor(null);
    if (changed) refresh();
    setTimeout(focusGrid, 0);
  }, [refresh, focusGrid]);

  if (!hasLedgers) {
    return <NoTownshipNotice title={t('ui.households.title')} text={t('ui.households.noOrg')} settingsLabel={t('ui.households.goSettings')} onOpenSettings={onOpenSettings} />;
  }

  return (
    <div className="page page-fill">
      <div className="page-header">
        <h1 className="page-title">{t('ui.households.title')}</h1>
        <span className="page-hint">{t(mayWrite ? 'ui.households.keysHint' : 'ui.households.keysHintRead')}</span>
      </div>
      <HouseholdToolbar
        search={search}
        onSearch={setSearch}
        villageCode={villageCode}
        onVillage={setVillageCode}
        status={status}
        onStatus={setStatus}
        reviewState={reviewState}
        onReviewState={setReviewState}
        onAdd={() => setEditor({ kind: 'new' })}
        onImport={() => setImporting(true)}
        onExport={(format) => void download.run(() => invoke('export/sheet', { kind: 'persons', format }))}
        onTemplate={() => void download.run(() => invoke('templates/get', { kind: 'persons' }))}
        onSearchArrowDown={focusGrid}
        searchRef={searchRef}
        busy={download.busy}
      />
      <ReviewActions selected={selected} onDone={() => { grid.current?.deselectAll(); refresh(); }} />
      <HouseholdGrid filters={filters} total={total} onOpen={(id) => setEditor({ kind: 'edit', id })} onTotal={setTotal} onReady={onReady} onSelection={setSelected} multiSelect={mayWrite || may('review')} />
      {/* The count shows in the grid's pinned row; this line tells screen readers when it changes. */}
      <div className="visually-hidden" role="status" aria-live="polite">
        {total === null ? t('ui.common.loading') : t('ui.households.count', { count: total })}
      </div>
      {editor && <HouseholdEditor target={editor} onClose={closeEditor} onSavedNew={refresh} />}
      {importing && (
        <ImportDialog
          onClose={() => {
            setImporting(false);
            setTimeout(() => searchRef.current?.focus(), 0);
          }}
          onImported={refresh}
        />
      )}
    </div>
  );
}
