/** 危房改造: the repair ledger and the progress report, one navigation entry. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { LedgerTabPanel, LedgerTabs } from '../components/LedgerTabs.js';
import { useHasLedgers } from '../auth/use-may.js';
import { NoTownshipNotice } from '../components/NoTownshipNotice.js';
import { HousingLedger } from './ledger/HousingLedger.js';
import { ProgressReport } from './report/ProgressReport.js';
import './housing.css';

const VIEWS = ['ledger', 'report'] as const;
type View = (typeof VIEWS)[number];

export function HousingPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const hasLedgers = useHasLedgers();
  const [view, setView] = useState<View>('ledger');

  if (!hasLedgers) {
    return <NoTownshipNotice title={t('ui.housing.title')} text={t('ui.housing.noOrg')} settingsLabel={t('ui.housing.goSettings')} onOpenSettings={onOpenSettings} />;
  }

  return (
    <div className="page page-fill housing-page">
      <div className="page-header no-print">
        <h1 className="page-title">{t('ui.housing.title')}</h1>
        <LedgerTabs prefix="housing" label={t('ui.housing.tabsLabel')} views={VIEWS} view={view} labelOf={(name) => t(`ui.housing.tabs.${name}`)} onView={setView} />
        {view === 'ledger' && <span className="page-hint">{t('ui.housing.keysHint')}</span>}
      </div>
      <LedgerTabPanel prefix="housing" view={view}>
        {view === 'ledger' ? <HousingLedger /> : <ProgressReport />}
      </LedgerTabPanel>
    </div>
  );
}
