import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { OrgForm } from './OrgForm.js';
import { VillageTable } from './VillageTable.js';
import { VillageImport } from './VillageImport.js';

export function SettingsPage({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const { settings, villages } = useWorkstation();
  const firstRun = !settings.orgCode;
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 className="page-title">{t('ui.settings.title')}</h1>
      </div>
      {firstRun && <div className="callout" role="note">{t('ui.settings.welcome')}</div>}
      <section className="card" aria-labelledby="org-section">
        <h2 id="org-section" className="card-title">{t('ui.settings.orgSection')}</h2>
        <OrgForm />
      </section>
      {settings.orgCode && (
        <section className="card" aria-labelledby="village-section">
          <h2 id="village-section" className="card-title">{t('ui.settings.villagesSection')}</h2>
          <VillageTable orgCode={settings.orgCode} />
          <VillageImport />
          {villages.length > 0 && (
            <div className="card-footer">
              <button type="button" className="button button-primary" onClick={onDone}>{t('ui.settings.goHouseholds')}</button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
