import i18next, { type i18n, type TFunction } from 'i18next';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';
import type { FieldIssue } from '../domain/issue.js';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;
export type Language = keyof typeof resources;

/** One configuration for every i18next instance: the renderer's, the main process's, the CLI's. */
export function i18nOptions(lng: Language) {
  return {
    lng,
    fallbackLng: 'zh-CN',
    resources,
    // React escapes on render and files are not HTML: i18next must not escape as well.
    interpolation: { escapeValue: false },
    keySeparator: '.',
    nsSeparator: false as const,
    returnNull: false,
  };
}

/** A standalone i18next instance, for the main process and the CLI. */
export async function createTranslator(lng: Language = 'zh-CN'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init(i18nOptions(lng));
  return instance;
}

/** `members.2.idNumber` → "第 3 位成员 身份证号". */
export function fieldLabel(t: TFunction, field: string): string {
  const parts = field.split('.');
  const labels: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part === 'members' && next !== undefined && /^\d+$/.test(next)) {
      labels.push(t('memberLabel', { n: Number(next) + 1 }));
      i++;
    } else if (!/^\d+$/.test(part)) {
      labels.push(t(`field.${part}`, { defaultValue: part }));
    }
  }
  return labels.join(' ');
}

/** "第 3 行 身份证号：校验位错误…" — field and reason, as the brief requires. */
export function describeIssue(t: TFunction, issue: FieldIssue): string {
  const where = [
    issue.row !== undefined ? t('rowLabel', { row: issue.row }) : '',
    issue.column ?? (issue.field ? fieldLabel(t, issue.field) : ''),
  ].filter(Boolean).join(' ');
  // Codes such as `idNumber.checksum` are flat keys with a dot; i18next's deep lookup finds them.
  const reason = t(`issue.${issue.code}`, { ...issue.params, defaultValue: issue.code });
  // The joining colon is per language: full-width "：" in Chinese, ": " in English.
  return where ? t('issueLine', { where, reason, defaultValue: '{{where}}：{{reason}}' }) : reason;
}
