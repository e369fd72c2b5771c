/** 教育资助: the ledger, batch entry, the yearly report and the standards, one navigation entry. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { LedgerTabPanel, LedgerTabs } from '../components/LedgerTabs.js';
import { NoTownshipNotice } from '../components/NoTownshipNotice.js';
import { useAuth } from '../auth/auth-context.js';
import { useHasLedgers, useMay } from '../auth/use-may.js';
import { SchoolLedger } from './ledger/SchoolLedger.js';
import { BatchEntry } from './batch/BatchEntry.js';
import { SchoolReportView } from './report/SchoolReportView.js';
import { StandardsEditor } from './standards/StandardsEditor.js';
import './school.css';

type View = 'ledger' | 'batch' | 'report' | 'standards';

export function SchoolPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const hasLedgers = useHasLedgers();
  const { me } = useAuth();
  const may = useMay();
  const views: View[] = may('write') ? ['ledger', 'batch', 'report', 'standards'] : ['ledger', 'report', 'standards'];
  const [view, setView] = useState<View>('ledger');

  if (!hasLedgers) {
    return <NoTownshipNotice title={t('ui.school.title')} text={t('ui.school.noOrg')} settingsLabel={t('ui.school.goSettings')} onOpenSettings={onOpenSettings} />;
  }

  return (
    <div className="page page-fill school-page">
      <div className="page-header school-header">
        <h1 className="page-title">{t('ui.school.title')}</h1>
        <LedgerTabs prefix="school" label={t('ui.school.tabsLabel')} views={views} view={view} labelOf={(name) => t(`ui.school.tabs.${name}`)} onView={setView} />
        {view === 'ledger' && <span className="page-hint">{t('ui.school.keysHint')}</span>}
      </div>
      <LedgerTabPanel prefix="school" view={view}>
        {view === 'ledger' && <SchoolLedger />}
        {view === 'batch' && <BatchEntry />}
        {view === 'report' && <SchoolReportView />}
        {view === 'standards' && <StandardsEditor />}
      </LedgerTabPanel>
    </div>
  );
}
