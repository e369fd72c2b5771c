/**
 * Issue 7: importing 400,000 medical rows (BENCH_SCALE of them) with every check on, from CSV
 * beside the sqlite3 tool's `.import` of the same file into a plain table, and from .xlsx beside
 * reading the file alone with the same library (exceljs, streamed, as the import reads it). Each
 * run imports into a fresh copy of the township's register.
 *
 * Two more references show where the floor of a checked import lies (rows that inform, no
 * target): reading the CSV alone (decode + csv-parse, as the import reads it), and SQLite writing
 * the very rows the import wrote (claims and their audit rows) into the real tables with their
 * indexes, INSERT … SELECT in the sqlite3 tool, no checks and no round trips.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { openWorkstation } from '../electron/app/workstation.js';
import { saveUpload } from '../electron/services/uploads.js';
import { commitMedicalImport } from '../electron/services/medical/medical-sheet-import.js';
import { isMedicalHeader } from '../electron/services/medical/medical-sheet.js';
import { openSheetStream } from '../electron/sheets/stream-sheet.js';
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
  const underTarget = (ratio: number) => (f: { pathMs: number; referenceMs: number; peakRssMB: number }) => f.pathMs <= ratio * f.referenceMs && f.peakRssMB < 500;
  await results.report([
    { path: 'csv: import, all checks', reference: 'csv: sqlite3 .import', target: '≤ 3× reference, < 500 MB', met: underTarget(3) },
    { path: 'csv: import, all checks', reference: 'csv: reading the file alone', target: 'informs: the CSV reader\'s share' },
    { path: 'csv: import, all checks', reference: 'sqlite3: the same rows into the real tables', target: 'informs: the write floor' },
    { path: 'xlsx: import, all checks', reference: 'xlsx: exceljs reading the file alone', target: '≤ 1.5× reference, < 500 MB', met: underTarget(1.5) },
  ]);
  await rm(work, { recursive: true, force: true });
});

const imported = () => join(work, 'imported.sqlite');

async function importFile(name: string, file: string, fileName: string): Promise<void> {
  const db = await copyDb(busy.people, join(work, 'run.sqlite'));
  const w = await openWorkstation(db, { actor: 'bench' });
  try {
    // As the app and `taizhang import` do: the file stored as an upload (streamed to disk), then
    // the commit naming it. The upload is part of the timed path.
    const outcome = await results.measure(name, async () => {
      const upload = await saveUpload(w.ctx, fileName, createReadStream(file));
      return commitMedicalImport(w.ctx, { kind: 'medical', fileName, uploadId: upload.uploadId, skipInvalid: false });
    });
    if (!outcome.committed || outcome.records?.added !== busy.claims) throw new Error(`import: ${JSON.stringify({ ...outcome, issues: outcome.issues.slice(0, 3) })}`);
  } finally {
    await w.close();
  }
  for (const suffix of ['-wal', '-shm']) await rm(imported() + suffix, { force: true });
  await rename(db, imported());
}

async function readAlone(name: string, file: string, fileName: string): Promise<void> {
  const { result: rows, ms, peak } = await withPeak(async () => {
    const stream = await openSheetStream({ path: file }, fileName, { isHeader: isMedicalHeader });
    let n = 0;
    for await (const row of stream.rows) n += row.cells.length > 0 ? 1 : 0;
    return n;
  });
  if (rows !== busy.claims) throw new Error(`${name}: ${rows} rows`);
  results.record(name, ms, peak);
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
  bench('csv: reading the file alone', async () => readAlone('csv: reading the file alone', busy.csv, 'claims.csv'), runs());
  bench('sqlite3: the same rows into the real tables', async () => {
    // The rows and audit rows the last import wrote, written again by SQLite alone, with the
    // workstation's page cache, into a fresh copy of the same register.
    const db = await copyDb(busy.people, join(work, 'floor.sqlite'));
    const run = sqliteCli(db, `PRAGMA cache_size = -65536;
ATTACH '${imported()}' AS src;
BEGIN;
INSERT INTO medical_claim SELECT * FROM src.medical_claim;
INSERT INTO audit_log SELECT * FROM src.audit_log WHERE seq > (SELECT coalesce(max(seq), 0) FROM main.audit_log);
COMMIT;
SELECT count(*) FROM medical_claim;\n`);
    if (Number(run.stdout.trim()) !== busy.claims) throw new Error(`sqlite3 floor: ${run.stdout}`);
    results.record('sqlite3: the same rows into the real tables', run.ms, run.rssMB === null ? null : { rssMB: run.rssMB, heapMB: 0 });
  }, runs());
});

describe(`${scaled(400_000)} medical rows from .xlsx`, () => {
  bench('xlsx: import, all checks', async () => importFile('xlsx: import, all checks', busy.xlsx, 'claims.xlsx'), runs());
  bench('xlsx: exceljs reading the file alone', async () => readAlone('xlsx: exceljs reading the file alone', busy.xlsx, 'claims.xlsx'), runs());
});
