/**
 * The checks on one school-aid record, pure: errors refuse the save (学年 format, amount, 发放日期),
 * warnings are stored with the record and shown (amount off the standard, age not fitting the
 * 学段). The student's birth date comes from their ID number, read by the caller.
 */
import { issue, type FieldIssue } from '../issue.js';
import { parseMoney, type Fen } from '../money.js';
import type { SchoolAidItem, SchoolStage, SchoolTerm } from '../enums.js';
import { ageReferenceDate, parseSchoolYear, termCalendarYear } from './school-year.js';
import { findStandard, offStandardIssue, type SchoolAidStandard } from './standard.js';
import { stageAgeIssue, type StageAgeRange } from './stage-age.js';

export interface SchoolAidFacts {
  schoolYear: string;
  term: SchoolTerm;
  stage: SchoolStage;
  item: SchoolAidItem;
  /** As typed: "1,500.00", 1500, "１５００元". */
  amount: string | number;
  paidDate: string | null;
}

export interface SchoolAidRules {
  standards: readonly SchoolAidStandard[];
  ageRanges: readonly StageAgeRange[];
  today: string;
}

export interface CheckedSchoolAid {
  errors: FieldIssue[];
  warnings: FieldIssue[];
  /** Set when there are no errors. */
  value: { schoolYear: string; aidYear: number; amountFen: Fen } | null;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** 2020-9-1, 2020/09/01, 2020.9.1, 20200901 → 2020-09-01; anything else unchanged. */
export function normaliseDate(raw: string): string {
  const text = raw.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}` : text;
}

export function paidDateIssue(paidDate: string | null, today: string, field = 'paidDate'): FieldIssue | null {
  if (paidDate === null || paidDate === '') return null;
  if (!isRealDate(paidDate)) return issue(field, 'school.dateFormat', { value: paidDate });
  if (paidDate > today) return issue(field, 'school.dateFuture', { date: paidDate });
  return null;
}

export function checkSchoolAid(facts: SchoolAidFacts, birthDate: string | null, rules: SchoolAidRules): CheckedSchoolAid {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const year = parseSchoolYear(facts.schoolYear);
  if (!year.ok) errors.push(year.issue);
  const money = parseMoney(facts.amount, 'amount');
  if (!money.ok) errors.push(money.issue);
  else if (money.fen === 0) errors.push(issue('amount', 'school.amountZero'));
  const dateProblem = paidDateIssue(facts.paidDate, rules.today);
  if (dateProblem) errors.push(dateProblem);
  if (!year.ok || !money.ok || errors.length > 0) return { errors, warnings, value: null };

  const aidYear = termCalendarYear(year.startYear, facts.term);
  const standard = findStandard(rules.standards, { year: aidYear, stage: facts.stage, item: facts.item, term: facts.term });
  const off = offStandardIssue(standard, money.fen);
  if (off) warnings.push(off);
  if (birthDate) {
    const age = stageAgeIssue(rules.ageRanges, facts.stage, birthDate, ageReferenceDate(year.startYear));
    if (age) warnings.push(age);
  }
  return { errors, warnings, value: { schoolYear: year.schoolYear, aidYear, amountFen: money.fen } };
}
