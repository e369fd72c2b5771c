import { describe, it, expect } from 'vitest';
import { mapHeaders } from './header-map.js';

const ALIASES = {
  idNumber: ['身份证号', '证件号码', '公民身份号码', '身份证号码'],
  name: ['姓名', '户主姓名'],
  income: ['年收入(元)', 'Income'],
  phone: ['联系电话'],
} as const;

describe('mapHeaders', () => {
  it('maps accepted spellings to field keys and reports the rest', () => {
    const result = mapHeaders(['序号', '姓名', '公民身份号码', '年收入（元）', '', '备注'], ALIASES, ['name', 'idNumber', 'phone']);
    expect([...result.columns]).toEqual([['name', 1], ['idNumber', 2], ['income', 3]]);
    expect(result.ignored).toEqual(['序号', '备注']);
    expect(result.missing).toEqual(['phone']);
  });

  it('ignores whitespace, line breaks, full-width forms and Latin case', () => {
    const result = mapHeaders(['身份证\n号码', ' 姓\u3000名 ', 'ＩＮＣＯＭＥ', '年收入 ( 元 )'], ALIASES);
    expect(result.columns.get('idNumber')).toBe(0);
    expect(result.columns.get('name')).toBe(1);
    expect(result.columns.get('income')).toBe(2);
    // A second column for a field already mapped is reported, not silently used.
    expect(result.ignored).toEqual(['年收入 ( 元 )']);
  });

  it('has nothing missing when no required list is given', () => {
    expect(mapHeaders([], ALIASES)).toEqual({ columns: new Map(), ignored: [], missing: [] });
  });
});
