/**
 * Issue 7: an incremental upload package of a busy township (about 400,000 rows at full scale:
 * its claims, people and households) beside writing the same rows as NDJSON, gzipped into a ZIP
 * with no checks, no tallies and no signature; and the county's import of 20 townships'
 * packages (400,000 claims in all) beside the townships' own export time for the same data, and
 * beside SQLite alone writing the rows that import wrote (the write floor, informs).
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { Database } from '../electron/db/driver.js';
import { openWorkstation } from '../electron/app/workstation.js';
import { exportPackage } from '../electron/sync/export-package.js';
import { importPackages } from '../electron/sync/import-package.js';
import { ledgerTables } from '../electron/sync/ledger-tables.js';
import { through } from '../electron/sync/streams.js';
import { createZipWriter } from '../electron/sync/zip-writer.js';
import type { CountySummary } from '../electron/services/demo-county.js';
import { copyDb, countyFixture, loadedTownship } from './support/fixtures.js';
import { Results, runs, withPeak } from './support/measure.js';
import { sqliteCli } from './support/sqlite-cli.js';

const results = new Results('packages');
const importedCounty = () => join(work, 'county-imported.sqlite');
let work = '';
let township = { file: '', records: 0 };
let county: CountySummary;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'taizhang-bench-packages-'));
  const loaded = await loadedTownship();
  township = { file: await copyDb(loaded.file, join(work, 'township.sqlite')), records: loaded.records };
  county = await countyFixture();
  results.context.townshipRecords = township.records;
  results.context.countyTownships = county.townships.length;
  results.context.countyRecords = county.townships.reduce((n, t) => n + t.packageRecords, 0);
  results.context.countyClaims = county.townships.reduce((n, t) => n + t.medicalClaims, 0);
  results.context.baselineRssMB = process.memoryUsage().rss / 1e6;
}, 7_200_000);

afterAll(async () => {
  await results.report([
    { path: 'package: export', reference: 'package: NDJSON zipped, no checks', target: '≤ 2× reference, < 500 MB', met: (f) => f.pathMs <= 2 * f.referenceMs && f.peakRssMB < 500 },
    { path: 'county: import 20 packages', reference: 'county: the townships export them', target: '≤ 2× reference, < 500 MB', met: (f) => f.pathMs <= 2 * f.referenceMs && f.peakRssMB < 500 },
    { path: 'county: import 20 packages', reference: 'county: SQLite writing the same rows', target: 'informs: the write floor' },
  ]);
  await rm(work, { recursive: true, force: true });
});

/** The reference: every row that goes up, as JSON lines, gzipped, into a ZIP entry per table. */
async function plainNdjsonZip(dbFile: string, out: string): Promise<number> {
  const db = await Database.open(dbFile, { readOnly: true });
  const zip = await createZipWriter(out, new Date());
  let n = 0;
  try {
    for (const table of ledgerTables) {
      const eligible = table.review ? `(deleted_at IS NOT NULL OR ${table.review.column} = '${table.review.approved}')` : '1';
      async function* lines(): AsyncIterable<Buffer> {
        let after = 0;
        for (;;) {
          const rows = await db.all<Record<string, unknown> & { rowid: number }>(
            `SELECT rowid, ${table.columns.join(', ')} FROM ${table.name} WHERE rowid > ? AND ${eligible} ORDER BY rowid LIMIT 5000`, [after],
          );
          if (rows.length === 0) return;
          after = rows.at(-1)!.rowid;
          n += rows.length;
          yield Buffer.from(rows.map(({ rowid: _r, ...r }) => JSON.stringify(r)).join('\n') + '\n', 'utf8');
        }
      }
      await zip.add(`data/${table.name}.ndjson.gz`, through(lines(), createGzip()));
    }
    await zip.close();
    return n;
  } finally {
    await db.close();
  }
}

describe('incremental package of a busy township', () => {
  bench('package: export', async () => {
    const w = await openWorkstation(township.file, { actor: 'bench' });
    try {
      const pkg = await results.measure('package: export', () => exportPackage(w.ctx, { outDir: join(work, 'out') }));
      if (pkg.records !== township.records) throw new Error(`package of ${pkg.records}, expected ${township.records}`);
      await rm(pkg.path, { force: true });
    } finally {
      await w.close();
    }
  }, runs());
  bench('package: NDJSON zipped, no checks', async () => {
    const out = join(work, 'plain.zip');
    const { result, ms, peak } = await withPeak(() => plainNdjsonZip(township.file, out));
    if (result !== township.records) throw new Error(`reference wrote ${result}, expected ${township.records}`);
    results.record('package: NDJSON zipped, no checks', ms, peak);
    await rm(out, { force: true });
  }, runs());
});

describe('county import of 20 township packages', () => {
  bench('county: import 20 packages', async () => {
    const file = await copyDb(county.countyFile, join(work, 'county.sqlite'));
    const w = await openWorkstation(file, { actor: 'bench' });
    try {
      const outcomes = await results.measure('county: import 20 packages', () => importPackages(w.ctx, county.townships.map((t) => t.packageFile)));
      const refused = outcomes.filter((o) => o.status !== 'imported');
      if (refused.length > 0) throw new Error(JSON.stringify(refused.map((o) => o.refusal)));
    } finally {
      await w.close();
    }
    for (const suffix of ['-wal', '-shm']) await rm(importedCounty() + suffix, { force: true });
    await rename(file, importedCounty());
  }, runs());
  bench('county: SQLite writing the same rows', async () => {
    // What the last import wrote (every ledger row, audit row, origin and verdict), written again
    // by SQLite alone into a fresh copy of the county: no reading, no checks, no JavaScript, one
    // statement per table, the workstation's page cache. The floor under any checked import.
    const db = await copyDb(county.countyFile, join(work, 'county-floor.sqlite'));
    const tables = [...ledgerTables.map((t) => t.name), 'record_origin', 'package_record_result', 'imported_package'];
    const run = sqliteCli(db, `PRAGMA cache_size = -65536;
ATTACH '${importedCounty()}' AS src;
${tables.map((t) => `INSERT INTO ${t} SELECT * FROM src.${t};`).join('\n')}
INSERT INTO audit_log SELECT * FROM src.audit_log WHERE seq > (SELECT coalesce(max(seq), 0) FROM main.audit_log);
SELECT (SELECT count(*) FROM audit_log) = (SELECT count(*) FROM src.audit_log);\n`);
    if (run.stdout.trim() !== '1') throw new Error(`county floor: ${run.stdout}`);
    results.record('county: SQLite writing the same rows', run.ms, run.rssMB === null ? null : { rssMB: run.rssMB, heapMB: 0 });
  }, runs());
  bench('county: the townships export them', async () => {
    // One collection and one sampler around the 20 exports, as around the one import: with a
    // collection before each short export their sum was 24.8 s against 18.2 s (docs/PERFORMANCE.md).
    const { result: total, peak } = await withPeak(async () => {
      let sum = 0;
      for (const t of county.townships) {
        const file = await copyDb(t.file, join(work, 'township-run.sqlite'));
        const w = await openWorkstation(file, { actor: 'bench' });
        try {
          const started = performance.now();
          const pkg = await exportPackage(w.ctx, { outDir: join(work, 'township-out') });
          sum += performance.now() - started;
          if (pkg.records !== t.packageRecords) throw new Error(`${t.code}: ${pkg.records} records, expected ${t.packageRecords}`);
          await rm(pkg.path, { force: true });
        } finally {
          await w.close();
        }
      }
      return sum;
    });
    results.record('county: the townships export them', total, peak);
  }, runs());
});
