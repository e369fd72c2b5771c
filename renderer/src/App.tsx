import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from './api/client.js';
import type { Settings, Village } from '../../shared/contract/settings.js';
import { WorkstationContext, type Workstation } from './app/workstation-context.js';
import { useNotices } from './app/notice-context.js';
import { NavBar } from './components/NavBar.js';
import { AppHeader } from './components/AppHeader.js';
import { pagePermission, pageViews, type PageName } from './app/pages.js';
import { useAuth } from './auth/auth-context.js';
import { can } from '../../shared/domain/roles.js';

export function App() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [villages, setVillages] = useState<Village[]>([]);
  const [page, setPage] = useState<PageName | null>(null);
  const [failed, setFailed] = useState(false);

  const reloadSettings = useCallback(async () => {
    const next = await invoke('settings/get', {});
    setSettings(next);
    // A new workstation opens on 设置: nothing else works before the township is known.
    setPage((current) => current ?? (next.orgCode || next.county ? 'households' : 'settings'));
  }, []);

  const reloadVillages = useCallback(async () => {
    setVillages(await invoke('villages/list', {}));
  }, []);

  useEffect(() => {
    Promise.all([reloadSettings(), reloadVillages()]).catch((err: unknown) => {
      setFailed(true);
      notices.error(err);
    });
  }, [reloadSettings, reloadVillages, notices]);

  const workstation = useMemo<Workstation | null>(
    () => (settings ? { settings, villages, reloadSettings, reloadVillages } : null),
    [settings, villages, reloadSettings, reloadVillages],
  );

  useEffect(() => {
    document.title = settings?.orgName ? `${t('app.title')} · ${settings.orgName}` : t('app.title');
  }, [settings?.orgName, t]);

  if (!workstation || !page) {
    return <div className="app-loading" role="status">{failed ? t('ui.app.loadFailed') : t('ui.common.loading')}</div>;
  }

  // A page the role may not use is never shown (e.g. 设置 on a new workstation for a clerk).
  const shown: PageName = can(me.role, pagePermission[page] ?? 'read') ? page : 'households';
  return (
    <WorkstationContext value={workstation}>
      <div className="app">
        <AppHeader />
        <div className="app-body">
          <NavBar page={shown} onNavigate={setPage} />
          <main className="app-main">
            {pageViews[shown]({ navigate: setPage })}
          </main>
        </div>
      </div>
    </WorkstationContext>
  );
}
