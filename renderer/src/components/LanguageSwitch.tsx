import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages } from '../i18n.js';

/** 中文 | English, quietly in the header corner. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('ui.header.language')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={lng === active ? 'language-option active' : 'language-option'}
          aria-pressed={lng === active}
          onClick={() => void changeLanguage(lng)}
        >
          {t(`ui.language.${lng === 'en' ? 'en' : 'zh'}`)}
        </button>
      ))}
    </div>
  );
}
