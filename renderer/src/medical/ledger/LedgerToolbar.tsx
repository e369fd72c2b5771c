import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../../app/workstation-context.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import { MenuButton } from '../../components/MenuButton.js';
import { reviewStates } from '../../../../shared/domain/review.js';
import type { LedgerFilters } from './use-claim-ledger.js';

interface LedgerToolbarProps {
  filters: LedgerFilters;
  years: number[];
  onFilters(filters: LedgerFilters): void;
  dirtyCount: number;
  canWrite: boolean;
  busy: boolean;
  onAddRow(): void;
  onOpenForm(): void;
  onSaveAll(): void;
  onImport(): void;
  onExport(format: 'xlsx' | 'csv'): void;
  onTemplate(): void;
}

export function LedgerToolbar(props: LedgerToolbarProps) {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const f = props.filters;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('ui.medical.toolbar')}>
      <div className="toolbar-filters">
        <select
          className="input select"
          value={f.policyYear ?? ''}
          aria-label={t('ui.medical.yearFilter')}
          onChange={(e) => props.onFilters({ ...f, policyYear: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('ui.medical.allYears')}</option>
          {props.years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <select
          className="input select"
          value={f.villageCode ?? ''}
          aria-label={t('ui.medical.villageFilter')}
          onChange={(e) => props.onFilters({ ...f, villageCode: e.target.value || null })}
        >
          <option value="">{t('ui.medical.allVillages')}</option>
          {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
        </select>
        <EnumSelect
          className="input select"
          enumName="visitType"
          value={f.visitType ?? ''}
          emptyLabel={t('ui.medical.allVisitTypes')}
          aria-label={t('ui.medical.visitTypeFilter')}
          onValueChange={(v) => props.onFilters({ ...f, visitType: (v || null) as LedgerFilters['visitType'] })}
        />
        <select
          className="input select"
          value={f.reviewState ?? ''}
          aria-label={t('ui.medical.reviewFilter')}
          onChange={(e) => props.onFilters({ ...f, reviewState: (e.target.value || null) as LedgerFilters['reviewState'] })}
        >
          <option value="">{t('ui.medical.allReviewStates')}</option>
          {reviewStates.map((s) => <option key={s} value={s}>{t(`enum.reviewState.${s}`)}</option>)}
        </select>
      </div>
      <div className="toolbar-actions">
        {props.canWrite && (
          <>
            <button type="button" className="button button-primary" onClick={props.onAddRow} aria-keyshortcuts="Alt+N" title="Alt+N">{t('ui.medical.addRow')}</button>
            <button type="button" className="button" onClick={props.onOpenForm} aria-keyshortcuts="Control+E" title="Ctrl+E">{t('ui.medical.openForm')}</button>
            {props.dirtyCount > 0 && (
              <button type="button" className="button" disabled={props.busy} onClick={props.onSaveAll}>{t('ui.medical.saveAll', { count: props.dirtyCount })}</button>
            )}
            <button type="button" className="button" onClick={props.onImport}>{t('ui.medical.import')}</button>
          </>
        )}
        <MenuButton
          label={t('ui.medical.export')}
          disabled={props.busy}
          items={[
            { label: t('ui.medical.exportXlsx'), onSelect: () => props.onExport('xlsx') },
            { label: t('ui.medical.exportCsv'), onSelect: () => props.onExport('csv') },
          ]}
        />
        <button type="button" className="button button-quiet" disabled={props.busy} onClick={props.onTemplate}>{t('ui.medical.template')}</button>
      </div>
    </div>
  );
}
