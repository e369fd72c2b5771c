/** 水质检测: the tests grid (failed parameters and by how much), entry form, import and export. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { invoke } from '../api/client.js';
import { testSortColumns, type Supply, type TestRow } from '../../../shared/contract/water.js';
import { testKinds, type TestKind } from '../../../shared/domain/water/vocabulary.js';
import { useDebounced } from '../lib/use-debounced.js';
import { WaterGrid, type PageRequest } from './WaterGrid.js';
import { testColumns } from './test-columns.js';
import { TestForm, type TestTarget } from './TestForm.js';
import { SheetButtons } from './SheetButtons.js';
import { ReviewActions } from '../households/review/ReviewActions.js';

export function TestsTab({ year, supplies, onChanged }: { year: number | null; supplies: Supply[]; onChanged(): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [testKind, setTestKind] = useState<TestKind | ''>('');
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [editing, setEditing] = useState<TestTarget | null>(null);
  const [selected, setSelected] = useState<TestRow[]>([]);
  // The review actions name a refused record by this label.
  const reviewed = useMemo(() => selected.map((r) => ({ id: r.id, householdNo: `${r.supplyName} ${r.sampledOn}`, createdBy: r.createdBy })), [selected]);
  const grid = useRef<GridApi<TestRow> | null>(null);
  const quickSearch = useDebounced(search, 250);
  const columns = useMemo(() => testColumns(t), [t]);

  const fetchPage = useCallback((r: PageRequest<(typeof testSortColumns)[number]>) => invoke('water/tests/page', {
    ...r, quickSearch, year, testKind: testKind || null, passed: onlyFailed ? false : null,
  }), [quickSearch, year, testKind, onlyFailed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing || !e.altKey || e.key.toLowerCase() !== 'n') return;
      e.preventDefault();
      setEditing({ kind: 'new' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);

  const refresh = () => {
    grid.current?.refreshInfiniteCache();
    onChanged();
  };

  return (
    <>
      <div className="toolbar">
        <div className="toolbar-filters">
          <input className="input search-input" type="search" aria-label={t('ui.water.searchTests')} placeholder={t('ui.water.searchTests')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <select className="input select" aria-label={t('field.testKind')} value={testKind} onChange={(e) => setTestKind(e.target.value as TestKind | '')}>
            <option value="">{t('ui.water.all')}</option>
            {testKinds.map((k) => <option key={k} value={k}>{t(`ui.water.testKind.${k}`)}</option>)}
          </select>
          <label className="check"><input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} /> {t('ui.water.onlyFailing')}</label>
          <span className="muted" role="status">{total === null ? '' : t('ui.water.count', { count: total })}</span>
        </div>
        <div className="toolbar-actions">
          <ReviewActions selected={reviewed} onDone={refresh} table="water_test" countKeys={{ selected: 'ui.water.reviewSelected', done: 'ui.water.reviewDone' }} />
          <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'new' })}>{t('ui.water.addTest')}</button>
          <SheetButtons kind="water-test" onImported={refresh} />
        </div>
      </div>
      <WaterGrid<TestRow, (typeof testSortColumns)[number]>
        label={t('ui.water.tabs.tests')}
        columns={columns}
        sortable={testSortColumns}
        fetchPage={fetchPage}
        onOpen={(row) => setEditing({ kind: 'edit', id: row.id })}
        onTotal={setTotal}
        onReady={(api) => (grid.current = api)}
        onSelection={setSelected}
        empty={t('ui.water.count', { count: 0 })}
      />
      {editing && (
        <TestForm
          target={editing}
          supplies={supplies}
          onClose={(changed) => {
            setEditing(null);
            if (changed) refresh();
          }}
        />
      )}
    </>
  );
}
