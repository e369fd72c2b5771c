/** 教育资助: the ledger, batch entry, the yearly report and the standards, one navigation entry. */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { useAuth } from '../auth/auth-context.js';
import { can } from '../../../shared/domain/roles.js';
import { SchoolLedger } from './ledger/SchoolLedger.js';
import { BatchEntry } from './batch/BatchEntry.js';
import { SchoolReportView } from './report/SchoolReportView.js';
import { StandardsEditor } from './standards/StandardsEditor.js';
import './school.css';

type View = 'ledger' | 'batch' | 'report' | 'standards';

export function SchoolPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const { me } = useAuth();
  const views: View[] = can(me.role, 'write') ? ['ledger', 'batch', 'report', 'standards'] : ['ledger', 'report', 'standards'];
  const [view, setView] = useState<View>('ledger');

  if (!settings.orgCode) {
    return (
      <div className="page">
        <h1 className="page-title">{t('ui.school.title')}</h1>
        <div className="callout" role="note">
          <p>{t('ui.school.noOrg')}</p>
          <button type="button" className="button button-primary" onClick={onOpenSettings}>{t('ui.school.goSettings')}</button>
        </div>
      </div>
    );
  }

  const tabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = views[(views.indexOf(view) + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]!;
    setView(next);
    document.getElementById(`school-tab-${next}`)?.focus();
  };

  return (
    <div className="page page-fill school-page">
      <div className="page-header school-header">
        <h1 className="page-title">{t('ui.school.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('ui.school.tabsLabel')}>
          {views.map((name) => (
            <button
              key={name}
              id={`school-tab-${name}`}
              type="button"
              role="tab"
              className={name === view ? 'tab active' : 'tab'}
              aria-selected={name === view}
              aria-controls="school-view"
              tabIndex={name === view ? 0 : -1}
              onClick={() => setView(name)}
              onKeyDown={tabKey}
            >
              {t(`ui.school.tabs.${name}`)}
            </button>
          ))}
        </div>
        {view === 'ledger' && <span className="page-hint">{t('ui.school.keysHint')}</span>}
      </div>
      <div id="school-view" role="tabpanel" aria-labelledby={`school-tab-${view}`} className="school-view">
        {view === 'ledger' && <SchoolLedger />}
        {view === 'batch' && <BatchEntry />}
        {view === 'report' && <SchoolReportView />}
        {view === 'standards' && <StandardsEditor />}
      </div>
    </div>
  );
}
