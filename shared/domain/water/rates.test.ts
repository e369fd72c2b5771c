import { describe, expect, it } from 'vitest';
import { passRatePercent } from './rates.js';

describe('pass rate', () => {
  it('is a percentage with one decimal, rounded half up, and null for nothing counted', () => {
    expect(passRatePercent(0, 0)).toBeNull();
    expect(passRatePercent(1, 1)).toBe('100.0');
    expect(passRatePercent(2, 3)).toBe('66.7');
    expect(passRatePercent(1, 8)).toBe('12.5');
    expect(passRatePercent(0, 5)).toBe('0.0');
    expect(passRatePercent(27, 28)).toBe('96.4');
  });
});
