import { describe, expect, it } from 'vitest';
import { claimPolicyYear, isRealDate, normaliseClaimDate, validateClaimDates } from './claim-dates.js';

describe('claim dates', () => {
  it('knows real days', () => {
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2019-02-29')).toBe(false);
    expect(isRealDate('2020-13-01')).toBe(false);
    expect(isRealDate('2020-1-01')).toBe(false);
  });

  it('counts month lengths and leap centuries', () => {
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2100-02-29')).toBe(false);
    expect(isRealDate('2020-04-31')).toBe(false);
    expect(isRealDate('2020-12-31')).toBe(true);
    expect(isRealDate('2020-00-10')).toBe(false);
    expect(isRealDate('2020-01-00')).toBe(false);
    expect(isRealDate('1899-12-31')).toBe(false);
    expect(isRealDate('1900-01-01')).toBe(true);
  });

  it('takes the policy year from the discharge date unless given', () => {
    expect(claimPolicyYear({ dischargeDate: '2020-03-04' })).toBe(2020);
    expect(claimPolicyYear({ dischargeDate: '2020-03-04', policyYear: 2019 })).toBe(2019);
    expect(claimPolicyYear({ dischargeDate: '2020-02-30' })).toBeNull();
  });

  it('accepts a stay inside one year', () => {
    expect(validateClaimDates({ admissionDate: '2020-03-01', dischargeDate: '2020-03-09' })).toEqual([]);
  });

  it('refuses a discharge before the admission', () => {
    expect(validateClaimDates({ admissionDate: '2020-03-09', dischargeDate: '2020-03-01' })).toEqual([
      { field: 'dischargeDate', code: 'medical.dischargeBeforeAdmission', params: { admission: '2020-03-09', discharge: '2020-03-01' } },
    ]);
  });

  it('refuses a stay across the turn of the year and dates outside a given policy year', () => {
    expect(validateClaimDates({ admissionDate: '2019-12-28', dischargeDate: '2020-01-03' })).toEqual([
      { field: 'admissionDate', code: 'medical.dateOutsideYear', params: { date: '2019-12-28', year: 2020 } },
    ]);
    expect(validateClaimDates({ admissionDate: '2020-03-01', dischargeDate: '2020-03-09', policyYear: 2019 }).map((i) => i.field)).toEqual([
      'admissionDate', 'dischargeDate',
    ]);
  });

  it('names a date that does not exist and stops there', () => {
    expect(validateClaimDates({ admissionDate: '2019-02-29', dischargeDate: '2019-03-01', settlementDate: '2019-04-31' })).toEqual([
      { field: 'admissionDate', code: 'medical.dateInvalid', params: { date: '2019-02-29' } },
      { field: 'settlementDate', code: 'medical.dateInvalid', params: { date: '2019-04-31' } },
    ]);
  });
});

describe('normaliseClaimDate', () => {
  it('reads the spellings clerks use', () => {
    expect(['2020-3-5', '2020/03/05', '2020.3.5', '20200305', '2020年3月5日'].map(normaliseClaimDate)).toEqual(Array(5).fill('2020-03-05'));
    expect(normaliseClaimDate('3/5/2020')).toBe('3/5/2020');
  });
});
