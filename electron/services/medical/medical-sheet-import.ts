/**
 * Importing the standard medical sheet with the register's behaviour: one path for preview and
 * commit (a preview rolls back), all or nothing unless `skipInvalid`, every bad row reported with
 * its row number, column and reason. Every row goes through the same checks as the form.
 *
 * Built for large sheets (hundreds of thousands of rows) in bounded memory: the file is read as a
 * stream and each row, once parsed, parked in a temporary table (medical-import-stage.ts), which
 * finds the sheet's own duplicates and gives the rows back a page at a time, per person in date
 * order, so each proposal sees the person's earlier claims whatever the order of the sheet. Each
 * page is checked and written by medical-import-page.ts, the next one prepared meanwhile.
 */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { issue } from '../../../shared/domain/issue.js';
import { BatchInsert } from '../../db/batch-insert.js';
import { ChangeSeqBlock } from '../../db/change-seq.js';
import { openSheetStream, type SheetStream } from '../../sheets/stream-sheet.js';
import { AuditAppender } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { commitStreamedSheet, runSheetImport, startSummary, type ImportMode } from '../sheet-import-run.js';
import { uploadSource } from '../uploads.js';
import { PolicyCache, type ClaimantRecord } from './claim-check.js';
import { MedicalImportStage, stagedValues, type StagedRow } from './medical-import-stage.js';
import { claimColumns, importPages, reproposeHeld, type ImportPersons, type ImportWriters, type PageResults } from './medical-import-page.js';
import { atRow, mapMedicalHeaders, parseMedicalRow } from './medical-sheet-rows.js';
import { isMedicalHeader } from './medical-sheet.js';

type Upload = MethodArgs<'import/preview'>;

/** Rows checked together: enough to make the per-page look-ups cheap, small enough for memory. */
const PAGE = 2_000;

/** Reads the sheet into the stage; rows whose cells do not parse are reported and go no further. */
async function stageRows(stream: SheetStream, stage: MedicalImportStage, summary: ImportSummary): Promise<number> {
  const mapping = mapMedicalHeaders(stream.headers);
  summary.ignoredColumns = mapping.ignored;
  summary.issues.push(...mapping.missingIssues);
  let rows = 0;
  for await (const row of stream.rows) {
    rows++;
    if (mapping.missing.length > 0) continue;
    const parsed = parseMedicalRow(row, mapping.columns);
    if (parsed.fields) await stage.add(stagedValues({ ...parsed, fields: parsed.fields }));
    else summary.issues.push(...parsed.issues);
  }
  await stage.loaded();
  return rows;
}

async function* withoutRows(pages: AsyncIterable<StagedRow[]>, rows: Set<number>): AsyncGenerator<StagedRow[]> {
  for await (const page of pages) yield page.filter((r) => !rows.has(r.rowNumber));
}

async function runImport(ctx: ServiceContext, open: () => Promise<SheetStream>, mode: ImportMode, pageSize: number) {
  const stream = await open();
  return runSheetImport(ctx, mode, async (tx, validRows) => {
    const summary = startSummary(0, { issues: [], ignored: [] });
    const stage = await MedicalImportStage.open(tx);
    try {
      summary.rows = await stageRows(stream, stage, summary);
      const duplicates = await stage.sheetDuplicates();
      const inSheet = new Set<number>();
      for (const d of duplicates) {
        summary.issues.push(atRow(d.rowNumber, issue(d.field, 'medical.duplicateInSheet', { row: d.firstRow })));
        inSheet.add(d.rowNumber);
      }

      const persons: ImportPersons = { byIdNumber: new Map(), byId: new Map(), policies: new PolicyCache(tx) };
      for (const p of await tx.all<ClaimantRecord & { id_number: string }>('SELECT id, id_number, name, insured FROM person WHERE deleted_at IS NULL')) {
        const record = { id: p.id, name: p.name, insured: p.insured };
        persons.byIdNumber.set(p.id_number, record);
        persons.byId.set(p.id, record);
      }
      const writers: ImportWriters = { claims: new BatchInsert(tx, 'medical_claim', claimColumns()), audit: await AuditAppender.open(tx), seq: await ChangeSeqBlock.open(tx) };
      try {
        const results: PageResults = { summary, validRows, heldYears: new Set() };
        await importPages(ctx, tx, withoutRows(stage.pages(pageSize), inSheet), persons, writers, results);
        await writers.claims.close();
        await writers.audit.close();
        await writers.seq.close(tx);
        // After the bulk writers are closed: this writes through the record store, one claim at a time.
        if (results.heldYears.size > 0) summary.reproposed = await reproposeHeld(tx, ctx, results.heldYears);
      } catch (err) {
        await writers.claims.discard();
        await writers.audit.discard();
        throw err;
      }
    } catch (err) {
      await stage.abandon();
      throw err;
    }
    await stage.drop();
    summary.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return summary;
  });
}

/**
 * Opened again for each reading (the run, then the rejects file). A stored upload is streamed
 * from disk; inline base64 is decoded on each opening, so its bytes are not held between them.
 */
const opener = (ctx: ServiceContext, upload: Upload) => async () => openSheetStream(await uploadSource(ctx, upload), upload.fileName, { isHeader: isMedicalHeader });

/** `pageSize` is for tests: small pages (prepared ahead, whole persons each) must come out as one. */
export interface MedicalImportOptions {
  pageSize?: number;
}

export async function previewMedicalImport(ctx: ServiceContext, upload: Upload, options: MedicalImportOptions = {}): Promise<ImportSummary> {
  return (await runImport(ctx, opener(ctx, upload), 'preview', options.pageSize ?? PAGE)).summary;
}

export async function commitMedicalImport(
  ctx: ServiceContext, input: MethodArgs<'import/commit'>, options: MedicalImportOptions = {},
): Promise<MethodOutput<'import/commit'>> {
  const open = opener(ctx, input);
  return commitStreamedSheet(input, open, (mode) => runImport(ctx, open, mode, options.pageSize ?? PAGE));
}
