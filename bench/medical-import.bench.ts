/**
 * Issue 7: importing 400,000 medical rows (BENCH_SCALE of them) with every check on, from CSV
 * beside the sqlite3 tool's `.import` of the same file into a plain table, and from .xlsx beside
 * exceljs reading the file alone. Each run imports into a fresh copy of the township's register.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkstation } from '../electron/app/workstation.js';
import { commitMedicalImport } from '../electron/services/medical/medical-sheet-import.js';
import { busyTownship, copyDb, type BusyTownship } from './support/fixtures.js';
import { Results, runs, scaled, withPeak } from './support/measure.js';
import { sqliteCli } from './support/sqlite-cli.js';

const results = new Results('medical-import');
let busy: BusyTownship;
let work = '';

beforeAll(async () => {
  busy = await busyTownship();
  work = await mkdtemp(join(tmpdir(), 'taizhang-bench-import-'));
  results.context.claims = busy.claims;
  results.context.persons = busy.persons;
  results.context.baselineRssMB = process.memoryUsage().rss / 1e6;
}, 3_600_000);

afterAll(async () => {
  await results.report([
    { path: 'csv: import, all checks', reference: 'csv: sqlite3 .import', target: '≤ 3× reference, < 500 MB', met: (f) => f.pathMs <= 3 * f.referenceMs && f.peakRssMB < 500 },
    { path: 'xlsx: import, all checks', reference: 'xlsx: exceljs read alone', target: '≤ 1.5× reference, < 500 MB', met: (f) => f.pathMs <= 1.5 * f.referenceMs && f.peakRssMB < 500 },
  ]);
  await rm(work, { recursive: true, force: true });
});

async function importFile(name: string, file: string, fileName: string): Promise<void> {
  const db = await copyDb(busy.people, join(work, 'run.sqlite'));
  const w = await openWorkstation(db, { actor: 'bench' });
  try {
    // As `taizhang import` does: the file's bytes, base64 as the contract carries them.
    const outcome = await results.measure(name, async () => commitMedicalImport(w.ctx, {
      kind: 'medical', fileName, contentBase64: (await readFile(file)).toString('base64'), skipInvalid: false,
    }));
    if (!outcome.committed || outcome.records?.added !== busy.claims) throw new Error(`import: ${JSON.stringify({ ...outcome, issues: outcome.issues.slice(0, 3) })}`);
  } finally {
    await w.close();
  }
}

describe(`${scaled(400_000)} medical rows from CSV`, () => {
  bench('csv: import, all checks', async () => importFile('csv: import, all checks', busy.csv, 'claims.csv'), runs());
  bench('csv: sqlite3 .import', async () => {
    const db = join(work, 'plain.sqlite');
    await rm(db, { force: true });
    const run = sqliteCli(db, `.mode csv\n.import '${busy.csv}' plain\nSELECT count(*) FROM plain;\n`);
    if (Number(run.stdout.trim()) !== busy.claims) throw new Error(`sqlite3 .import: ${run.stdout}`);
    results.record('csv: sqlite3 .import', run.ms, run.rssMB === null ? null : { rssMB: run.rssMB, heapMB: 0 });
  }, runs());
});

describe(`${scaled(400_000)} medical rows from .xlsx`, () => {
  bench('xlsx: import, all checks', async () => importFile('xlsx: import, all checks', busy.xlsx, 'claims.xlsx'), runs());
  bench('xlsx: exceljs read alone', async () => {
    const { ms, peak } = await withPeak(async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await readFile(busy.xlsx)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      return book;
    });
    results.record('xlsx: exceljs read alone', ms, peak);
  }, runs());
});
