import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { EnumSelect } from '../components/EnumSelect.js';
import { MenuButton } from '../components/MenuButton.js';
import { useAuth } from '../auth/auth-context.js';
import { useMay } from '../auth/use-may.js';
import { ReviewStateSelect } from './review/ReviewStateSelect.js';

interface HouseholdToolbarProps {
  search: string;
  onSearch(value: string): void;
  villageCode: string;
  onVillage(code: string): void;
  status: string;
  onStatus(status: string): void;
  reviewState: string;
  onReviewState(state: string): void;
  onAdd(): void;
  onImport(): void;
  onExport(format: 'xlsx' | 'csv'): void;
  onTemplate(): void;
  onSearchArrowDown(): void;
  searchRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
}

export function HouseholdToolbar(props: HouseholdToolbarProps) {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const { me } = useAuth();
  const may = useMay();
  const mayWrite = may('write');

  const searchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.nativeEvent.isComposing)) {
      e.preventDefault();
      props.onSearchArrowDown();
    } else if (e.key === 'Escape' && props.search) {
      e.preventDefault();
      props.onSearch('');
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('ui.households.toolbar')}>
      <div className="toolbar-filters">
        <input
          ref={props.searchRef}
          type="search"
          className="input search-input"
          value={props.search}
          placeholder={t('ui.households.quickSearchPlaceholder')}
          aria-label={t('ui.households.quickSearch')}
          maxLength={40}
          onChange={(e) => props.onSearch(e.target.value)}
          onKeyDown={searchKey}
        />
        <select
          className="input select"
          value={props.villageCode}
          aria-label={t('ui.households.villageFilter')}
          onChange={(e) => props.onVillage(e.target.value)}
        >
          <option value="">{t('ui.households.allVillages')}</option>
          {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
        </select>
        <EnumSelect
          className="input select"
          enumName="householdStatus"
          value={props.status}
          emptyLabel={t('ui.households.allStatuses')}
          aria-label={t('ui.households.statusFilter')}
          onValueChange={props.onStatus}
        />
        <ReviewStateSelect value={props.reviewState} onChange={props.onReviewState} />
      </div>
      <div className="toolbar-actions">
        {mayWrite && <button type="button" className="button button-primary" onClick={props.onAdd} aria-keyshortcuts="Alt+N Control+N" title="Alt+N">
          {t('ui.households.add')}
        </button>}
        {mayWrite && <button type="button" className="button" onClick={props.onImport}>{t('ui.households.import')}</button>}
        {may('reveal') && <MenuButton
          label={t('ui.households.export')}
          disabled={props.busy}
          items={[
            { label: t('ui.households.exportXlsx'), onSelect: () => props.onExport('xlsx') },
            { label: t('ui.households.exportCsv'), onSelect: () => props.onExport('csv') },
          ]}
        />}
        <button type="button" className="button button-quiet" disabled={props.busy} onClick={props.onTemplate}>{t('ui.households.template')}</button>
      </div>
    </div>
  );
}
