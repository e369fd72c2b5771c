/**
 * The county's checks on uploaded drinking-water rows: the shared contract and rules the editor
 * runs, and that the stored results agree with what they are derived from. Kept apart from
 * ledger-validators.ts so each ledger's checks stay in one small file.
 */
import type { z } from 'zod';
import type { Query } from './statement-cache.js';
import type { PackageRow } from './streams.js';
import { assessmentDraft, parameterFailure, supplyDraft, testDraft } from '../../shared/contract/water.js';
import { villageBelongsTo } from '../../shared/domain/area-code.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { reviewStates } from '../../shared/domain/review.js';
import { validateAssessmentFacts } from '../../shared/domain/water/assessment.js';
import type { RowContext } from './ledger-validators.js';

const text = (row: PackageRow, column: string) => (row[column] === null || row[column] === undefined ? null : String(row[column]));

function findings(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => issue(i.path.map(String).join('.'), i.code === 'invalid_value' ? 'notInList' : i.code === 'custom' ? i.message : 'invalid'));
}

function reviewIssue(row: PackageRow): FieldIssue[] {
  return (reviewStates as readonly string[]).includes(String(row.review_state)) ? [] : [issue('reviewState', 'notInList', { value: String(row.review_state) })];
}

function json(row: PackageRow, column: string): unknown {
  try {
    return JSON.parse(String(row[column]));
  } catch {
    return undefined;
  }
}

export function validateWaterSupplyRow(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const parsed = supplyDraft.safeParse({
    villageCode: row.village_code, name: row.name, supplyType: row.supply_type, operator: row.operator, smallScale: row.small_scale === 1, note: row.note,
  });
  if (!parsed.success) return findings(parsed.error);
  const village = String(row.village_code);
  return villageBelongsTo(village, ctx.township) ? [] : [issue('villageCode', 'village.notInTownship', { code: village, township: ctx.township })];
}

export function validateWaterAssessmentRow(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const parsed = assessmentDraft.safeParse({
    householdId: row.household_id, assessedOn: row.assessed_on, supplyType: row.supply_type, supplyId: row.supply_id,
    tapInHome: row.tap_in_home === 1, waterScarceArea: row.water_scarce_area === 1, litresPerPersonDay: row.litres_per_person_day,
    tripMinutes: row.trip_minutes, horizontalMetres: row.horizontal_metres, verticalMetres: row.vertical_metres, shortageDays: row.shortage_days,
    onsiteCheck: row.onsite_check, assessor: row.assessor, note: row.note,
  });
  if (!parsed.success) return findings(parsed.error);
  const issues = validateAssessmentFacts(parsed.data);
  const assessedOn = parsed.data.assessedOn;
  if (assessedOn > ctx.today) issues.push(issue('assessedOn', 'water.dateFuture', { date: assessedOn }));
  if (row.year !== Number(assessedOn.slice(0, 4))) issues.push(issue('year', 'sync.derivedMismatch'));
  const allFour = [row.quantity_ok, row.quality_ok, row.convenience_ok, row.reliability_ok].every((v) => v === 1);
  if ((row.passed === 1) !== allFour) issues.push(issue('passed', 'sync.derivedMismatch'));
  if (!['test', 'onsite', 'none'].includes(String(row.quality_source))) issues.push(issue('qualitySource', 'notInList', { value: String(row.quality_source) }));
  return [...issues, ...reviewIssue(row)];
}

export function validateWaterTestRow(row: PackageRow, ctx: RowContext): FieldIssue[] {
  const parsed = testDraft.safeParse({
    supplyId: row.supply_id, sampledOn: row.sampled_on, testKind: row.kind, lab: row.lab, labCma: row.lab_cma === 1, testPlace: row.place,
    placeNote: row.place_note, values: json(row, 'values_json'), note: row.note,
  });
  if (!parsed.success) return findings(parsed.error);
  const issues: FieldIssue[] = [];
  if (parsed.data.sampledOn > ctx.today) issues.push(issue('sampledOn', 'water.dateFuture', { date: parsed.data.sampledOn }));
  const failures = parameterFailure.array().safeParse(json(row, 'failures_json'));
  if (!failures.success) issues.push(issue('failures', 'invalid'));
  else if ((row.passed === 1) !== (failures.data.length === 0)) issues.push(issue('passed', 'sync.derivedMismatch'));
  return [...issues, ...reviewIssue(row)];
}

export async function waterSupplyCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  const other = await q.get('SELECT id FROM water_supply WHERE village_code = ? AND name = ? AND deleted_at IS NULL AND id <> ?', [text(row, 'village_code'), text(row, 'name'), text(row, 'id')]);
  return other ? [issue('supplyName', 'water.supplyNameTaken', { name: String(row.name) })] : [];
}

/** One assessment per household and year; its supply (optional, so not a parent link) must be held. */
export async function waterAssessmentCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const other = await q.get<{ assessed_on: string }>(
    'SELECT assessed_on FROM water_assessment WHERE household_id = ? AND year = ? AND deleted_at IS NULL AND id <> ?',
    [text(row, 'household_id'), row.year as number, text(row, 'id')],
  );
  if (other) issues.push(issue('assessedOn', 'water.assessmentExists', { year: Number(row.year), date: other.assessed_on }));
  const supplyId = text(row, 'supply_id');
  if (supplyId && !(await q.get('SELECT id FROM water_supply WHERE id = ? AND deleted_at IS NULL', [supplyId]))) issues.push(issue('supplyId', 'water.supplyUnknown'));
  return issues;
}

export async function noWaterTestCollisions(): Promise<FieldIssue[]> {
  return [];
}
