/**
 * The thresholds and limits tables (migration 0010), per policy year: read for every verdict,
 * edited by an administrator through the record store, so each change is audited. The rules of
 * a year are those of the latest policy year up to it; years before the first use the first.
 */
import type { Connection, Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { WaterThresholds } from '../../../shared/domain/water/assessment.js';
import type { WaterLimit } from '../../../shared/domain/water/limits.js';
import type { LimitPlace, SupplyScale, WaterParameter } from '../../../shared/domain/water/vocabulary.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { compareDecimal } from '../../../shared/domain/water/decimal.js';
import type { ServiceContext } from '../context.js';
import { insertRecord, tombstoneRecord, updateRecord } from '../record-store.js';

const THRESHOLD_KEYS: Record<keyof WaterThresholds, string> = {
  minLitresPerPersonDay: 'min_litres_per_person_day',
  minLitresPerPersonDayScarce: 'min_litres_per_person_day_scarce',
  maxTripMinutes: 'max_trip_minutes',
  maxHorizontalMetres: 'max_horizontal_metres',
  maxVerticalMetres: 'max_vertical_metres',
  maxShortageDays: 'max_shortage_days',
};

type RulesTable = 'water_threshold' | 'water_limit';

/** The policy year whose rules apply to `year`. */
export async function policyYearFor(conn: Connection, table: RulesTable, year: number): Promise<number> {
  const row = await conn.get<{ year: number | null }>(
    `SELECT coalesce((SELECT max(year) FROM ${table} WHERE year <= ? AND deleted_at IS NULL),
                     (SELECT min(year) FROM ${table} WHERE deleted_at IS NULL)) AS year`,
    [year],
  );
  // The migration seeds a policy year and the editor never removes a whole year: none is a damaged table.
  if (row?.year === null || row?.year === undefined) throw new AppError('internal', 'internal', { table });
  return row.year;
}

export async function loadThresholds(conn: Connection, year: number): Promise<WaterThresholds> {
  const policy = await policyYearFor(conn, 'water_threshold', year);
  const rows = await conn.all<{ key: string; value: number }>('SELECT key, value FROM water_threshold WHERE year = ? AND deleted_at IS NULL', [policy]);
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const entries = Object.entries(THRESHOLD_KEYS).map(([field, key]) => {
    const value = byKey.get(key);
    if (value === undefined) throw new AppError('internal', 'internal', { table: 'water_threshold', key });
    return [field, value];
  });
  return Object.fromEntries(entries) as WaterThresholds;
}

interface LimitRecord {
  id: string; row_version: number; parameter: WaterParameter; scale: SupplyScale; place: LimitPlace;
  min_value: string | null; max_value: string | null; not_detected: number; note: string | null;
}

async function limitRecords(conn: Connection, policy: number): Promise<LimitRecord[]> {
  return conn.all<LimitRecord>('SELECT * FROM water_limit WHERE year = ? AND deleted_at IS NULL ORDER BY parameter, scale, place', [policy]);
}

export async function loadLimits(conn: Connection, year: number): Promise<WaterLimit[]> {
  return (await limitRecords(conn, await policyYearFor(conn, 'water_limit', year))).map((r) => ({
    parameter: r.parameter, scale: r.scale, place: r.place, min: r.min_value, max: r.max_value, notDetected: r.not_detected === 1,
  }));
}

/** Rules for many years in one import: each policy year read once. */
export function rulesCache(conn: Connection) {
  const thresholds = new Map<number, Promise<WaterThresholds>>();
  const limits = new Map<number, Promise<WaterLimit[]>>();
  return {
    thresholds(year: number) {
      if (!thresholds.has(year)) thresholds.set(year, loadThresholds(conn, year));
      return thresholds.get(year)!;
    },
    limits(year: number) {
      if (!limits.has(year)) limits.set(year, loadLimits(conn, year));
      return limits.get(year)!;
    },
  };
}

export async function getRules(ctx: ServiceContext, input: MethodArgs<'water/rules/get'>): Promise<MethodOutput<'water/rules/get'>> {
  const reader = ctx.db.reader;
  const policy = await policyYearFor(reader, 'water_threshold', input.year);
  const [thresholds, limits, years] = await Promise.all([
    loadThresholds(reader, input.year),
    limitRecords(reader, await policyYearFor(reader, 'water_limit', input.year)),
    reader.all<{ year: number }>(`SELECT year FROM water_threshold WHERE deleted_at IS NULL UNION SELECT year FROM water_limit WHERE deleted_at IS NULL ORDER BY year`),
  ]);
  return {
    policyYear: policy,
    years: years.map((y) => y.year),
    thresholds,
    limits: limits.map((r) => ({
      id: r.id, rowVersion: r.row_version, parameter: r.parameter, scale: r.scale, place: r.place,
      min: r.min_value, max: r.max_value, notDetected: r.not_detected === 1, note: r.note,
    })),
  };
}

export async function saveThresholds(ctx: ServiceContext, input: MethodArgs<'water/thresholds/save'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    for (const [field, key] of Object.entries(THRESHOLD_KEYS)) {
      const value = input[field as keyof WaterThresholds];
      const row = await tx.get<{ id: string }>('SELECT id FROM water_threshold WHERE year = ? AND key = ? AND deleted_at IS NULL', [input.year, key]);
      if (row) await updateRecord(tx, ctx, 'water_threshold', row.id, null, { value });
      else await insertRecord(tx, ctx, 'water_threshold', { year: input.year, key, value, note: null });
    }
  });
  return { ok: true };
}

