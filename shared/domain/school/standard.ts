/**
 * The standards table (资助标准): per calendar year, 学段 × 项目 × 学期 → the expected amount.
 * Rows come from school_aid_standard (example values seeded, edited by an administrator). An
 * amount that differs is a warning, not an error: counties top up, terms are split.
 */
import { issue, type FieldIssue } from '../issue.js';
import { formatYuan, type Fen } from '../money.js';
import type { SchoolAidItem, SchoolStage, SchoolTerm } from '../enums.js';

export interface SchoolAidStandard {
  year: number;
  stage: SchoolStage;
  item: SchoolAidItem;
  term: SchoolTerm;
  amountFen: Fen;
}

export interface StandardKey {
  year: number;
  stage: SchoolStage;
  item: SchoolAidItem;
  term: SchoolTerm;
}

export function findStandard(standards: readonly SchoolAidStandard[], key: StandardKey): SchoolAidStandard | undefined {
  return standards.find((s) => s.year === key.year && s.stage === key.stage && s.item === key.item && s.term === key.term);
}

/** Warns when a standard exists and the amount differs; no standard (e.g. 助学贷款) says nothing. */
export function offStandardIssue(standard: SchoolAidStandard | undefined, amountFen: Fen, field = 'amount'): FieldIssue | null {
  if (!standard || standard.amountFen === amountFen) return null;
  return issue(field, 'school.offStandard', { expected: formatYuan(standard.amountFen), actual: formatYuan(amountFen) });
}

/** One row per key, amounts not negative: the standards editor's check before saving. */
export function standardTableIssues(rows: readonly Omit<SchoolAidStandard, 'year'>[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = `${r.stage}|${r.item}|${r.term}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push(issue(`standards.${i}.aidItem`, 'school.standardDuplicate', { row: first + 1 }));
    else seen.set(key, i);
    if (!Number.isSafeInteger(r.amountFen) || r.amountFen < 0) issues.push(issue(`standards.${i}.amount`, 'money.negative'));
  });
  return issues;
}
