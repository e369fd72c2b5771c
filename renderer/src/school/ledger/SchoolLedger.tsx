/** 资助台账: toolbar filters, the grid, the form, import and export. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useAuth } from '../../auth/auth-context.js';
import { MenuButton } from '../../components/MenuButton.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import type { SchoolAidRow } from '../../../../shared/contract/school.js';
import { formatYuan } from '../../../../shared/domain/money.js';
import { reviewStates } from '../../../../shared/domain/review.js';
import { useMay } from '../../auth/use-may.js';
import { downloadFile } from '../../lib/files.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { ImportDialog } from '../../households/import/ImportDialog.js';
import { ReviewActions } from '../../households/review/ReviewActions.js';
import { SchoolAidForm } from '../form/SchoolAidForm.js';
import { SchoolGrid, type SchoolFilters } from './SchoolGrid.js';

const YEARS = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);

export function SchoolLedger() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const may = useMay();
  const [search, setSearch] = useState('');
  const quickSearch = useDebounced(search, 250);
  const [aidYear, setAidYear] = useState('');
  const [stage, setStage] = useState('');
  const [item, setItem] = useState('');
  const [review, setReview] = useState('');
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [totals, setTotals] = useState<{ total: number; amountFen: number } | null>(null);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const grid = useRef<GridApi<SchoolAidRow> | null>(null);
  const [selected, setSelected] = useState<SchoolAidRow[]>([]);
  const canWrite = may('write');

  const filters = useMemo<SchoolFilters>(() => ({
    quickSearch,
    aidYear: aidYear ? Number(aidYear) : null,
    schoolStage: (stage || null) as SchoolFilters['schoolStage'],
    aidItem: (item || null) as SchoolFilters['aidItem'],
    reviewState: (review || null) as SchoolFilters['reviewState'],
    onlyWarnings,
  }), [quickSearch, aidYear, stage, item, review, onlyWarnings]);

  const refresh = useCallback(() => {
    grid.current?.deselectAll();
    grid.current?.refreshInfiniteCache();
  }, []);

  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 'n' && canWrite && !editing) {
        e.preventDefault();
        setEditing({ id: null });
      }
    };
    document.addEventListener('keydown', keys);
    return () => document.removeEventListener('keydown', keys);
  }, [canWrite, editing]);

  const download = async (call: () => Promise<{ fileName: string; mimeType: string; contentBase64: string }>) => {
    try {
      downloadFile(await call());
    } catch (err) {
      notices.error(err);
    }
  };

  return (
    <div className="school-ledger">
      <div className="toolbar" role="toolbar" aria-label={t('ui.school.toolbar')}>
        <div className="toolbar-group">
          <input
            className="input search-input"
            type="search"
            aria-label={t('ui.school.searchLabel')}
            placeholder={t('ui.school.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select className="input select" aria-label={t('ui.school.yearFilter')} value={aidYear} onChange={(e) => setAidYear(e.target.value)}>
            <option value="">{t('ui.school.allYears')}</option>
            {YEARS.map((y) => <option key={y} value={y}>{t('ui.school.yearOption', { year: y })}</option>)}
          </select>
          <EnumSelect className="input select" aria-label={t('field.schoolStage')} enumName="schoolStage" value={stage} onValueChange={setStage} emptyLabel={t('ui.school.allStages')} />
          <EnumSelect className="input select" aria-label={t('field.aidItem')} enumName="schoolAidItem" value={item} onValueChange={setItem} emptyLabel={t('ui.school.allItems')} />
          <select className="input select" aria-label={t('field.reviewState')} value={review} onChange={(e) => setReview(e.target.value)}>
            <option value="">{t('ui.school.allReview')}</option>
            {reviewStates.map((s) => <option key={s} value={s}>{t(`enum.reviewState.${s}`)}</option>)}
          </select>
          <label className="inline-check">
            <input type="checkbox" checked={onlyWarnings} onChange={(e) => setOnlyWarnings(e.target.checked)} />
            {t('ui.school.onlyWarnings')}
          </label>
        </div>
        <div className="toolbar-group">
          {canWrite && <button type="button" className="button button-primary" onClick={() => setEditing({ id: null })}>{t('ui.school.add')}</button>}
          {canWrite && <button type="button" className="button" onClick={() => setImporting(true)}>{t('ui.school.import')}</button>}
          {may('reveal') && (
            <MenuButton
              label={t('ui.school.export')}
              items={[
                { label: t('ui.school.exportXlsx'), onSelect: () => void download(() => invoke('export/sheet', { kind: 'school', format: 'xlsx' })) },
                { label: t('ui.school.exportCsv'), onSelect: () => void download(() => invoke('export/sheet', { kind: 'school', format: 'csv' })) },
              ]}
            />
          )}
          <button type="button" className="button button-quiet" onClick={() => void download(() => invoke('templates/get', { kind: 'school' }))}>{t('ui.school.template')}</button>
        </div>
      </div>
      <ReviewActions table="school_aid" selected={selected} onDone={refresh} countKeys={{ selected: 'ui.school.reviewSelected', done: 'ui.school.reviewDone' }} />
      <SchoolGrid filters={filters} onOpen={(id) => setEditing({ id })} onTotals={setTotals} onReady={(api) => (grid.current = api)} onSelection={setSelected} />
      <div className="status-line" role="status" aria-live="polite">
        {totals && t('ui.school.count', { count: totals.total, amount: formatYuan(totals.amountFen, { grouping: true }) })}
      </div>
      {editing && (
        <SchoolAidForm
          key={editing.id ?? 'new'}
          id={editing.id}
          onClose={() => setEditing(null)}
          onSaved={refresh}
          onOpen={(id) => setEditing({ id })}
        />
      )}
      {importing && <ImportDialog kind="school" title={t('ui.school.importTitle')} onClose={() => setImporting(false)} onImported={refresh} />}
    </div>
  );
}
