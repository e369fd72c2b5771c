/**
 * 医疗报销: the claims ledger (entry), the layer report, and the policy rules. One page with
 * three views so the navigation keeps one entry per ledger.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { LedgerTabPanel, LedgerTabs } from '../components/LedgerTabs.js';
import { useHasLedgers } from '../auth/use-may.js';
import { NoTownshipNotice } from '../components/NoTownshipNotice.js';
import { ClaimLedger } from './ledger/ClaimLedger.js';
import { LayerReport } from './report/LayerReport.js';
import { PolicyRules } from './policy/PolicyRules.js';
import './medical.css';

const VIEWS = ['ledger', 'report', 'policy'] as const;
type View = (typeof VIEWS)[number];

export function MedicalPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const hasLedgers = useHasLedgers();
  const [view, setView] = useState<View>('ledger');

  if (!hasLedgers) {
    return <NoTownshipNotice title={t('ui.medical.title')} text={t('ui.medical.noOrg')} settingsLabel={t('ui.medical.goSettings')} onOpenSettings={onOpenSettings} />;
  }

  return (
    <div className={`page page-fill medical-page medical-view-${view}`}>
      <div className="page-header medical-header">
        <h1 className="page-title">{t('ui.medical.title')}</h1>
        <LedgerTabs prefix="medical" label={t('ui.medical.tabsLabel')} views={VIEWS} view={view} labelOf={(name) => t(`ui.medical.tabs.${name}`)} onView={setView} />
      </div>
      <LedgerTabPanel prefix="medical" view={view}>
        {view === 'ledger' && <ClaimLedger />}
        {view === 'report' && <LayerReport />}
        {view === 'policy' && <PolicyRules />}
      </LedgerTabPanel>
    </div>
  );
}
