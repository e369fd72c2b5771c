import { describe, expect, it } from 'vitest';
import { stageAgeIssue, stageAgeRangeIssues, type StageAgeRange } from './stage-age.js';

const ranges: StageAgeRange[] = [
  { stage: 'preschool', minAge: 3, maxAge: 6 },
  { stage: 'primary', minAge: 6, maxAge: 13 },
];

describe('stageAgeIssue', () => {
  it('accepts the edges of the range', () => {
    expect(stageAgeIssue(ranges, 'primary', '2014-09-01', '2020-09-01')).toBeNull(); // 6
    expect(stageAgeIssue(ranges, 'primary', '2007-09-01', '2020-09-01')).toBeNull(); // 13
  });
  it('warns one day short of the minimum age, with the age and the range', () => {
    expect(stageAgeIssue(ranges, 'primary', '2014-09-02', '2020-09-01')).toEqual({
      field: 'schoolStage', code: 'school.ageNotStage', params: { age: 5, min: 6, max: 13 },
    });
  });
  it('warns above the maximum', () => {
    expect(stageAgeIssue(ranges, 'preschool', '2010-01-01', '2020-09-01')?.params).toEqual({ age: 10, min: 3, max: 6 });
  });
  it('says nothing for a stage without a range', () => {
    expect(stageAgeIssue(ranges, 'higher', '1960-01-01', '2020-09-01')).toBeNull();
  });
});

describe('stageAgeRangeIssues', () => {
  it('refuses min above max, a repeated stage and fractional ages', () => {
    const issues = stageAgeRangeIssues([
      { stage: 'primary', minAge: 12, maxAge: 6 },
      { stage: 'primary', minAge: 6, maxAge: 12 },
      { stage: 'junior', minAge: 11.5, maxAge: 16 },
    ]);
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'ageRanges.0.maxAge:school.rangeInvalid', 'ageRanges.1.schoolStage:school.rangeDuplicate', 'ageRanges.2.maxAge:school.rangeInvalid',
    ]);
  });
});
