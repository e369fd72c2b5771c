import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../app/workstation-context.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useAuth } from '../auth/auth-context.js';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog.js';
import { useNotices } from '../app/notice-context.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { settings } = useWorkstation();
  const { me, signOut } = useAuth();
  const notices = useNotices();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="app-logo" aria-hidden="true">台</span>
        <span className="app-name">{t('app.title')}</span>
        {settings.county ? (
          <>
            <span className="app-township">{t('ui.header.county', { name: settings.county.name })}</span>
            <span className="app-township-code">{settings.county.code}</span>
          </>
        ) : (
          <>
            <span className="app-township">{settings.orgName ?? t('ui.header.noTownship')}</span>
            {settings.orgCode && <span className="app-township-code">{settings.orgCode}</span>}
          </>
        )}
      </div>
      <div className="app-header-right">
        <span className="app-user">
          <span>{me.displayName} · {t(`enum.role.${me.role}`)}</span>
          <button type="button" className="button button-small" onClick={() => setChangingPassword(true)}>{t('ui.password.change')}</button>
          <button type="button" className="button button-small" onClick={() => void signOut()}>{t('ui.auth.signOut')}</button>
        </span>
        <LanguageSwitch />
      </div>
      {changingPassword && (
        <ChangePasswordDialog
          onCancel={() => setChangingPassword(false)}
          onDone={() => {
            setChangingPassword(false);
            notices.success(t('ui.password.done'));
          }}
        />
      )}
    </header>
  );
}
