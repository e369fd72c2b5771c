import { describe, expect, it } from 'vitest';
import { areaCodeIssue, countyOf, villageBelongsTo } from './area-code.js';

describe('areaCodeIssue', () => {
  it('accepts codes of the right length for each level', () => {
    expect(areaCodeIssue('371502', 'county', 'code')).toBeNull();
    expect(areaCodeIssue('371502100', 'township', 'orgCode')).toBeNull();
    expect(areaCodeIssue('371502100201', 'village', 'code')).toBeNull();
  });

  it('refuses the wrong length, naming the length expected', () => {
    expect(areaCodeIssue('37150210020', 'village', 'code')).toEqual({ field: 'code', code: 'areaCode.format', params: { length: 12 } });
    expect(areaCodeIssue('3715021002011', 'village', 'code')).toEqual({ field: 'code', code: 'areaCode.format', params: { length: 12 } });
    expect(areaCodeIssue('371502100201', 'township', 'orgCode')).toEqual({ field: 'orgCode', code: 'areaCode.format', params: { length: 9 } });
    expect(areaCodeIssue('37150', 'county', 'c')).toEqual({ field: 'c', code: 'areaCode.format', params: { length: 6 } });
    expect(areaCodeIssue('', 'village', 'code')?.code).toBe('areaCode.format');
  });

  it('refuses anything but ASCII digits', () => {
    for (const bad of ['37150210020A', '371502 10020', '３７１５０２１００２０１', '371502-10020', ' 371502100201', '371502100201\n']) {
      expect(areaCodeIssue(bad, 'village', 'code')?.code).toBe('areaCode.format');
    }
  });
});

describe('villageBelongsTo', () => {
  it('is true for a village of the township', () => {
    expect(villageBelongsTo('371502100201', '371502100')).toBe(true);
    expect(villageBelongsTo('371502100001', '371502100')).toBe(true);
  });

  it('is false for a village of another township or county', () => {
    expect(villageBelongsTo('371502101201', '371502100')).toBe(false);
    expect(villageBelongsTo('371503100201', '371502100')).toBe(false);
  });

  it('is false for a code that is not a 12-digit village code', () => {
    expect(villageBelongsTo('371502100', '371502100')).toBe(false);
    expect(villageBelongsTo('37150210020', '371502100')).toBe(false);
    expect(villageBelongsTo('3715021002011', '371502100')).toBe(false);
    expect(villageBelongsTo('371502100abc', '371502100')).toBe(false);
  });

  it('is false when the township code is not 9 digits (a county code or an empty one is not a township)', () => {
    expect(villageBelongsTo('371502100201', '')).toBe(false);
    expect(villageBelongsTo('371502100201', '371502')).toBe(false);
    expect(villageBelongsTo('371502100201', '3715021002')).toBe(false);
  });
});

describe('countyOf', () => {
  it('takes the first six digits', () => {
    expect(countyOf('371502100201')).toBe('371502');
    expect(countyOf('371502100')).toBe('371502');
    expect(countyOf('371502')).toBe('371502');
  });
});
