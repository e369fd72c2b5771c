/** 入户评价: the assessments grid with its filters, entry form, import and export. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { invoke } from '../api/client.js';
import { useWorkstation } from '../app/workstation-context.js';
import { assessmentSortColumns, type AssessmentRow, type Supply } from '../../../shared/contract/water.js';
import { useDebounced } from '../lib/use-debounced.js';
import { WaterGrid, type PageRequest } from './WaterGrid.js';
import { assessmentColumns } from './assessment-columns.js';
import { AssessmentForm, type AssessmentTarget } from './AssessmentForm.js';
import { SheetButtons } from './SheetButtons.js';
import { ReviewActions } from '../households/review/ReviewActions.js';

interface Props {
  year: number | null;
  supplies: Supply[];
  onChanged(): void;
}

export function AssessmentsTab({ year, supplies, onChanged }: Props) {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const [search, setSearch] = useState('');
  const [villageCode, setVillageCode] = useState('');
  const [onlyFailing, setOnlyFailing] = useState(false);
  const [onlyReassess, setOnlyReassess] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [editing, setEditing] = useState<AssessmentTarget | null>(null);
  const [selected, setSelected] = useState<AssessmentRow[]>([]);
  const grid = useRef<GridApi<AssessmentRow> | null>(null);
  const quickSearch = useDebounced(search, 250);
  const columns = useMemo(() => assessmentColumns(t), [t]);

  const fetchPage = useCallback((r: PageRequest<(typeof assessmentSortColumns)[number]>) => invoke('water/assessments/page', {
    ...r, quickSearch, villageCode: villageCode || null, year, passed: onlyFailing ? false : null, needsReassessment: onlyReassess ? true : null,
  }), [quickSearch, villageCode, year, onlyFailing, onlyReassess]);

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
          <input className="input search-input" type="search" aria-label={t('ui.water.search')} placeholder={t('ui.water.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <select className="input select" aria-label={t('ui.water.village')} value={villageCode} onChange={(e) => setVillageCode(e.target.value)}>
            <option value="">{t('ui.water.all')}</option>
            {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>
          <label className="check"><input type="checkbox" checked={onlyFailing} onChange={(e) => setOnlyFailing(e.target.checked)} /> {t('ui.water.onlyFailing')}</label>
          <label className="check"><input type="checkbox" checked={onlyReassess} onChange={(e) => setOnlyReassess(e.target.checked)} /> {t('ui.water.onlyReassess')}</label>
          <span className="muted" role="status">{total === null ? '' : t('ui.water.count', { count: total })}</span>
        </div>
        <div className="toolbar-actions">
          <ReviewActions selected={selected} onDone={refresh} table="water_assessment" countKeys={{ selected: 'ui.water.reviewSelected', done: 'ui.water.reviewDone' }} />
          <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'new' })}>{t('ui.water.add')}</button>
          <SheetButtons kind="water-assessment" onImported={refresh} />
        </div>
      </div>
      <WaterGrid<AssessmentRow, (typeof assessmentSortColumns)[number]>
        label={t('ui.water.tabs.assessments')}
        columns={columns}
        sortable={assessmentSortColumns}
        fetchPage={fetchPage}
        onOpen={(row) => setEditing({ kind: 'edit', id: row.id })}
        onTotal={setTotal}
        onReady={(api) => (grid.current = api)}
        onSelection={setSelected}
        empty={t('ui.water.count', { count: 0 })}
      />
      {editing && (
        <AssessmentForm
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
