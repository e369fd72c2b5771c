/** Housing repairs: read one, save (pure rules, then store checks, then the write), delete. */
import type { Connection, Tx } from '../../db/driver.js';
import type { MethodArgs } from '../../../shared/contract/index.js';
import type { HousingPhoto, HousingRepair, RepairDraft } from '../../../shared/contract/housing.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { isEditable, type ReviewState } from '../../../shared/domain/review.js';
import { housingFlags, subsidyTotalFen, validateHousingRepair } from '../../../shared/domain/housing/housing-rules.js';
import { housingStage } from '../../../shared/domain/housing/housing-stage.js';
import { todayOf, type ServiceContext } from '../context.js';
import { insertRecord, tombstoneRecord, updateRecord, type Written } from '../record-store.js';
import { ownershipIssue } from '../review/review-service.js';
import { draftOf, factsOf, REPAIR_SELECT, repairValues, type RepairRecord } from './housing-mapping.js';

interface PhotoRecord { id: string; phase: HousingPhoto['phase']; sha256: string; mime_type: string; original_name: string; bytes: number; created_at: string }

export async function listPhotos(conn: Pick<Connection, 'all'>, repairId: string): Promise<HousingPhoto[]> {
  const rows = await conn.all<PhotoRecord>(
    "SELECT * FROM housing_photo WHERE repair_id = ? AND deleted_at IS NULL ORDER BY CASE phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 ELSE 2 END, created_at",
    [repairId],
  );
  return rows.map((p) => ({ id: p.id, phase: p.phase, sha256: p.sha256, mimeType: p.mime_type, originalName: p.original_name, bytes: p.bytes, createdAt: p.created_at }));
}

export async function getRepair(ctx: ServiceContext, id: string): Promise<HousingRepair> {
  const r = await ctx.db.get<RepairRecord>(`${REPAIR_SELECT} WHERE r.id = ? AND r.deleted_at IS NULL`, [id]);
  if (!r) throw new AppError('not_found', 'not_found');
  const draft = draftOf(r);
  return {
    ...draft, householdId: r.household_id, headName: r.head_name, villageCode: r.village_code, villageName: r.village_name,
    stage: housingStage(draft), flags: housingFlags(draft), subsidyTotalFen: subsidyTotalFen(draft),
    reviewState: r.review_state, reviewReason: r.review_reason, updatedAt: r.updated_at, updatedBy: r.updated_by,
    createdBy: r.created_by, photos: await listPhotos(ctx.db, id),
  };
}

/** Submitted and approved repairs are locked; a clerk changes only their own. */
export function assertRepairEditable(ctx: ServiceContext, review: { review_state: ReviewState; created_by: string }): void {
  if (!isEditable(review.review_state)) throw AppError.validation([issue('householdNo', 'review.locked', { state: review.review_state })]);
  const notOwner = ownershipIssue(ctx, review.created_by);
  if (notOwner) throw AppError.validation([issue('householdNo', notOwner, { owner: review.created_by })]);
}

/** Checks that need the database: the household exists and has no other live repair. */
async function storeIssues(tx: Tx, draft: RepairDraft): Promise<{ issues: FieldIssue[]; householdId: string | null }> {
  const household = await tx.get<{ id: string }>('SELECT id FROM household WHERE household_no = ? AND deleted_at IS NULL', [draft.householdNo]);
  if (!household) return { issues: [issue('householdNo', 'housing.householdUnknown', { householdNo: draft.householdNo })], householdId: null };
  const other = await tx.get<{ id: string }>('SELECT id FROM housing_repair WHERE household_id = ? AND deleted_at IS NULL', [household.id]);
  if (other && other.id !== draft.id) return { issues: [issue('householdNo', 'housing.householdHasRepair', { householdNo: draft.householdNo })], householdId: household.id };
  return { issues: [], householdId: household.id };
}

export interface RepairWrite extends Written {
  existed: boolean;
}

/** Validates and writes one repair inside `tx`; a validation error lists every issue. */
export async function writeRepair(tx: Tx, ctx: ServiceContext, draft: RepairDraft): Promise<RepairWrite> {
  const issues = validateHousingRepair(factsOf(draft), todayOf(ctx));
  const store = await storeIssues(tx, draft);
  issues.push(...store.issues);
  if (issues.length > 0) throw AppError.validation(issues);
  const values = repairValues(draft, store.householdId!);
  if (!draft.id) return { ...(await insertRecord(tx, ctx, 'housing_repair', values)), existed: false };
  const review = await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM housing_repair WHERE id = ? AND deleted_at IS NULL', [draft.id]);
  const written = await updateRecord(tx, ctx, 'housing_repair', draft.id, draft.rowVersion ?? null, values);
  // After the write, inside the transaction: an unchanged re-save of a locked repair passes.
  if (review && written.changed) assertRepairEditable(ctx, review);
  return { ...written, existed: true };
}

export async function saveRepair(ctx: ServiceContext, input: MethodArgs<'housing/save'>): Promise<{ id: string; rowVersion: number }> {
  const written = await ctx.db.transaction((tx) => writeRepair(tx, ctx, input.repair));
  return { id: written.id, rowVersion: written.rowVersion };
}

/** Tombstones the repair and its photo records; the files stay (another record may use them). */
export async function deleteRepair(ctx: ServiceContext, input: MethodArgs<'housing/delete'>): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const review = await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM housing_repair WHERE id = ? AND deleted_at IS NULL', [input.id]);
    if (review) assertRepairEditable(ctx, review);
    await tombstoneRecord(tx, ctx, 'housing_repair', input.id, input.rowVersion, input.reason);
    const photos = await tx.all<{ id: string }>('SELECT id FROM housing_photo WHERE repair_id = ? AND deleted_at IS NULL', [input.id]);
    for (const p of photos) await tombstoneRecord(tx, ctx, 'housing_photo', p.id, null, input.reason);
  });
  return { ok: true };
}
