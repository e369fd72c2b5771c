/**
 * The pages of the workstation, in the order the navigation shows them. A ledger joins by adding
 * one entry here and its label under `ui.nav.<name>` in the i18n files.
 */
import type { ReactElement } from 'react';
import type { Permission } from '../../../shared/domain/roles.js';
import { AccountsPage } from '../accounts/AccountsPage.js';
import { BackupsPage } from '../backups/BackupsPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { HouseholdsPage } from '../households/HouseholdsPage.js';
import { PackagesPage } from '../packages/PackagesPage.js';
import { HousingPage } from '../housing/HousingPage.js';
import { MedicalPage } from '../medical/MedicalPage.js';
import { SchoolPage } from '../school/SchoolPage.js';
import { WaterPage } from '../water/WaterPage.js';

export interface PageProps {
  /** Switches to another page (e.g. 设置 when the township is not set up yet). */
  navigate(page: PageName): void;
}

export const PAGES = ['households', 'medical', 'housing', 'school', 'water', 'packages', 'settings', 'accounts', 'backups'] as const;
export type PageName = (typeof PAGES)[number];

export const pageViews: Record<PageName, (props: PageProps) => ReactElement> = {
  households: ({ navigate }) => <HouseholdsPage onOpenSettings={() => navigate('settings')} />,
  medical: ({ navigate }) => <MedicalPage onOpenSettings={() => navigate('settings')} />,
  housing: ({ navigate }) => <HousingPage onOpenSettings={() => navigate('settings')} />,
  school: ({ navigate }) => <SchoolPage onOpenSettings={() => navigate('settings')} />,
  water: ({ navigate }) => <WaterPage onOpenSettings={() => navigate('settings')} />,
  packages: () => <PackagesPage />,
  settings: ({ navigate }) => <SettingsPage onDone={() => navigate('households')} />,
  accounts: () => <AccountsPage />,
  backups: () => <BackupsPage />,
};

/** The permission a page needs to show in the navigation; a page not listed needs `read`. */
export const pagePermission: Partial<Record<PageName, Permission>> = {
  settings: 'admin',
  accounts: 'admin',
  backups: 'admin',
};
