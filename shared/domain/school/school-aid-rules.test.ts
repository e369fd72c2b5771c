import { describe, expect, it } from 'vitest';
import { checkSchoolAid, normaliseDate, type SchoolAidFacts } from './school-aid-rules.js';

const rules = {
  standards: [{ year: 2020, stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 62500 }] as const,
  ageRanges: [{ stage: 'primary', minAge: 6, maxAge: 13 }] as const,
  today: '2021-06-15',
};
const facts: SchoolAidFacts = { schoolYear: '2020-2021', term: 'autumn', stage: 'primary', item: 'living_allowance', amount: '625', paidDate: '2020-10-20' };

describe('checkSchoolAid', () => {
  it('passes a standard amount for a pupil of the right age, counting the term in its calendar year', () => {
    expect(checkSchoolAid(facts, '2012-03-01', rules)).toEqual({
      errors: [], warnings: [], value: { schoolYear: '2020-2021', aidYear: 2020, amountFen: 62500 },
    });
  });
  it('warns, without refusing, for an amount off the standard and an age outside the 学段', () => {
    const r = checkSchoolAid({ ...facts, amount: '600.5' }, '2000-01-01', rules);
    expect(r.errors).toEqual([]);
    expect(r.value?.amountFen).toBe(60050);
    expect(r.warnings.map((w) => w.code)).toEqual(['school.offStandard', 'school.ageNotStage']);
  });
  it('looks the standard up in the spring term\'s own year', () => {
    // Spring of 2020-2021 is 2021: no 2021 standard here, so no warning whatever the amount.
    expect(checkSchoolAid({ ...facts, term: 'spring', amount: 1 }, '2012-03-01', rules).warnings).toEqual([]);
  });
  it('refuses bad amounts, a zero amount, a bad 学年 and a future or impossible 发放日期, naming each field', () => {
    expect(checkSchoolAid({ ...facts, amount: '12.345' }, null, rules).errors).toEqual([{ field: 'amount', code: 'money.tooManyDecimals' }]);
    expect(checkSchoolAid({ ...facts, amount: '0' }, null, rules).errors).toEqual([{ field: 'amount', code: 'school.amountZero' }]);
    expect(checkSchoolAid({ ...facts, amount: '-5' }, null, rules).errors[0]?.code).toBe('money.negative');
    expect(checkSchoolAid({ ...facts, schoolYear: '2020-2023' }, null, rules).errors[0]).toMatchObject({ field: 'schoolYear', code: 'school.schoolYearSpan' });
    expect(checkSchoolAid({ ...facts, paidDate: '2021-06-16' }, null, rules).errors[0]).toMatchObject({ field: 'paidDate', code: 'school.dateFuture' });
    expect(checkSchoolAid({ ...facts, paidDate: '2021-02-30' }, null, rules).errors[0]).toMatchObject({ field: 'paidDate', code: 'school.dateFormat' });
    expect(checkSchoolAid({ ...facts, amount: 'abc' }, null, rules).value).toBeNull();
  });
});

describe('normaliseDate', () => {
  it.each([['2020-9-1', '2020-09-01'], ['2020/09/01', '2020-09-01'], ['20200901', '2020-09-01'], ['2020年9月1日', '2020-09-01'], ['soon', 'soon']])('%s', (raw, out) => {
    expect(normaliseDate(raw)).toBe(out);
  });
});
