/**
 * 学年 and 学期. A 学年 runs from autumn to the next summer: 2020-2021 has 秋季 (autumn 2020)
 * then 春季 (spring 2021). Standards and reports count a term in the calendar year it falls in,
 * so "the 2020 report" holds spring 2020 (学年 2019-2020) and autumn 2020 (学年 2020-2021).
 */
import { issue, type FieldIssue } from '../issue.js';
import type { SchoolTerm } from '../enums.js';

export type SchoolYearResult = { ok: true; schoolYear: string; startYear: number } | { ok: false; issue: FieldIssue };

/** Accepts 2020-2021, 2020—2021, 2020/2021, 2020～2021, full-width digits and 2020-21. */
export function parseSchoolYear(raw: string, field = 'schoolYear'): SchoolYearResult {
  const text = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000学年]/g, '');
  if (text === '') return { ok: false, issue: issue(field, 'required') };
  const match = /^(\d{4})[-/—–~～－](\d{2}|\d{4})$/.exec(text);
  if (!match) return { ok: false, issue: issue(field, 'school.schoolYearFormat', { value: raw }) };
  const start = Number(match[1]);
  const end = match[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(match[2]) : Number(match[2]);
  if (end !== start + 1) return { ok: false, issue: issue(field, 'school.schoolYearSpan', { value: raw }) };
  if (start < 2000 || start > 2099) return { ok: false, issue: issue(field, 'school.schoolYearFormat', { value: raw }) };
  return { ok: true, schoolYear: `${start}-${start + 1}`, startYear: start };
}

/** The calendar year a term falls in: 秋季 in the start year, 春季 in the next. */
export function termCalendarYear(startYear: number, term: SchoolTerm): number {
  return term === 'autumn' ? startYear : startYear + 1;
}

/** The day ages are counted on for a 学年: 1 September of its start year (入学年龄 rule). */
export function ageReferenceDate(startYear: number): string {
  return `${startYear}-09-01`;
}
