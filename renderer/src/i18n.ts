/**
 * The renderer's i18next instance, on the shared resources. Chinese is the default; the
 * clerk's choice of language is remembered on this machine.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions, type Language } from '../../shared/i18n/translate.js';

const LANGUAGE_KEY = 'taizhang.language';

export const languages: readonly Language[] = ['zh-CN', 'en'];

function storedLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init(i18nOptions(lng));
}

export async function changeLanguage(lng: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}
