import { describe, expect, it } from 'vitest';
import { findStandard, offStandardIssue, standardTableIssues, type SchoolAidStandard } from './standard.js';

const standards: SchoolAidStandard[] = [
  { year: 2020, stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 50000 },
  { year: 2020, stage: 'primary', item: 'living_allowance', term: 'spring', amountFen: 40000 },
  { year: 2021, stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 62500 },
];

describe('findStandard', () => {
  it('matches year, stage, item and term exactly', () => {
    expect(findStandard(standards, { year: 2020, stage: 'primary', item: 'living_allowance', term: 'spring' })?.amountFen).toBe(40000);
    expect(findStandard(standards, { year: 2021, stage: 'primary', item: 'living_allowance', term: 'autumn' })?.amountFen).toBe(62500);
    expect(findStandard(standards, { year: 2021, stage: 'primary', item: 'living_allowance', term: 'spring' })).toBeUndefined();
    expect(findStandard(standards, { year: 2020, stage: 'junior', item: 'living_allowance', term: 'autumn' })).toBeUndefined();
  });
});

describe('offStandardIssue', () => {
  const std = standards[0];
  it('is silent on the standard amount and without a standard', () => {
    expect(offStandardIssue(std, 50000)).toBeNull();
    expect(offStandardIssue(undefined, 12345)).toBeNull();
  });
  it('warns with both amounts in yuan, one fen off included', () => {
    expect(offStandardIssue(std, 49999)).toEqual({ field: 'amount', code: 'school.offStandard', params: { expected: '500.00', actual: '499.99' } });
  });
});

describe('standardTableIssues', () => {
  it('refuses the same key twice, pointing at the first row, and negative amounts', () => {
    const issues = standardTableIssues([
      { stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 100 },
      { stage: 'primary', item: 'living_allowance', term: 'spring', amountFen: -1 },
      { stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 200 },
    ]);
    expect(issues).toEqual([
      { field: 'standards.1.amount', code: 'money.negative' },
      { field: 'standards.2.aidItem', code: 'school.standardDuplicate', params: { row: 1 } },
    ]);
  });
});
