/** 水质检测: the tests grid (failed parameters and by how much), entry form, import and export. */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { testSortColumns, type Supply, type TestRow } from '../../../shared/contract/water.js';
import { testKinds, type TestKind } from '../../../shared/domain/water/vocabulary.js';
import { useDebounced } from '../lib/use-debounced.js';
import { WaterGrid, type PageRequest } from './WaterGrid.js';
import { testColumns } from './test-columns.js';
import { TestForm } from './TestForm.js';
import { SheetButtons } from './SheetButtons.js';
import { useRecordTab } from './use-record-tab.js';
import { useMay } from '../auth/use-may.js';
import { ReviewActions } from '../households/review/ReviewActions.js';

export function TestsTab({ year, supplies, onChanged }: { year: number | null; supplies: Supply[]; onChanged(): void }) {
  const { t } = useTranslation();
  const may = useMay();
  const tab = useRecordTab<TestRow>(onChanged);
  const [search, setSearch] = useState('');
  const [testKind, setTestKind] = useState<TestKind | ''>('');
  const [onlyFailed, setOnlyFailed] = useState(false);
  // The review actions name a refused record by this label.
  const reviewed = useMemo(() => tab.selected.map((r) => ({ id: r.id, householdNo: `${r.supplyName} ${r.sampledOn}`, createdBy: r.createdBy })), [tab.selected]);
  const quickSearch = useDebounced(search, 250);
  const columns = useMemo(() => testColumns(t), [t]);

  const fetchPage = useCallback((r: PageRequest<(typeof testSortColumns)[number]>) => invoke('water/tests/page', {
    ...r, quickSearch, year, testKind: testKind || null, passed: onlyFailed ? false : null,
  }), [quickSearch, year, testKind, onlyFailed]);

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
          <span className="muted" role="status">{tab.total === null ? '' : t('ui.water.count', { count: tab.total })}</span>
        </div>
        <div className="toolbar-actions">
          <ReviewActions selected={reviewed} onDone={tab.refresh} table="water_test" countKeys={{ selected: 'ui.water.reviewSelected', done: 'ui.water.reviewDone' }} />
          {may('write') && <button type="button" className="button button-primary" onClick={tab.addNew}>{t('ui.water.addTest')}</button>}
          <SheetButtons kind="water-test" onImported={tab.refresh} />
        </div>
      </div>
      <WaterGrid<TestRow, (typeof testSortColumns)[number]>
        label={t('ui.water.tabs.tests')}
        columns={columns}
        sortable={testSortColumns}
        fetchPage={fetchPage}
        {...tab.gridEvents}
        empty={t('ui.water.count', { count: 0 })}
      />
      {tab.editing && <TestForm target={tab.editing} supplies={supplies} onClose={tab.closeForm} />}
    </>
  );
}
