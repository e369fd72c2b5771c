import { describe, expect, it } from 'vitest';
import { ageReferenceDate, parseSchoolYear, termCalendarYear } from './school-year.js';

describe('parseSchoolYear', () => {
  it.each([
    ['2020-2021', '2020-2021'],
    ['2020—2021', '2020-2021'],
    ['2020/2021学年', '2020-2021'],
    ['２０２０－２０２１', '2020-2021'],
    ['2020-21', '2020-2021'],
    ['1999-00', null],
  ])('%s → %s', (raw, expected) => {
    const r = parseSchoolYear(raw);
    if (expected === null) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, schoolYear: expected });
  });

  it('refuses a span that is not one year, and a shape it does not know', () => {
    expect(parseSchoolYear('2020-2022')).toMatchObject({ ok: false, issue: { field: 'schoolYear', code: 'school.schoolYearSpan' } });
    expect(parseSchoolYear('2020')).toMatchObject({ ok: false, issue: { code: 'school.schoolYearFormat' } });
    expect(parseSchoolYear(' ')).toMatchObject({ ok: false, issue: { code: 'required' } });
  });
});

describe('terms and calendar years', () => {
  it('puts 秋季 in the start year and 春季 in the next', () => {
    expect(termCalendarYear(2020, 'autumn')).toBe(2020);
    expect(termCalendarYear(2020, 'spring')).toBe(2021);
  });
  it('counts ages on 1 September of the start year', () => {
    expect(ageReferenceDate(2020)).toBe('2020-09-01');
  });
});
