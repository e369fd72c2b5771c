/** 危房改造: the repair ledger and the progress report, one navigation entry. */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { HousingLedger } from './ledger/HousingLedger.js';
import { ProgressReport } from './report/ProgressReport.js';
import './housing.css';

const VIEWS = ['ledger', 'report'] as const;
type View = (typeof VIEWS)[number];

export function HousingPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const [view, setView] = useState<View>('ledger');

  if (!settings.orgCode) {
    return (
      <div className="page">
        <h1 className="page-title">{t('ui.housing.title')}</h1>
        <div className="callout" role="note">
          <p>{t('ui.housing.noOrg')}</p>
          <button type="button" className="button button-primary" onClick={onOpenSettings}>{t('ui.housing.goSettings')}</button>
        </div>
      </div>
    );
  }

  const tabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = view === 'ledger' ? 'report' : 'ledger';
    setView(next);
    document.getElementById(`housing-tab-${next}`)?.focus();
  };

  return (
    <div className="page page-fill housing-page">
      <div className="page-header no-print">
        <h1 className="page-title">{t('ui.housing.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('ui.housing.tabsLabel')}>
          {VIEWS.map((name) => (
            <button
              key={name}
              id={`housing-tab-${name}`}
              type="button"
              role="tab"
              className={name === view ? 'tab active' : 'tab'}
              aria-selected={name === view}
              aria-controls="housing-view"
              tabIndex={name === view ? 0 : -1}
              onClick={() => setView(name)}
              onKeyDown={tabKey}
            >
              {t(`ui.housing.tabs.${name}`)}
            </button>
          ))}
        </div>
        {view === 'ledger' && <span className="page-hint">{t('ui.housing.keysHint')}</span>}
      </div>
      <div id="housing-view" role="tabpanel" aria-labelledby={`housing-tab-${view}`} className="housing-view">
        {view === 'ledger' ? <HousingLedger /> : <ProgressReport />}
      </div>
    </div>
  );
}
