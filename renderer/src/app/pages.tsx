/**
 * The pages of the workstation, in the order the navigation shows them. A ledger joins by adding
 * one entry here and its label under `ui.nav.<name>` in the i18n files.
 */
import type { ReactElement } from 'react';
import { SettingsPage } from '../settings/SettingsPage.js';
import { HouseholdsPage } from '../households/HouseholdsPage.js';

export interface PageProps {
  /** Switches to another page (e.g. 设置 when the township is not set up yet). */
  navigate(page: PageName): void;
}

export const PAGES = ['households', 'settings'] as const;
export type PageName = (typeof PAGES)[number];

export const pageViews: Record<PageName, (props: PageProps) => ReactElement> = {
  households: ({ navigate }) => <HouseholdsPage onOpenSettings={() => navigate('settings')} />,
  settings: ({ navigate }) => <SettingsPage onDone={() => navigate('households')} />,
};
