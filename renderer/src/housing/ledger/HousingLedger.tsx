/** 改造台账: filters, the grid with the derived stage, the editor, import and export. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { invoke } from '../../api/client.js';
import { useWorkstation } from '../../app/workstation-context.js';
import { useAuth } from '../../auth/auth-context.js';
import { useMay } from '../../auth/use-may.js';
import type { HousingRow } from '../../../../shared/contract/housing.js';
import { housingStages, type HousingStage } from '../../../../shared/domain/housing/housing-enums.js';
import { MenuButton } from '../../components/MenuButton.js';
import { useDownload } from '../../lib/use-download.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { ImportDialog } from '../../households/import/ImportDialog.js';
import { HousingGrid, type HousingFilters } from './HousingGrid.js';
import { RepairEditor, type RepairTarget } from '../editor/RepairEditor.js';

export function HousingLedger() {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const { me } = useAuth();
  const may = useMay();
  const mayWrite = may('write');
  const [search, setSearch] = useState('');
  const [villageCode, setVillageCode] = useState('');
  const [stage, setStage] = useState('');
  const [flagged, setFlagged] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [editor, setEditor] = useState<RepairTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const download = useDownload((fileName) => t('ui.housing.downloaded', { fileName }));
  const grid = useRef<GridApi<HousingRow> | null>(null);
  const quickSearch = useDebounced(search, 250);

  const filters = useMemo<HousingFilters>(() => ({
    quickSearch, villageCode: villageCode || null, stage: (stage || null) as HousingStage | null, flagged,
  }), [quickSearch, villageCode, stage, flagged]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editor || importing || !mayWrite) return;
      if ((e.altKey || e.ctrlKey) && !e.shiftKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setEditor({ kind: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, importing, mayWrite]);

  const onReady = useCallback((api: GridApi<HousingRow>) => {
    grid.current = api;
  }, []);

  return (
    <>
      <div className="toolbar housing-toolbar">
        <div className="toolbar-actions">
          <input className="input" type="search" aria-label={t('ui.housing.search')} placeholder={t('ui.housing.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <select className="input select" aria-label={t('field.villageName')} value={villageCode} onChange={(e) => setVillageCode(e.target.value)}>
            <option value="">{t('ui.housing.allVillages')}</option>
            {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>
          <select className="input select" aria-label={t('field.stage')} value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('ui.housing.allStages')}</option>
            {housingStages.map((s) => <option key={s} value={s}>{t(`housing.stage.${s}`)}</option>)}
          </select>
          <label className="check">
            <input type="checkbox" checked={flagged} onChange={(e) => setFlagged(e.target.checked)} />
            <span>{t('ui.housing.flaggedOnly')}</span>
          </label>
        </div>
        <div className="toolbar-actions">
          {mayWrite && <button type="button" className="button button-primary" onClick={() => setEditor({ kind: 'new' })}>{t('ui.housing.add')}</button>}
          {mayWrite && <button type="button" className="button" onClick={() => setImporting(true)}>{t('ui.housing.import')}</button>}
          <MenuButton
            label={t('ui.housing.export')}
            disabled={download.busy}
            items={[
              { label: t('ui.housing.exportXlsx'), onSelect: () => void download.run(() => invoke('export/sheet', { kind: 'housing', format: 'xlsx' })) },
              { label: t('ui.housing.exportCsv'), onSelect: () => void download.run(() => invoke('export/sheet', { kind: 'housing', format: 'csv' })) },
              { label: t('ui.housing.template'), onSelect: () => void download.run(() => invoke('templates/get', { kind: 'housing' })) },
            ]}
          />
        </div>
      </div>
      <HousingGrid filters={filters} onOpen={(id) => setEditor({ kind: 'edit', id })} onTotal={setTotal} onReady={onReady} />
      <div className="status-line" role="status" aria-live="polite">{total === null ? '' : t('ui.housing.count', { count: total })}</div>
      {editor && (
        <RepairEditor
          target={editor}
          onClose={(changed) => {
            setEditor(null);
            if (changed) grid.current?.refreshInfiniteCache();
          }}
        />
      )}
      {importing && <ImportDialog kind="housing" title={t('ui.housing.importTitle')} onClose={() => setImporting(false)} onImported={() => grid.current?.refreshInfiniteCache()} />}
    </>
  );
}
