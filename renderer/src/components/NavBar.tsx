import { useTranslation } from 'react-i18next';
import { PAGES, type PageName } from '../app/pages.js';

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
