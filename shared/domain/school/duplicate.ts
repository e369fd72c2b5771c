/**
 * The duplicate rule: one student, 学年, 学期 and 资助项目 is paid once. A second record with
 * the same key is refused, pointing at the first.
 */
import type { SchoolAidItem, SchoolTerm } from '../enums.js';

export interface SchoolAidKeyParts {
  personId: string;
  schoolYear: string;
  term: SchoolTerm;
  item: SchoolAidItem;
}

export function schoolAidKey(k: SchoolAidKeyParts): string {
  return [k.personId, k.schoolYear, k.term, k.item].join('|');
}

/** For each row repeating an earlier row's key: its index → the earlier row's index. */
export function repeatedKeys(rows: readonly (SchoolAidKeyParts | null)[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((row, i) => {
    if (!row) return;
    const key = schoolAidKey(row);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else repeats.set(i, earlier);
  });
  return repeats;
}
