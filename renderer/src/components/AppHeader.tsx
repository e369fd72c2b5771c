import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="app-logo" aria-hidden="true">台</span>
        <span className="app-name">{t('app.title')}</span>
        <span className="app-township">{settings.orgName ?? t('ui.header.noTownship')}</span>
        {settings.orgCode && <span className="app-township-code">{settings.orgCode}</span>}
      </div>
      <div className="app-header-right">
        {settings.operatorName && <span className="app-operator">{t('ui.header.operator', { name: settings.operatorName })}</span>}
        <LanguageSwitch />
      </div>
    </header>
  );
}
