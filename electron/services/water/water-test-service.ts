/**
 * Water tests: each parameter judged against the limits table; a failed test marks the
 * households assessed on its supply for re-assessment, in the same transaction.
 */
import type { Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { TestDraft, WaterTest } from '../../../shared/contract/water.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { judgeTest, type TestVerdict, type WaterLimit } from '../../../shared/domain/water/limits.js';
import { todayOf, type ServiceContext } from '../context.js';
import { insertRecord, tombstoneRecord, updateRecord, type Written } from '../record-store.js';
import { assertEditable } from './water-lock.js';
import { TEST_SELECT, testValues, toTest, type TestRecord } from './water-mapping.js';
import { loadLimits } from './water-rules.js';

export async function getTest(ctx: ServiceContext, id: string): Promise<WaterTest> {
  const row = await ctx.db.get<TestRecord>(`${TEST_SELECT} WHERE t.id = ? AND t.deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('not_found', 'not_found');
  return toTest(row);
}

export async function testIssues(tx: Tx, draft: TestDraft, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const supply = await tx.get('SELECT id FROM water_supply WHERE id = ? AND deleted_at IS NULL', [draft.supplyId]);
  if (!supply) issues.push(issue('supplyId', 'water.supplyUnknown'));
  if (draft.sampledOn > today) issues.push(issue('sampledOn', 'water.dateFuture', { date: draft.sampledOn }));
  const seen = new Map<string, number>();
  draft.values.forEach((v, i) => {
    const first = seen.get(v.parameter);
    if (first !== undefined) issues.push(issue(`values.${i}.parameter`, 'water.parameterTwice', { row: first + 1 }));
    else seen.set(v.parameter, i);
  });
  return issues;
}

/**
 * Live assessments on this supply made on or before the day of the sample, each the newest of
 * its household (an older year's assessment is history, not something to redo).
 */
async function markForReassessment(tx: Tx, ctx: ServiceContext, supplyId: string, sampledOn: string, testId: string): Promise<number> {
  const rows = await tx.all<{ id: string }>(
    `SELECT a.id FROM water_assessment a
     WHERE a.supply_id = ? AND a.deleted_at IS NULL AND a.assessed_on <= ? AND a.needs_reassessment = 0
       AND NOT EXISTS (SELECT 1 FROM water_assessment b WHERE b.household_id = a.household_id AND b.deleted_at IS NULL AND b.year > a.year)`,
    [supplyId, sampledOn],
  );
  for (const row of rows) {
    await updateRecord(tx, ctx, 'water_assessment', row.id, null, { needs_reassessment: 1, reassessment_test_id: testId });
  }
  return rows.length;
}

export interface TestWrite extends Written {
  existed: boolean;
  verdict: TestVerdict;
  marked: number;
}

export async function writeTest(tx: Tx, ctx: ServiceContext, draft: TestDraft, limits: readonly WaterLimit[]): Promise<TestWrite> {
  const supply = await tx.get<{ supply_type: string; small_scale: number }>('SELECT supply_type, small_scale FROM water_supply WHERE id = ?', [draft.supplyId]);
  const scale = supply && (supply.small_scale === 1 || supply.supply_type === 'dispersed') ? 'small' : 'standard';
  const verdict = judgeTest(draft.values, limits, scale, draft.testPlace);
  const values = testValues(draft, verdict);
  let written: Written;
  if (draft.id) {
    written = await updateRecord(tx, ctx, 'water_test', draft.id, draft.rowVersion ?? null, values);
    if (written.changed) await assertEditable(tx, ctx, 'water_test', draft.id, 'sampledOn');
  } else {
    written = await insertRecord(tx, ctx, 'water_test', values);
  }
  const marked = !verdict.passed && written.changed ? await markForReassessment(tx, ctx, draft.supplyId, draft.sampledOn, written.id) : 0;
  return { ...written, existed: Boolean(draft.id), verdict, marked };
}

export async function saveTest(ctx: ServiceContext, input: MethodArgs<'water/tests/save'>): Promise<MethodOutput<'water/tests/save'>> {
  const today = todayOf(ctx);
  const written = await ctx.db.transaction(async (tx) => {
    const issues = await testIssues(tx, input, today);
    if (issues.length > 0) throw AppError.validation(issues);
    return writeTest(tx, ctx, input, await loadLimits(tx, Number(input.sampledOn.slice(0, 4))));
  });
  return { id: written.id, rowVersion: written.rowVersion, passed: written.verdict.passed, failures: written.verdict.failures, markedForReassessment: written.marked };
}

export async function deleteTest(ctx: ServiceContext, input: MethodArgs<'water/tests/delete'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    await assertEditable(tx, ctx, 'water_test', input.id, 'sampledOn');
    await tombstoneRecord(tx, ctx, 'water_test', input.id, input.rowVersion, input.reason);
  });
  return { ok: true };
}