type LimitInput = MethodArgs<'water/limits/save'>['limits'];

function limitIssues(limits: LimitInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  limits.forEach((l, i) => {
    if (l.min === null && l.max === null && !l.notDetected) issues.push(issue(`limits.${i}.max`, 'water.limitEmpty'));
    if (l.min !== null && l.max !== null && compareDecimal(l.min, l.max) > 0) issues.push(issue(`limits.${i}.min`, 'water.limitMinAboveMax'));
    const key = `${l.parameter}/${l.scale}/${l.place}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push(issue(`limits.${i}.parameter`, 'water.limitDuplicate', { row: first + 1 }));
    else seen.set(key, i);
  });
  return issues;
}

/** Rows of this policy year are updated or removed; rows shown from another year become this year's own. */
async function writeLimits(tx: Tx, ctx: ServiceContext, year: number, limits: LimitInput): Promise<void> {
  const live = await tx.all<{ id: string }>('SELECT id FROM water_limit WHERE year = ? AND deleted_at IS NULL', [year]);
  const own = new Set(live.map((r) => r.id));
  const kept = new Set(limits.flatMap((l) => (l.id && own.has(l.id) ? [l.id] : [])));
  // Removed rows first: a row re-added under the same parameter, scale and place must not meet its old self.
  for (const row of live) if (!kept.has(row.id)) await tombstoneRecord(tx, ctx, 'water_limit', row.id, null, null);
  for (const l of limits) {
    const values = {
      parameter: l.parameter, scale: l.scale, place: l.place, min_value: l.min, max_value: l.max, not_detected: l.notDetected ? 1 : 0, note: l.note,
    };
    if (l.id && kept.has(l.id)) await updateRecord(tx, ctx, 'water_limit', l.id, l.rowVersion ?? null, values);
    else await insertRecord(tx, ctx, 'water_limit', { year, ...values });
  }
}

export async function saveLimits(ctx: ServiceContext, input: MethodArgs<'water/limits/save'>): Promise<{ ok: true }> {
  const issues = limitIssues(input.limits);
  if (issues.length > 0) throw AppError.validation(issues);
  await ctx.db.transaction((tx) => writeLimits(tx, ctx, input.year, input.limits));
  return { ok: true };
}
