import { useTranslation } from 'react-i18next';

/** Pages built so far. 医疗报销, 教育资助, 危房改造, 饮水安全 join this list when they exist. */
export const PAGES = ['households', 'settings'] as const;
export type PageName = (typeof PAGES)[number];

export function NavBar({ page, onNavigate }: { page: PageName; onNavigate(page: PageName): void }) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('ui.nav.label')}>
      <ul>
        {PAGES.map((name) => (
          <li key={name}>
            <button
              type="button"
              className={name === page ? 'nav-item active' : 'nav-item'}
              aria-current={name === page ? 'page' : undefined}
              onClick={() => onNavigate(name)}
            >
              {t(`ui.nav.${name}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
