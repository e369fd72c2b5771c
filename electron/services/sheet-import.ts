/**
 * Sheet imports. One path for preview and commit: the import runs inside a transaction and a
 * preview rolls it back, so the preview's counts are exactly what a commit would do.
 * All or nothing unless `skipInvalid`; then the rejected rows come back as a CSV with reasons.
 */
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { ImportSummary } from '../../shared/contract/transfer.js';
import type { SheetData } from '../sheets/read-sheet.js';
import { todayOf, type ServiceContext } from './context.js';
import { writeHousehold, checkHousehold } from './household-service.js';
import { isPersonHeader, planPersonImport, type ImportPlan } from './person-import-plan.js';
import { requireTownship } from './settings-service.js';
import { commitSheet, readUpload, type ImportMode, type SheetImportRun } from './sheet-import-run.js';
import { commitWaterImport, previewWaterImport } from './water/water-import.js';
import { commitHousingImport, previewHousingImport } from './housing/housing-sheet-import.js';
import { commitSchoolImport, previewSchoolImport } from './school/school-sheet-import.js';
import { commitMedicalImport, previewMedicalImport } from './medical/medical-sheet-import.js';

type Upload = MethodArgs<'import/preview'>;
type CommitResult = MethodOutput<'import/commit'>;

class PreviewRollback extends Error {
  constructor(readonly run: SheetImportRun) {
    super('preview');
  }
}

function emptySummary(plan: ImportPlan): ImportSummary {
  return {
    rows: plan.rowCount,
    validRows: plan.validRowNumbers.size,
    households: { added: 0, updated: 0, unchanged: 0 },
    persons: { added: 0, updated: 0, unchanged: 0 },
    issues: plan.issues,
    ignoredColumns: plan.ignoredColumns,
  };
}

async function runImport(ctx: ServiceContext, sheet: SheetData, mode: ImportMode): Promise<SheetImportRun> {
  const township = await requireTownship(ctx);
  const today = todayOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const plan = await planPersonImport(tx, sheet, township, today);
      const summary = emptySummary(plan);
      if (mode === 'commit' && plan.issues.length > 0) return { summary, validRows: new Set<number>() };
      for (const planned of plan.households) {
        if (!planned.valid || !planned.draft) continue;
        const facts = await checkHousehold(tx, ctx, township, planned.draft, planned.members);
        const written = await writeHousehold(tx, ctx, planned.draft, planned.members, facts);
        summary.households[!written.existed ? 'added' : written.changed ? 'updated' : 'unchanged']++;
        summary.persons.added += written.persons.added;
        summary.persons.updated += written.persons.updated;
        summary.persons.unchanged += written.persons.unchanged;
      }
      const run = { summary, validRows: plan.validRowNumbers };
      if (mode === 'preview') throw new PreviewRollback(run);
      return run;
    });
  } catch (err) {
    if (err instanceof PreviewRollback) return err.run;
    throw err;
  }
}

export async function previewImport(ctx: ServiceContext, upload: Upload): Promise<ImportSummary> {
  if (upload.kind === 'housing') return previewHousingImport(ctx, upload);
  if (upload.kind === 'school') return previewSchoolImport(ctx, upload);
  if (upload.kind === 'medical') return previewMedicalImport(ctx, upload);
  if (upload.kind === 'water-assessment' || upload.kind === 'water-test') return previewWaterImport(ctx, upload.kind, upload);
  return (await runImport(ctx, await readUpload(ctx, upload, isPersonHeader), 'preview')).summary;
}

export async function commitImport(ctx: ServiceContext, input: MethodArgs<'import/commit'>): Promise<CommitResult> {
  if (input.kind === 'housing') return commitHousingImport(ctx, input);
  if (input.kind === 'school') return commitSchoolImport(ctx, input);
  if (input.kind === 'medical') return commitMedicalImport(ctx, input);
  if (input.kind === 'water-assessment' || input.kind === 'water-test') return commitWaterImport(ctx, input.kind, input);
  const sheet = await readUpload(ctx, input, isPersonHeader);
  return commitSheet(sheet, input, (mode) => runImport(ctx, sheet, mode), 'issue.import.sameHouseholdInvalid');
}
