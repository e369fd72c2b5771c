/**
 * What every ledger sheet import shares: one transaction for preview and commit (a preview, or an
 * all-or-nothing commit that found issues, is rolled back, so the preview's counts are exactly
 * what a commit would do), a savepoint per row where rows are written one by one, and the reject
 * list of rows not imported, with reasons in Chinese.
 */
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { ImportSummary } from '../../shared/contract/transfer.js';
import { AppError } from '../../shared/domain/app-error.js';
import type { FieldIssue } from '../../shared/domain/issue.js';
import { describeIssue } from '../../shared/i18n/translate.js';
import type { Tx } from '../db/driver.js';
import { readSheet, type ReadOptions, type SheetData, type SheetRow } from '../sheets/read-sheet.js';
import { writeCsv } from '../sheets/write-sheet.js';
import { chineseTranslator } from '../i18n.js';
import type { ServiceContext } from './context.js';
import { uploadBytes } from './uploads.js';

type Upload = MethodArgs<'import/preview'>;
export type ImportMode = 'preview' | 'commit' | 'commitValid';

export interface SheetImportRun {
  summary: ImportSummary;
  /** Rows written (or that a commit would write). */
  validRows: Set<number>;
}

class Rollback extends Error {
  constructor(readonly run: SheetImportRun) {
    super('rollback');
  }
}

export async function readUpload(ctx: ServiceContext, upload: Upload, isHeader: NonNullable<ReadOptions['isHeader']>): Promise<SheetData> {
  return readSheet(await uploadBytes(ctx, upload), upload.fileName, { isHeader });
}

/** A summary before any row is written; ledgers that count their rows as records get `records`. */
export function startSummary(rows: number, plan: { issues: FieldIssue[]; ignored: string[] }, options: { records: boolean } = { records: true }): ImportSummary {
  return {
    rows, validRows: 0, households: { added: 0, updated: 0, unchanged: 0 }, persons: { added: 0, updated: 0, unchanged: 0 },
    ...(options.records ? { records: { added: 0, updated: 0, unchanged: 0 } } : {}), issues: [...plan.issues], ignoredColumns: plan.ignored,
  };
}

/** `importRows` writes what it can, adds each written row to `validRows` and returns the summary. */
export async function runSheetImport(
  ctx: ServiceContext,
  mode: ImportMode,
  importRows: (tx: Tx, validRows: Set<number>) => Promise<ImportSummary>,
): Promise<SheetImportRun> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const validRows = new Set<number>();
      const summary = await importRows(tx, validRows);
      summary.validRows = validRows.size;
      if (mode === 'preview' || (mode === 'commit' && summary.issues.length > 0)) throw new Rollback({ summary, validRows });
      return { summary, validRows };
    });
  } catch (err) {
    if (err instanceof Rollback) return err.run;
    throw err;
  }
}

export type RowWrite<T> = { ok: true; written: T } | { ok: false; issues: FieldIssue[] };

/** Each row in its own savepoint: a refused row leaves nothing, the others stay. */
export async function writeRowInSavepoint<T>(tx: Tx, write: () => Promise<T>): Promise<RowWrite<T>> {
  await tx.exec('SAVEPOINT sheet_row');
  try {
    const written = await write();
    await tx.exec('RELEASE sheet_row');
    return { ok: true, written };
  } catch (err) {
    await tx.exec('ROLLBACK TO sheet_row; RELEASE sheet_row');
    if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
    return { ok: false, issues: err.issues };
  }
}

export function countOf(written: { existed: boolean; changed: boolean }): 'added' | 'updated' | 'unchanged' {
  return !written.existed ? 'added' : written.changed ? 'updated' : 'unchanged';
}

/**
 * The rows not imported, each with its reasons; `noIssueReason` is for a row refused without an
 * issue of its own (the household register refuses a whole household for one bad member).
 * Rows may come as a stream (a large sheet read again rather than held).
 */
export async function rejectsCsv(
  sheet: { headers: string[]; rows: Iterable<SheetRow> | AsyncIterable<SheetRow> }, run: SheetImportRun, fileName: string, noIssueReason?: string,
) {
  const t = await chineseTranslator();
  const reasons = new Map<number, string[]>();
  for (const i of run.summary.issues as FieldIssue[]) {
    if (i.row !== undefined) reasons.set(i.row, [...(reasons.get(i.row) ?? []), describeIssue(t.t, { ...i, row: undefined })]);
  }
  const fallback = noIssueReason === undefined ? [] : [t.t(noIssueReason)];
  const rejected: SheetRow[] = [];
  for await (const r of sheet.rows) if (!run.validRows.has(r.rowNumber)) rejected.push(r);
  // Every row as wide as the widest, so the reasons sit in one column.
  const width = rejected.reduce((w, r) => Math.max(w, r.cells.findLastIndex((c) => c !== '') + 1), sheet.headers.length);
  const fit = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const rows = rejected.map((r) => [String(r.rowNumber), ...fit(r.cells), (reasons.get(r.rowNumber) ?? fallback).join('；')]);
  const content = writeCsv(['原行号', ...fit(sheet.headers), '错误原因'], rows);
  return { fileName: `${fileName.replace(/\.[^.]+$/, '')}-未导入行.csv`, mimeType: 'text/csv', contentBase64: content.toString('base64') };
}

/** A commit: all or nothing unless `skipInvalid`; then the rejected rows come back as a CSV with reasons. */
export async function commitSheet(
  sheet: SheetData,
  input: MethodArgs<'import/commit'>,
  run: (mode: ImportMode) => Promise<SheetImportRun>,
  noIssueReason?: string,
): Promise<MethodOutput<'import/commit'>> {
  return commitStreamedSheet(input, async () => sheet, run, noIssueReason);
}

/** commitSheet for a sheet read as a stream: `reopen` reads it again for the rejects file. */
export async function commitStreamedSheet(
  input: MethodArgs<'import/commit'>,
  reopen: () => Promise<{ headers: string[]; rows: Iterable<SheetRow> | AsyncIterable<SheetRow> }>,
  run: (mode: ImportMode) => Promise<SheetImportRun>,
  noIssueReason?: string,
): Promise<MethodOutput<'import/commit'>> {
  const done = await run(input.skipInvalid ? 'commitValid' : 'commit');
  const committed = input.skipInvalid || done.summary.issues.length === 0;
  if (!committed || done.validRows.size === done.summary.rows) return { ...done.summary, committed, rejects: null };
  return { ...done.summary, committed, rejects: await rejectsCsv(await reopen(), done, input.fileName, noIssueReason) };
}
