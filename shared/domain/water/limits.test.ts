import { describe, expect, it } from 'vitest';
import { bindingLimits, judgeTest, type WaterLimit } from './limits.js';
import { compareDecimal, parseMeasured, subtractDecimal } from './decimal.js';

// The defaults of the domain guide (GB 5749-2022), as the migration seeds them.
const limits: WaterLimit[] = [
  { parameter: 'total_coliforms', scale: 'standard', place: 'any', min: null, max: null, notDetected: true },
  { parameter: 'e_coli', scale: 'standard', place: 'any', min: null, max: null, notDetected: true },
  { parameter: 'total_bacteria', scale: 'standard', place: 'any', min: null, max: '100', notDetected: false },
  { parameter: 'turbidity', scale: 'standard', place: 'any', min: null, max: '1', notDetected: false },
  { parameter: 'turbidity', scale: 'small', place: 'any', min: null, max: '3', notDetected: false },
  { parameter: 'ph', scale: 'standard', place: 'any', min: '6.5', max: '8.5', notDetected: false },
  { parameter: 'free_chlorine', scale: 'standard', place: 'tap', min: '0.05', max: null, notDetected: false },
  { parameter: 'free_chlorine', scale: 'standard', place: 'works', min: null, max: '2', notDetected: false },
  { parameter: 'fluoride', scale: 'standard', place: 'any', min: null, max: '1.0', notDetected: false },
  { parameter: 'nitrate_n', scale: 'standard', place: 'any', min: null, max: '10', notDetected: false },
  { parameter: 'nitrate_n', scale: 'small', place: 'any', min: null, max: '20', notDetected: false },
  { parameter: 'arsenic', scale: 'standard', place: 'any', min: null, max: '0.01', notDetected: false },
  { parameter: 'tds', scale: 'standard', place: 'any', min: null, max: '1000', notDetected: false },
  { parameter: 'hardness', scale: 'standard', place: 'any', min: null, max: '450', notDetected: false },
];

describe('decimal values', () => {
  it('keeps the lab figures exact', () => {
    expect(subtractDecimal('1.3', '1')).toBe('0.3');
    expect(subtractDecimal('0.05', '0.012')).toBe('0.038');
    expect(subtractDecimal('0.1', '0.3')).toBe('-0.2');
    expect(compareDecimal('1.0', '1')).toBe(0);
    expect(compareDecimal('0.011', '0.01')).toBe(1);
    expect(parseMeasured('未检出')).toEqual({ kind: 'notDetected' });
    expect(parseMeasured('１.２０')).toEqual({ kind: 'number', text: '1.20' });
    expect(parseMeasured('abc')).toBeNull();
  });
});

describe('each parameter against its limit', () => {
  const judge = (parameter: WaterLimit['parameter'], value: string, scale: 'standard' | 'small' = 'standard', place: 'works' | 'tap' = 'tap') =>
    judgeTest([{ parameter, value }], limits, scale, place);

  it('coliforms and E. coli must not be detected: a count fails by that count', () => {
    expect(judge('total_coliforms', 'ND').passed).toBe(true);
    expect(judge('total_coliforms', '0').passed).toBe(true);
    expect(judge('total_coliforms', '3').failures).toEqual([{ parameter: 'total_coliforms', value: '3', bound: 'notDetected', limit: '0', excess: '3' }]);
    expect(judge('e_coli', '1').passed).toBe(false);
  });
  it('total bacteria, fluoride, arsenic, dissolved solids and hardness have a maximum', () => {
    expect(judge('total_bacteria', '100').passed).toBe(true);
    expect(judge('total_bacteria', '130').failures[0]).toMatchObject({ bound: 'max', limit: '100', excess: '30' });
    expect(judge('fluoride', '1.2').failures[0]).toMatchObject({ bound: 'max', excess: '0.2' });
    expect(judge('arsenic', '0.01').passed).toBe(true);
    expect(judge('arsenic', '0.015').failures[0]).toMatchObject({ excess: '0.005' });
    expect(judge('tds', '1001').failures[0]).toMatchObject({ excess: '1' });
    expect(judge('hardness', '450').passed).toBe(true);
    expect(judge('hardness', '500').passed).toBe(false);
  });
  it('turbidity and nitrate are looser for small and dispersed supplies', () => {
    expect(judge('turbidity', '2').failures[0]).toMatchObject({ limit: '1', excess: '1' });
    expect(judge('turbidity', '2', 'small').passed).toBe(true);
    expect(judge('turbidity', '3.5', 'small').failures[0]).toMatchObject({ limit: '3', excess: '0.5' });
    expect(judge('nitrate_n', '15').passed).toBe(false);
    expect(judge('nitrate_n', '15', 'small').passed).toBe(true);
  });
  it('pH has both bounds', () => {
    expect(judge('ph', '7.2').passed).toBe(true);
    expect(judge('ph', '6.2').failures).toEqual([{ parameter: 'ph', value: '6.2', bound: 'min', limit: '6.5', excess: '0.3' }]);
    expect(judge('ph', '9').failures[0]).toMatchObject({ bound: 'max', excess: '0.5' });
  });
  it('free chlorine: a minimum at the tap, a maximum at the works', () => {
    expect(judge('free_chlorine', '0.03', 'standard', 'tap').failures[0]).toMatchObject({ bound: 'min', limit: '0.05', excess: '0.02' });
    expect(judge('free_chlorine', 'ND', 'standard', 'tap').failures[0]).toMatchObject({ bound: 'min', excess: '0.05' });
    expect(judge('free_chlorine', '0.03', 'standard', 'works').passed).toBe(true);
    expect(judge('free_chlorine', '2.5', 'standard', 'works').failures[0]).toMatchObject({ bound: 'max', excess: '0.5' });
    expect(judge('free_chlorine', '2.5', 'standard', 'tap').passed).toBe(true);
    expect(bindingLimits(limits, 'free_chlorine', 'standard', 'works')).toHaveLength(1);
  });
  it('reports a parameter with no limit as unjudged instead of passing it silently', () => {
    expect(judgeTest([{ parameter: 'ph', value: '7' }], [], 'standard', 'tap')).toEqual({ passed: true, failures: [], unjudged: ['ph'] });
  });
  it('follows the limits it is given', () => {
    const strict = limits.map((l) => (l.parameter === 'fluoride' ? { ...l, max: '0.5' } : l));
    expect(judgeTest([{ parameter: 'fluoride', value: '0.8' }], strict, 'standard', 'tap').failures[0]).toMatchObject({ limit: '0.5', excess: '0.3' });
  });
  it('a test fails when any one parameter fails and lists every failure', () => {
    const verdict = judgeTest([
      { parameter: 'ph', value: '7.0' }, { parameter: 'turbidity', value: '1.5' }, { parameter: 'e_coli', value: 'ND' }, { parameter: 'fluoride', value: '1.4' },
    ], limits, 'standard', 'works');
    expect(verdict.passed).toBe(false);
    expect(verdict.failures.map((f) => [f.parameter, f.excess])).toEqual([['turbidity', '0.5'], ['fluoride', '0.4']]);
  });
});
