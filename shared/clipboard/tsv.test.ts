import { describe, expect, it } from 'vitest';
import { isIsoDate, normaliseDate, parseTsv } from './tsv.js';

describe('parseTsv', () => {
  it('splits Excel rows and cells and drops the trailing blank line', () => {
    expect(parseTsv('a\tb\tc\r\n1\t2\t3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('keeps empty cells in place', () => {
    expect(parseTsv('a\t\tc\n\t\t3')).toEqual([['a', '', 'c'], ['', '', '3']]);
  });

  it('reads quoted cells with tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"急性\n阑尾炎"\t"他说""好"""\tx\n')).toEqual([['急性\n阑尾炎', '他说"好"', 'x']]);
  });

  it('drops rows that are entirely blank', () => {
    expect(parseTsv('a\n\t\t\nb')).toEqual([['a'], ['b']]);
  });

  it('takes a quote in the middle of a cell literally', () => {
    expect(parseTsv('5"x\t2')).toEqual([['5"x', '2']]);
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2020-3-5', '2020-03-05'],
    ['2020/03/05', '2020-03-05'],
    ['2020.3.5', '2020-03-05'],
    ['20200305', '2020-03-05'],
    ['2020年3月5日', '2020-03-05'],
    [' 2020-12-31 ', '2020-12-31'],
  ])('%s → %s', (raw, iso) => expect(normaliseDate(raw)).toBe(iso));

  it('leaves what is not a date for validation to refuse', () => {
    expect(normaliseDate('三月五日')).toBe('三月五日');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
    expect(isIsoDate('2020-3-1')).toBe(false);
  });
});
