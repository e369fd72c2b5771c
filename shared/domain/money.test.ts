import { describe, expect, it } from 'vitest';
import { formatWanYuan, formatYuan, parseMoney, type MoneyResult } from './money.js';

function fen(result: MoneyResult): number {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issue)}`);
  return result.fen;
}

function code(result: MoneyResult): string {
  if (result.ok) throw new Error(`expected an issue, got ${result.fen} fen`);
  return result.issue.code;
}

describe('parseMoney', () => {
  it('accepts what clerks type or paste', () => {
    expect(fen(parseMoney('1,234.50'))).toBe(123450);
    expect(fen(parseMoney('１２３４.５'))).toBe(123450);
    expect(fen(parseMoney('12.3元'))).toBe(1230);
    expect(fen(parseMoney('¥12'))).toBe(1200);
    expect(fen(parseMoney('￥12'))).toBe(1200);
    expect(fen(parseMoney('0.1'))).toBe(10);
    expect(fen(parseMoney('0.01'))).toBe(1);
    expect(fen(parseMoney('0'))).toBe(0);
    expect(fen(parseMoney('100'))).toBe(10000);
    expect(fen(parseMoney('5.'))).toBe(500);
  });

  it('accepts full-width punctuation and spaces', () => {
    expect(fen(parseMoney('１，２３４．５０'))).toBe(123450);
    expect(fen(parseMoney('１２３４。５'))).toBe(123450);
    expect(fen(parseMoney('  12.30 元 '))).toBe(1230);
    expect(fen(parseMoney('\u300012\u3000'))).toBe(1200);
    expect(fen(parseMoney('¥1,234,567.89元'))).toBe(123456789);
  });

  it('is exact where floating point is not (no 0.1 + 0.2 drift)', () => {
    expect(fen(parseMoney('0.29'))).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(fen(parseMoney('1.15'))).toBe(115);
    expect(fen(parseMoney('4.35'))).toBe(435);
    expect(fen(parseMoney('1005.17'))).toBe(100517);
  });

  it('accepts large amounts exactly', () => {
    expect(fen(parseMoney('1461503.08'))).toBe(146150308);
    expect(fen(parseMoney('90,071,992,547,409.91'))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads plain amounts and cleaned-up ones alike, at the edge of the quick path too', () => {
    for (const [plain, typed] of [['0.5', '０.５'], ['00012.3', '12.30元'], ['9999999999999.99', '9,999,999,999,999.99'], ['10000000000000.01', '¥10000000000000.01'], ['7.', '7']] as const) {
      expect(parseMoney(plain)).toEqual(parseMoney(typed));
    }
    expect(fen(parseMoney('9999999999999.99'))).toBe(999999999999999);
    expect(fen(parseMoney('10000000000000.01'))).toBe(1000000000000001);
  });

  it('refuses amounts too large to count exactly', () => {
    expect(code(parseMoney('90071992547409.92'))).toBe('money.tooLarge');
    expect(code(parseMoney('99999999999999999999'))).toBe('money.tooLarge');
  });

  it('accepts numbers as well as text', () => {
    expect(fen(parseMoney(12.3))).toBe(1230);
    expect(fen(parseMoney(0))).toBe(0);
    expect(fen(parseMoney(1234.5))).toBe(123450);
    expect(code(parseMoney(-5))).toBe('money.negative');
    expect(code(parseMoney(0.1 + 0.2))).toBe('money.tooManyDecimals');
    expect(code(parseMoney(Number.NaN))).toBe('money.format');
  });

  it('refuses more than two decimals rather than rounding', () => {
    expect(parseMoney('1.234')).toEqual({ ok: false, issue: { field: 'amount', code: 'money.tooManyDecimals' } });
    expect(code(parseMoney('0.001'))).toBe('money.tooManyDecimals');
    expect(code(parseMoney('1.230'))).toBe('money.tooManyDecimals');
  });

  it('refuses negative amounts', () => {
    expect(parseMoney('-5')).toEqual({ ok: false, issue: { field: 'amount', code: 'money.negative' } });
    expect(code(parseMoney('−5'))).toBe('money.negative'); // U+2212 minus sign
    expect(code(parseMoney('－5'))).toBe('money.negative'); // full-width hyphen-minus
    expect(code(parseMoney('¥-5'))).toBe('money.negative');
    expect(code(parseMoney('-0.01'))).toBe('money.negative');
  });

  it('refuses thousands separators that are not in groups of three', () => {
    expect(parseMoney('1,23')).toEqual({ ok: false, issue: { field: 'amount', code: 'money.format' } });
    expect(code(parseMoney('1234,567'))).toBe('money.format');
    expect(code(parseMoney('1,2345'))).toBe('money.format');
    expect(code(parseMoney(',123'))).toBe('money.format');
    expect(code(parseMoney('1,234.5,0'))).toBe('money.format');
  });

  it('refuses text that is not an amount', () => {
    for (const raw of ['abc', '12a', '1.2.3', '.', '+5', '1e3', '元12', '12元元', 'NaN']) {
      expect(code(parseMoney(raw))).toBe('money.format');
    }
  });

  it('asks for the field when empty', () => {
    expect(parseMoney('')).toEqual({ ok: false, issue: { field: 'amount', code: 'required' } });
    expect(code(parseMoney('   '))).toBe('required');
    expect(code(parseMoney('\u3000'))).toBe('required');
  });

  it('puts the given field name in the issue', () => {
    expect(parseMoney('x', 'layers.0.amount')).toEqual({ ok: false, issue: { field: 'layers.0.amount', code: 'money.format' } });
  });

  it('round-trips with formatYuan', () => {
    for (const f of [0, 1, 10, 99, 100, 123450, 146150308, 8817275]) {
      expect(fen(parseMoney(formatYuan(f)))).toBe(f);
      expect(fen(parseMoney(formatYuan(f, { grouping: true })))).toBe(f);
    }
  });
});

describe('formatYuan', () => {
  it('shows yuan with two decimals', () => {
    expect(formatYuan(123456)).toBe('1234.56');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatYuan(10)).toBe('0.10');
    expect(formatYuan(100)).toBe('1.00');
    expect(formatYuan(123450)).toBe('1234.50');
  });

  it('groups thousands when asked', () => {
    expect(formatYuan(123456, { grouping: true })).toBe('1,234.56');
    expect(formatYuan(99999, { grouping: true })).toBe('999.99');
    expect(formatYuan(146150308, { grouping: true })).toBe('1,461,503.08');
    expect(formatYuan(100000000000, { grouping: true })).toBe('1,000,000,000.00');
    expect(formatYuan(123456, { grouping: false })).toBe('1234.56');
  });

  it('shows negative amounts (differences) with a leading minus', () => {
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(-123456)).toBe('-1234.56');
    expect(formatYuan(-123456, { grouping: true })).toBe('-1,234.56');
  });

  it('is exact for the largest safe amount', () => {
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });
});

describe('formatWanYuan', () => {
  // 1万元 = 10,000 元 = 1,000,000 分.
  it('shows the sums the articles report, to the fen', () => {
    expect(formatWanYuan(8817275)).toBe('8.817275'); // 8.817275万元 = 88,172.75 元
    expect(formatWanYuan(146150308)).toBe('146.150308'); // 146.150308万元 = 1,461,503.08 元
    expect(formatWanYuan(4338100000)).toBe('4338.1');
    expect(formatWanYuan(881727500)).toBe('881.7275'); // 8,817,275 元
  });

  it('drops trailing zeros and the point for whole 万元', () => {
    expect(formatWanYuan(1_000_000)).toBe('1');
    expect(formatWanYuan(0)).toBe('0');
    expect(formatWanYuan(31_428_800)).toBe('31.4288');
    expect(formatWanYuan(16_600_000)).toBe('16.6');
  });

  it('keeps leading zeros of the fraction', () => {
    expect(formatWanYuan(1)).toBe('0.000001'); // one fen
    expect(formatWanYuan(100)).toBe('0.0001'); // one yuan
    expect(formatWanYuan(10_000)).toBe('0.01'); // one hundred yuan
    expect(formatWanYuan(1_000_001)).toBe('1.000001');
  });

  it('shows negative sums with a leading minus', () => {
    expect(formatWanYuan(-8817275)).toBe('-8.817275');
    expect(formatWanYuan(-1)).toBe('-0.000001');
  });

  it('adds up exactly: the parts of a total format to the total', () => {
    const parts = ['314288.00', '106625.00', '296875.00', '166000.00', '129222.00', '468000.00'].map((y) => fen(parseMoney(y)));
    const total = parts.reduce((a, b) => a + b, 0);
    expect(formatWanYuan(total)).toBe('148.101');
  });
});
