import { describe, expect, it } from 'vitest';
import { applyBp, bpToPercentText, exceedsBp, shareBp } from './basis-points.js';

describe('applyBp (round half up to the fen)', () => {
  it('rounds .5 up and below .5 down', () => {
    expect(applyBp(1005, 5000)).toBe(503); // 502.5 → 503
    expect(applyBp(1003, 5000)).toBe(502); // 501.5 → 502
    expect(applyBp(30346, 1000)).toBe(3035); // 3034.6 → 3035
    expect(applyBp(30344, 1000)).toBe(3034); // 3034.4 → 3034
    expect(applyBp(103457, 9000)).toBe(93111); // 93111.3 → 93111
  });

  it('keeps the edges exact', () => {
    expect(applyBp(0, 8000)).toBe(0);
    expect(applyBp(123456, 0)).toBe(0);
    expect(applyBp(123456, 10000)).toBe(123456);
    // Large amounts stay exact (BigInt inside): 9e13 fen × 33.33 %.
    expect(applyBp(90_000_000_000_000, 3333)).toBe(29_997_000_000_000);
  });

  it('refuses non-integer or negative input', () => {
    expect(() => applyBp(10.5, 5000)).toThrow(RangeError);
    expect(() => applyBp(-1, 5000)).toThrow(RangeError);
    expect(() => applyBp(100, 50.5)).toThrow(RangeError);
  });
});

describe('integer arithmetic without BigInt where it is exact', () => {
  it('agrees with BigInt on random amounts, including near 2^53', () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * max);
    };
    const bigApply = (fen: number, bp: number) => Number((BigInt(fen) * BigInt(bp) + 5_000n) / 10_000n);
    const bigShare = (part: number, whole: number) => (whole === 0 ? 0 : Number((BigInt(part) * 20_000n + BigInt(whole)) / (BigInt(whole) * 2n)));
    const amounts = [0, 1, 4_999, 5_000, 9_999, Math.floor(2 ** 53 / 10_000) - 1, Math.floor(2 ** 53 / 10_000) + 1, 450_359_962_737_049, Number.MAX_SAFE_INTEGER - 1_000_000];
    for (let i = 0; i < 20_000; i++) amounts.push(random(2 ** 31) * (i % 3 === 0 ? 1 : 4_000));
    for (const fen of amounts) {
      const bp = random(10_001);
      expect(applyBp(fen, bp)).toBe(bigApply(fen, bp));
      const whole = fen + random(1_000_000);
      const part = Math.min(whole, random(2 ** 31));
      expect(shareBp(part, whole)).toBe(bigShare(part, whole));
    }
  });
});

describe('shareBp / exceedsBp', () => {
  it('gives the share in bp, half up, 0 of nothing', () => {
    expect(shareBp(51840, 2200000)).toBe(236); // 235.636… bp
    expect(shareBp(1, 3)).toBe(3333); // 3333.33…
    expect(shareBp(2, 3)).toBe(6667); // 6666.66…
    expect(shareBp(1, 20000)).toBe(1); // 0.5 bp → 1
    expect(shareBp(0, 0)).toBe(0);
  });

  it('compares exactly, before rounding', () => {
    expect(exceedsBp(10000, 100000, 1000)).toBe(false); // exactly 10 %
    expect(exceedsBp(10001, 100000, 1000)).toBe(true); // 10.001 % rounds to 1000 bp but is above
  });
});

describe('bpToPercentText', () => {
  it('drops trailing zeros', () => {
    expect(bpToPercentText(1000)).toBe('10');
    expect(bpToPercentText(1250)).toBe('12.5');
    expect(bpToPercentText(1001)).toBe('10.01');
    expect(bpToPercentText(5)).toBe('0.05');
    expect(bpToPercentText(0)).toBe('0');
  });
});
