/**
 * Judging a water test against the limits table (defaults after GB 5749-2022, seeded by
 * migration 0010 and editable by an administrator). Pure: the service passes the limits in.
 */
import { compareDecimal, parseMeasured, subtractDecimal } from './decimal.js';
import type { LimitPlace, SupplyScale, TestPlace, WaterParameter } from './vocabulary.js';

export interface WaterLimit {
  parameter: WaterParameter;
  /** `small`: applies instead of the standard row to small centralized and dispersed supplies. */
  scale: SupplyScale;
  place: LimitPlace;
  /** Decimal text; null when there is no lower bound. */
  min: string | null;
  max: string | null;
  /** Must not be detected at all (coliforms). */
  notDetected: boolean;
}

export interface MeasuredParameter {
  parameter: WaterParameter;
  /** Decimal text or ND (未检出). */
  value: string;
}

export type LimitBound = 'max' | 'min' | 'notDetected';

/** One parameter outside its limit: which bound and by how much (in the parameter's unit). */
export interface ParameterFailure {
  parameter: WaterParameter;
  value: string;
  bound: LimitBound;
  /** The bound's value; "0" for notDetected. */
  limit: string;
  /** How far outside: value − max, min − value, or the detected count. Always positive. */
  excess: string;
}

export interface TestVerdict {
  passed: boolean;
  failures: ParameterFailure[];
  /** Parameters measured but with no limit in the table: reported, not judged. */
  unjudged: WaterParameter[];
}

/**
 * The limits that bind a sample: for each place the limit is written for (any, or the sample's
 * own place), the small-supply row when the supply is small and one exists, else the standard row.
 */
export function bindingLimits(limits: readonly WaterLimit[], parameter: WaterParameter, scale: SupplyScale, place: TestPlace): WaterLimit[] {
  const chosen: WaterLimit[] = [];
  for (const where of ['any', place] as const) {
    const rows = limits.filter((l) => l.parameter === parameter && l.place === where);
    const row = (scale === 'small' ? rows.find((l) => l.scale === 'small') : undefined) ?? rows.find((l) => l.scale === 'standard');
    if (row) chosen.push(row);
  }
  return chosen;
}

function checkOne(measured: MeasuredParameter, limit: WaterLimit): ParameterFailure[] {
  const value = parseMeasured(measured.value);
  if (!value) return [];
  const failures: ParameterFailure[] = [];
  const fail = (bound: LimitBound, bar: string, excess: string) =>
    failures.push({ parameter: measured.parameter, value: measured.value, bound, limit: bar, excess });
  if (limit.notDetected && value.kind === 'number' && compareDecimal(value.text, '0') > 0) fail('notDetected', '0', value.text);
  if (limit.max !== null && value.kind === 'number' && compareDecimal(value.text, limit.max) > 0) {
    fail('max', limit.max, subtractDecimal(value.text, limit.max));
  }
  if (limit.min !== null) {
    // Not detected is below any positive minimum (no residual chlorine at the tap).
    const seen = value.kind === 'number' ? value.text : '0';
    if (compareDecimal(seen, limit.min) < 0) fail('min', limit.min, subtractDecimal(limit.min, seen));
  }
  return failures;
}

export function judgeTest(values: readonly MeasuredParameter[], limits: readonly WaterLimit[], scale: SupplyScale, place: TestPlace): TestVerdict {
  const failures: ParameterFailure[] = [];
  const unjudged: WaterParameter[] = [];
  for (const measured of values) {
    const binding = bindingLimits(limits, measured.parameter, scale, place);
    if (binding.length === 0) unjudged.push(measured.parameter);
    for (const limit of binding) failures.push(...checkOne(measured, limit));
  }
  return { passed: failures.length === 0, failures, unjudged };
}
