/**
 * The school-aid rule tables (migration 0008): standards per calendar year and the usual age of
 * each 学段. Read for every check; replaced by an administrator through the standards editor,
 * each change an audited write.
 */
import type { Connection, Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { enums, type SchoolAidItem, type SchoolStage, type SchoolTerm } from '../../../shared/domain/enums.js';
import type { SchoolAidStandard } from '../../../shared/domain/school/standard.js';
import { standardTableIssues } from '../../../shared/domain/school/standard.js';
import { stageAgeRangeIssues, type StageAgeRange } from '../../../shared/domain/school/stage-age.js';
import type { ServiceContext } from '../context.js';
import { insertRecord, tombstoneRecord, updateRecord } from '../record-store.js';

interface StandardRecord { id: string; year: number; stage: SchoolStage; item: SchoolAidItem; term: SchoolTerm; amount_fen: number; note: string | null }
interface AgeRecord { id: string; stage: SchoolStage; min_age: number; max_age: number; note: string | null }

const EXAMPLE_NOTE = '示例值，请按当地政策修改';
const rank = (list: readonly string[], value: string) => list.indexOf(value);

export async function loadStandards(conn: Connection, years: readonly number[]): Promise<SchoolAidStandard[]> {
  if (years.length === 0) return [];
  const rows = await conn.all<StandardRecord>(
    `SELECT * FROM school_aid_standard WHERE deleted_at IS NULL AND year IN (${years.map(() => '?').join(', ')})`, [...years],
  );
  return rows.map((r) => ({ year: r.year, stage: r.stage, item: r.item, term: r.term, amountFen: r.amount_fen }));
}

export async function loadAgeRanges(conn: Connection): Promise<StageAgeRange[]> {
  const rows = await conn.all<AgeRecord>('SELECT * FROM school_stage_age WHERE deleted_at IS NULL');
  return rows.map((r) => ({ stage: r.stage, minAge: r.min_age, maxAge: r.max_age }));
}

export async function getStandards(ctx: ServiceContext, input: MethodArgs<'school/standards/get'>): Promise<MethodOutput<'school/standards/get'>> {
  const years = (await ctx.db.all<{ year: number }>('SELECT DISTINCT year FROM school_aid_standard WHERE deleted_at IS NULL ORDER BY year DESC')).map((r) => r.year);
  const year = input.year ?? years[0] ?? ctx.now().getFullYear();
  const rows = await ctx.db.all<StandardRecord>(
    `SELECT * FROM school_aid_standard WHERE deleted_at IS NULL AND year = ? ORDER BY stage, item, term`, [year],
  );
  const ages = await ctx.db.all<AgeRecord>('SELECT * FROM school_stage_age WHERE deleted_at IS NULL');
  return {
    year,
    years,
    // In the enumerations' order (学前 → 高等教育), the order of the printed standards.
    standards: rows
      .sort((a, b) => rank(enums.schoolStage, a.stage) - rank(enums.schoolStage, b.stage)
        || rank(enums.schoolAidItem, a.item) - rank(enums.schoolAidItem, b.item) || rank(enums.schoolTerm, b.term) - rank(enums.schoolTerm, a.term))
      .map((r) => ({ stage: r.stage, item: r.item, term: r.term, amountFen: r.amount_fen })),
    ageRanges: ages.sort((a, b) => rank(enums.schoolStage, a.stage) - rank(enums.schoolStage, b.stage)).map((r) => ({ stage: r.stage, minAge: r.min_age, maxAge: r.max_age })),
    example: [...rows, ...ages].some((r) => r.note === EXAMPLE_NOTE),
  };
}

/** Edited rows lose the example mark: they are now the county's own figures. */
async function replaceStandards(tx: Tx, ctx: ServiceContext, year: number, wanted: MethodArgs<'school/standards/save'>['standards']): Promise<void> {
  const live = await tx.all<StandardRecord>('SELECT * FROM school_aid_standard WHERE deleted_at IS NULL AND year = ?', [year]);
  const byKey = new Map(live.map((r) => [`${r.stage}|${r.item}|${r.term}`, r]));
  for (const w of wanted) {
    const key = `${w.stage}|${w.item}|${w.term}`;
    const existing = byKey.get(key);
    byKey.delete(key);
    if (!existing) await insertRecord(tx, ctx, 'school_aid_standard', { year, stage: w.stage, item: w.item, term: w.term, amount_fen: w.amountFen, note: null });
    else if (existing.amount_fen !== w.amountFen) await updateRecord(tx, ctx, 'school_aid_standard', existing.id, null, { amount_fen: w.amountFen, note: null });
  }
  for (const gone of byKey.values()) await tombstoneRecord(tx, ctx, 'school_aid_standard', gone.id, null, null);
}

async function replaceAgeRanges(tx: Tx, ctx: ServiceContext, wanted: readonly StageAgeRange[]): Promise<void> {
  const live = await tx.all<AgeRecord>('SELECT * FROM school_stage_age WHERE deleted_at IS NULL');
  const byStage = new Map(live.map((r) => [r.stage, r]));
  for (const w of wanted) {
    const existing = byStage.get(w.stage);
    byStage.delete(w.stage);
    if (!existing) await insertRecord(tx, ctx, 'school_stage_age', { stage: w.stage, min_age: w.minAge, max_age: w.maxAge, note: null });
    else if (existing.min_age !== w.minAge || existing.max_age !== w.maxAge) {
      await updateRecord(tx, ctx, 'school_stage_age', existing.id, null, { min_age: w.minAge, max_age: w.maxAge, note: null });
    }
  }
  for (const gone of byStage.values()) await tombstoneRecord(tx, ctx, 'school_stage_age', gone.id, null, null);
}

export async function saveStandards(ctx: ServiceContext, input: MethodArgs<'school/standards/save'>): Promise<{ ok: true }> {
  const issues = [...standardTableIssues(input.standards), ...stageAgeRangeIssues(input.ageRanges)];
  if (issues.length > 0) throw AppError.validation(issues);
  await ctx.db.transaction(async (tx) => {
    await replaceStandards(tx, ctx, input.year, input.standards);
    await replaceAgeRanges(tx, ctx, input.ageRanges);
  });
  return { ok: true };
}
