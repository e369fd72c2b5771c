/**
 * 医疗报销: the claims ledger (entry), the layer report, and the policy rules. One page with
 * three views so the navigation keeps one entry per ledger.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { ClaimLedger } from './ledger/ClaimLedger.js';
import { LayerReport } from './report/LayerReport.js';
import { PolicyRules } from './policy/PolicyRules.js';
import './medical.css';

const VIEWS = ['ledger', 'report', 'policy'] as const;
type View = (typeof VIEWS)[number];

export function MedicalPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const [view, setView] = useState<View>('ledger');

  if (!settings.orgCode) {
    return (
      <div className="page">
        <h1 className="page-title">{t('ui.medical.title')}</h1>
        <div className="callout" role="note">
          <p>{t('ui.medical.noOrg')}</p>
          <button type="button" className="button button-primary" onClick={onOpenSettings}>{t('ui.medical.goSettings')}</button>
        </div>
      </div>
    );
  }

  // Tabs as a WAI-ARIA tablist: arrows move between views.
  const tabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
    setView(next);
    document.getElementById(`medical-tab-${next}`)?.focus();
  };

  return (
    <div className={`page page-fill medical-page medical-view-${view}`}>
      <div className="page-header medical-header">
        <h1 className="page-title">{t('ui.medical.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('ui.medical.tabsLabel')}>
          {VIEWS.map((name) => (
            <button
              key={name}
              id={`medical-tab-${name}`}
              type="button"
              role="tab"
              className={name === view ? 'tab active' : 'tab'}
              aria-selected={name === view}
              aria-controls="medical-view"
              tabIndex={name === view ? 0 : -1}
              onClick={() => setView(name)}
              onKeyDown={tabKey}
            >
              {t(`ui.medical.tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <div id="medical-view" role="tabpanel" aria-labelledby={`medical-tab-${view}`} className="medical-view">
        {view === 'ledger' && <ClaimLedger />}
        {view === 'report' && <LayerReport />}
        {view === 'policy' && <PolicyRules />}
      </div>
    </div>
  );
}
