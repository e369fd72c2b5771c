/** A package or receipt refusal in words: the check and the file, from the i18n `error.package.*` keys. */
import type { TFunction } from 'i18next';
import { formatDateTime } from '../lib/format.js';

export interface Refusal {
  code: string;
  params: Record<string, string | number>;
}

export function refusalText(t: TFunction, refusal: Refusal): string {
  // Times travel as ISO text (`importedAt`); the clerk reads them in local time.
  const params = Object.fromEntries(Object.entries(refusal.params).map(([k, v]) => [k, k.endsWith('At') && typeof v === 'string' ? formatDateTime(v) : v]));
  return t(`error.${refusal.code}`, { detail: '', ...params, defaultValue: t('error.internal') });
}

export function tableLabel(t: TFunction, table: string): string {
  return t(`ui.packages.table.${table}`, { defaultValue: table });
}
