/**
 * 饮水安全: household assessments, water tests, supplies, the yearly report and the rules tables,
 * one tab each. The year chosen here filters the grids and picks the report.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { useNotices } from '../app/notice-context.js';
import { useWorkstation } from '../app/workstation-context.js';
import { useHasLedgers } from '../auth/use-may.js';
import { NoTownshipNotice } from '../components/NoTownshipNotice.js';
import type { Supply } from '../../../shared/contract/water.js';
import { AssessmentsTab } from './AssessmentsTab.js';
import { TestsTab } from './TestsTab.js';
import { SuppliesTab } from './SuppliesTab.js';
import { WaterReportView } from './WaterReportView.js';
import { WaterRulesEditor } from './WaterRulesEditor.js';
import '../styles/water.css';

const TABS = ['assessments', 'tests', 'supplies', 'report', 'rules'] as const;
type Tab = (typeof TABS)[number];

export function WaterPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const notices = useNotices();
  const { settings } = useWorkstation();
  const hasLedgers = useHasLedgers();
  const [tab, setTab] = useState<Tab>('assessments');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [allYears, setAllYears] = useState(true);
  const [supplies, setSupplies] = useState<Supply[]>([]);
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => {
    invoke('water/supplies/list', {}).then((r) => setSupplies(r.supplies)).catch((err: unknown) => notices.error(err));
    setVersion((v) => v + 1);
  }, [notices]);
  useEffect(reload, [reload]);

  if (!hasLedgers) {
    return <NoTownshipNotice title={t('ui.water.title')} text={t('ui.households.noOrg')} settingsLabel={t('ui.households.goSettings')} onOpenSettings={onOpenSettings} />;
  }

  const gridYear = allYears ? null : year;
  return (
    <div className="page page-fill water-page">
      <div className="page-header">
        <h1 className="page-title">{t('ui.water.title')}</h1>
        <span className="page-hint">{t('ui.water.hint')}</span>
      </div>
      <div className="water-tabs no-print">
        <div role="tablist" aria-label={t('ui.water.title')}>
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" id={`water-tab-${name}`} aria-selected={tab === name} aria-controls="water-panel"
              className={`water-tab ${tab === name ? 'water-tab-active' : ''}`} onClick={() => setTab(name)}>
              {t(`ui.water.tabs.${name}`)}
            </button>
          ))}
        </div>
        <div className="water-year">
          <label className="check">
            <input type="checkbox" checked={allYears && tab !== 'report'} disabled={tab === 'report'} onChange={(e) => setAllYears(e.target.checked)} /> {t('ui.water.allYears')}
          </label>
          <label>
            {t('ui.water.year')}{' '}
            <input className="input input-inline water-year-input" type="number" min={2000} max={2100} value={year} aria-label={t('ui.water.year')}
              onChange={(e) => {
                const next = Number(e.target.value);
                if (Number.isInteger(next) && next >= 2000 && next <= 2100) {
                  setYear(next);
                  setAllYears(false);
                }
              }} />
          </label>
        </div>
      </div>
      <div id="water-panel" role="tabpanel" aria-labelledby={`water-tab-${tab}`} className="water-panel">
        {tab === 'assessments' && <AssessmentsTab year={gridYear} supplies={supplies} onChanged={reload} />}
        {tab === 'tests' && <TestsTab year={gridYear} supplies={supplies} onChanged={reload} />}
        {tab === 'supplies' && <SuppliesTab supplies={supplies} onChanged={reload} />}
        {tab === 'report' && <WaterReportView year={year} version={version} />}
        {tab === 'rules' && <WaterRulesEditor year={year} canEdit={me.role === 'admin'} onSaved={reload} />}
      </div>
    </div>
  );
}
