import type { i18n } from 'i18next';
import { createTranslator } from '../shared/i18n/translate.js';

let zh: Promise<i18n> | null = null;

/** The main process writes Chinese into files it produces (reject lists, reports). */
export function chineseTranslator(): Promise<i18n> {
  zh ??= createTranslator('zh-CN');
  return zh;
}
