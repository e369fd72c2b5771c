/** 12-digit statistical area codes: 6 county + 3 township + 3 village. */
import { issue, type FieldIssue } from './issue.js';

export type AreaLevel = 'county' | 'township' | 'village';

const LENGTH: Record<AreaLevel, number> = { county: 6, township: 9, village: 12 };

export function areaCodeIssue(code: string, level: AreaLevel, field: string): FieldIssue | null {
  const length = LENGTH[level];
  if (!new RegExp(`^\\d{${length}}$`).test(code)) return issue(field, 'areaCode.format', { length });
  return null;
}

/** A village belongs to a township when its code starts with the township's 9 digits. */
export function villageBelongsTo(villageCode: string, townshipCode: string): boolean {
  return /^\d{12}$/.test(villageCode) && /^\d{9}$/.test(townshipCode) && villageCode.startsWith(townshipCode);
}

export function countyOf(code: string): string {
  return code.slice(0, 6);
}
