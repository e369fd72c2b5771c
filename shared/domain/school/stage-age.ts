/**
 * The usual age for each 学段 (学前 3-6, 小学 6-12 …). The ranges are data from the
 * school_stage_age table (editable, seeded with example values), passed in here: an age outside
 * its 学段's range is a warning for the clerk to check, never a refusal (pupils repeat years,
 * start late, go back to school as adults).
 */
import { issue, type FieldIssue } from '../issue.js';
import { ageOn } from '../id-number.js';
import type { SchoolStage } from '../enums.js';

export interface StageAgeRange {
  stage: SchoolStage;
  minAge: number;
  maxAge: number;
}

/** A warning when the age on `onDate` is outside the stage's range; null when it fits or no range is set. */
export function stageAgeIssue(
  ranges: readonly StageAgeRange[], stage: SchoolStage, birthDate: string, onDate: string, field = 'schoolStage',
): FieldIssue | null {
  const range = ranges.find((r) => r.stage === stage);
  if (!range) return null;
  const age = ageOn(birthDate, onDate);
  if (age >= range.minAge && age <= range.maxAge) return null;
  return issue(field, 'school.ageNotStage', { age, min: range.minAge, max: range.maxAge });
}

/** Ranges are whole years, min ≤ max, between 0 and 80. */
export function stageAgeRangeIssues(ranges: readonly StageAgeRange[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  ranges.forEach((r, i) => {
    if (seen.has(r.stage)) issues.push(issue(`ageRanges.${i}.schoolStage`, 'school.rangeDuplicate'));
    seen.add(r.stage);
    const whole = Number.isInteger(r.minAge) && Number.isInteger(r.maxAge);
    if (!whole || r.minAge < 0 || r.maxAge > 80 || r.minAge > r.maxAge) {
      issues.push(issue(`ageRanges.${i}.maxAge`, 'school.rangeInvalid', { min: r.minAge, max: r.maxAge }));
    }
  });
  return issues;
}
