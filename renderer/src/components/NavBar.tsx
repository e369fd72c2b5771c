import { useTranslation } from 'react-i18next';
import { PAGES, pagePermission, type PageName } from '../app/pages.js';
import { useAuth } from '../auth/auth-context.js';
import { can } from '../../../shared/domain/roles.js';

export function NavBar({ page, onNavigate }: { page: PageName; onNavigate(page: PageName): void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  return (
    <nav className="nav" aria-label={t('ui.nav.label')}>
      <ul>
        {PAGES.filter((name) => can(me.role, pagePermission[name] ?? 'read')).map((name) => (
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
