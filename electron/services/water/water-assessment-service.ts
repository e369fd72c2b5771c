/**
 * Household assessments: the facts are checked, the four indicators computed from them, the
 * thresholds table and the latest test of the supply, and the results stored with the facts.
 */
import type { Connection, Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { Assessment, AssessmentDraft } from '../../../shared/contract/water.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { villageBelongsTo } from '../../../shared/domain/area-code.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { assessHousehold, validateAssessmentFacts, type AssessmentVerdict, type SupplyTestEvidence, type WaterThresholds } from '../../../shared/domain/water/assessment.js';
import { todayOf, type ServiceContext } from '../context.js';
import { insertRecord, tombstoneRecord, updateRecord, type Written } from '../record-store.js';
import { requireTownship } from '../settings-service.js';
import { assertEditable } from './water-lock.js';
import { ASSESSMENT_SELECT, assessmentValues, toAssessment, type AssessmentRecord } from './water-mapping.js';
import { loadThresholds } from './water-rules.js';

export async function getAssessment(ctx: ServiceContext, id: string): Promise<Assessment> {
  const row = await ctx.db.get<AssessmentRecord>(`${ASSESSMENT_SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('not_found', 'not_found');
  return toAssessment(row);
}

/** The newest test of the supply sampled on or before the day of the assessment. */
export async function latestSupplyTest(conn: Connection, supplyId: string, onOrBefore: string): Promise<SupplyTestEvidence | null> {
  const row = await conn.get<{ id: string; sampled_on: string; passed: number }>(
    `SELECT id, sampled_on, passed FROM water_test WHERE supply_id = ? AND deleted_at IS NULL AND sampled_on <= ?
     ORDER BY sampled_on DESC, created_at DESC LIMIT 1`,
    [supplyId, onOrBefore],
  );
  return row ? { id: row.id, sampledOn: row.sampled_on, passed: row.passed === 1 } : null;
}

/** Pure rules, then what needs the database: the household, the supply, one assessment a year. */
export async function assessmentIssues(tx: Tx, township: string, draft: AssessmentDraft, today: string): Promise<FieldIssue[]> {
  const issues = validateAssessmentFacts(draft);
  if (draft.assessedOn > today) issues.push(issue('assessedOn', 'water.dateFuture', { date: draft.assessedOn }));
  const household = await tx.get<{ village_code: string }>('SELECT village_code FROM household WHERE id = ? AND deleted_at IS NULL', [draft.householdId]);
  if (!household || !villageBelongsTo(household.village_code, township)) issues.push(issue('householdId', 'water.householdUnknown'));
  if (draft.supplyId) {
    const supply = await tx.get('SELECT id FROM water_supply WHERE id = ? AND deleted_at IS NULL', [draft.supplyId]);
    if (!supply) issues.push(issue('supplyId', 'water.supplyUnknown'));
  }
  const year = Number(draft.assessedOn.slice(0, 4));
  const other = await tx.get<{ id: string; assessed_on: string }>(
    'SELECT id, assessed_on FROM water_assessment WHERE household_id = ? AND year = ? AND deleted_at IS NULL', [draft.householdId, year],
  );
  if (other && other.id !== draft.id) issues.push(issue('assessedOn', 'water.assessmentExists', { year, date: other.assessed_on }));
  return issues;
}

export interface AssessmentWrite extends Written {
  existed: boolean;
  verdict: AssessmentVerdict;
}

export async function writeAssessment(tx: Tx, ctx: ServiceContext, draft: AssessmentDraft, thresholds: WaterThresholds): Promise<AssessmentWrite> {
  const latest = draft.supplyId ? await latestSupplyTest(tx, draft.supplyId, draft.assessedOn) : null;
  const verdict = assessHousehold(draft, thresholds, latest);
  const values = assessmentValues(draft, verdict);
  if (draft.id) {
    const written = await updateRecord(tx, ctx, 'water_assessment', draft.id, draft.rowVersion ?? null, values);
    // An unchanged re-save (a re-import of the same sheet) of a locked record passes; a change needs it editable.
    if (written.changed) await assertEditable(tx, ctx, 'water_assessment', draft.id, 'assessedOn');
    return { ...written, existed: true, verdict };
  }
  return { ...(await insertRecord(tx, ctx, 'water_assessment', values)), existed: false, verdict };
}

export async function checkAssessment(tx: Tx, ctx: ServiceContext, township: string, draft: AssessmentDraft, today: string): Promise<void> {
  const issues = await assessmentIssues(tx, township, draft, today);
  if (issues.length > 0) throw AppError.validation(issues);
}

export async function saveAssessment(ctx: ServiceContext, input: MethodArgs<'water/assessments/save'>): Promise<MethodOutput<'water/assessments/save'>> {
  const township = await requireTownship(ctx);
  const today = todayOf(ctx);
  const written = await ctx.db.transaction(async (tx) => {
    await checkAssessment(tx, ctx, township, input, today);
    return writeAssessment(tx, ctx, input, await loadThresholds(tx, Number(input.assessedOn.slice(0, 4))));
  });
  const { indicators } = written.verdict;
  return {
    id: written.id, rowVersion: written.rowVersion, passed: written.verdict.passed,
    results: { quantity: indicators.quantity.passed, quality: indicators.quality.passed, convenience: indicators.convenience.passed, reliability: indicators.reliability.passed },
  };
}

export async function deleteAssessment(ctx: ServiceContext, input: MethodArgs<'water/assessments/delete'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    await assertEditable(tx, ctx, 'water_assessment', input.id, 'assessedOn');
    await tombstoneRecord(tx, ctx, 'water_assessment', input.id, input.rowVersion, input.reason);
  });
  return { ok: true };
}
