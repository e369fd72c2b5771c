/** 入户评价: the assessments grid with its filters, entry form, import and export. */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useWorkstation } from '../app/workstation-context.js';
import { assessmentSortColumns, type AssessmentRow, type Supply } from '../../../shared/contract/water.js';
import { useDebounced } from '../lib/use-debounced.js';
import { WaterGrid, type PageRequest } from './WaterGrid.js';
import { assessmentColumns } from './assessment-columns.js';
import { AssessmentForm } from './AssessmentForm.js';
import { SheetButtons } from './SheetButtons.js';
import { useRecordTab } from './use-record-tab.js';
import { useMay } from '../auth/use-may.js';
import { ReviewActions } from '../households/review/ReviewActions.js';

interface Props {
  year: number | null;
  supplies: Supply[];
  onChanged(): void;
}

export function AssessmentsTab({ year, supplies, onChanged }: Props) {
  const { t } = useTranslation();
  const may = useMay();
  const tab = useRecordTab<AssessmentRow>(onChanged);
  const { villages } = useWorkstation();
  const [search, setSearch] = useState('');
  const [villageCode, setVillageCode] = useState('');
  const [onlyFailing, setOnlyFailing] = useState(false);
  const [onlyReassess, setOnlyReassess] = useState(false);
  const quickSearch = useDebounced(search, 250);
  const columns = useMemo(() => assessmentColumns(t), [t]);

  const fetchPage = useCallback((r: PageRequest<(typeof assessmentSortColumns)[number]>) => invoke('water/assessments/page', {
    ...r, quickSearch, villageCode: villageCode || null, year, passed: onlyFailing ? false : null, needsReassessment: onlyReassess ? true : null,
  }), [quickSearch, villageCode, year, onlyFailing, onlyReassess]);

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
          <span className="muted" role="status">{tab.total === null ? '' : t('ui.water.count', { count: tab.total })}</span>
        </div>
        <div className="toolbar-actions">
          <ReviewActions selected={tab.selected} onDone={tab.refresh} table="water_assessment" countKeys={{ selected: 'ui.water.reviewSelected', done: 'ui.water.reviewDone' }} />
          {may('write') && <button type="button" className="button button-primary" onClick={tab.addNew}>{t('ui.water.add')}</button>}
          <SheetButtons kind="water-assessment" onImported={tab.refresh} />
        </div>
      </div>
      <WaterGrid<AssessmentRow, (typeof assessmentSortColumns)[number]>
        label={t('ui.water.tabs.assessments')}
        columns={columns}
        sortable={assessmentSortColumns}
        fetchPage={fetchPage}
        {...tab.gridEvents}
        empty={t('ui.water.count', { count: 0 })}
      />
      {tab.editing && <AssessmentForm target={tab.editing} supplies={supplies} onClose={tab.closeForm} />}
    </>
  );
}
