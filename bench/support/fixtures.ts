/**
 * The data the county-scale benchmarks run on, built once per scale and kept on disk
 * (BENCH_CACHE, default a folder in the temp directory): later runs and the other bench files
 * reuse it. Each bench copies the database files it changes, so every run starts the same. The
 * cache is keyed by the migrations, the generators and this file: data built by older code
 * (another schema, another generator) is never measured.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { dispatch } from '../../electron/api/dispatch.js';
import { openWorkstation } from '../../electron/app/workstation.js';
import type { PolicyYearRules } from '../../shared/domain/medical/policy.js';
import { addBulkHouseholds } from '../../electron/test/bulk-ledger.js';
import { VILLAGE_A } from '../../electron/test/workstation-fixture.js';
import { COUNTY_CLAIM_YEARS, countyClaimRows, medicalSheetHeaders, type Claimant } from '../../electron/services/demo-county-claims.js';
import { generateCounty, type CountySummary } from '../../electron/services/demo-county.js';
import { loadPolicyYear } from '../../electron/services/medical-policy.js';
import { commitMedicalImport } from '../../electron/services/medical/medical-sheet-import.js';
import { WRITER_PRAGMAS } from '../../electron/db/connection-settings.js';
import { medicalSheetColumns } from '../../electron/services/medical/medical-sheet.js';
import { importPackages } from '../../electron/sync/import-package.js';
import { writeCsv, type Cell } from '../../electron/sheets/write-sheet.js';
import { SCALE, SEED, scaled } from './measure.js';

const CACHE = process.env.BENCH_CACHE ?? join(tmpdir(), 'taizhang-bench-cache');

/** A short hash of what the fixtures are made by: the schema's migrations, the file settings (the pragmas, not their comment), the demo generators, this file. */
function sourcesKey(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const inDir = (dir: string, keep: (name: string) => boolean) =>
    readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && keep(n)).sort().map((n) => join(dir, n));
  const files = [
    ...inDir('electron/db/migrations', () => true),
    ...inDir('electron/services', (n) => n.startsWith('demo')),
    'bench/support/fixtures.ts',
  ];
  const hash = createHash('sha256').update(WRITER_PRAGMAS);
  for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
  return hash.digest('hex').slice(0, 10);
}

const SOURCES = sourcesKey();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds `name` once per scale; a second bench file waiting for it finds it done. */
async function cached<T>(name: string, build: (dir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  const dir = join(CACHE, `${name}-scale${SCALE}-seed${SEED}-${SOURCES}`);
  const done = join(dir, 'done.json');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return { dir, value: JSON.parse(await readFile(done, 'utf8')) as T };
    try {
      await mkdir(CACHE, { recursive: true });
      await mkdir(lock);
      break;
    } catch {
      await sleep(2_000);
    }
  }
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const started = Date.now();
    const value = await build(dir);
    console.log(`fixture ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await writeFile(done, JSON.stringify(value));
    return { dir, value };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** A closed SQLite database to a new file (with its WAL, should one be left). */
export async function copyDb(from: string, to: string): Promise<string> {
  for (const suffix of ['-wal', '-shm']) await rm(to + suffix, { force: true });
  await copyFile(from, to);
  if (existsSync(`${from}-wal`)) await copyFile(`${from}-wal`, `${to}-wal`);
  return to;
}

export interface BusyTownship {
  people: string;
  csv: string;
  xlsx: string;
  households: number;
  persons: number;
  claims: number;
}

async function rulesOf(file: string): Promise<Map<number, PolicyYearRules>> {
  const w = await openWorkstation(file, { actor: 'bench' });
  try {
    const rules = new Map<number, PolicyYearRules>();
    for (const year of COUNTY_CLAIM_YEARS) {
      const r = await loadPolicyYear(w.db.reader, year);
      if (r) rules.set(year, r);
    }
    return rules;
  } finally {
    await w.close();
  }
}

/** The claims as CSV (the app's own writer, a chunk at a time) and as .xlsx (exceljs's streaming writer). */
async function writeSheets(rows: () => Iterable<Cell[]>, csv: string, xlsx: string): Promise<number> {
  const out = createWriteStream(csv);
  let chunk: Cell[][] = [];
  let first = true;
  let n = 0;
  const flush = async () => {
    let text = writeCsv(medicalSheetHeaders(), chunk).toString('utf8');
    if (!first) text = text.slice(text.indexOf('\r\n') + 2);
    first = false;
    chunk = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const row of rows()) {
    chunk.push(row);
    n++;
    if (chunk.length === 10_000) await flush();
  }
  if (chunk.length > 0 || first) await flush();
  out.end();
  await once(out, 'finish');

  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('医疗报销');
  sheet.columns = medicalSheetColumns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of rows()) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  return n;
}

/**
 * A busy township (issue 7: 60,000 people, hundreds of thousands of claims): the register
 * written straight into SQLite (bulk-ledger: valid, unique ID numbers, no audit rows; the
 * register is not what these benches time) and 400,000 claims over 2019-2021 as CSV and .xlsx.
 */
export async function busyTownship(): Promise<BusyTownship> {
  const { dir, value } = await cached('busy-township', async (d) => {
    const people = join(d, 'people.sqlite');
    const w = await openWorkstation(people, { actor: 'bench' });
    const households = scaled(20_000);
    try {
      for (const [method, input] of [['settings/update', { orgCode: '371502100', orgName: '基准镇' }], ['villages/save', { code: VILLAGE_A, name: '张庄村' }]] as const) {
        const r = await dispatch(w.ctx, method, input as never);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
      await addBulkHouseholds(w.db, households, 3);
    } finally {
      await w.close();
    }
    const w2 = await openWorkstation(people, { actor: 'bench' });
    const persons = await w2.db.all<Claimant>('SELECT id_number AS idNumber, name FROM person ORDER BY id_number');
    await w2.close();
    const rules = await rulesOf(people);
    const count = scaled(400_000);
    const rows = () => countyClaimRows(persons, { count, seed: SEED, invoicePrefix: 'B', rules });
    const claims = await writeSheets(rows, join(d, 'claims.csv'), join(d, 'claims.xlsx'));
    return { people: 'people.sqlite', csv: 'claims.csv', xlsx: 'claims.xlsx', households, persons: persons.length, claims };
  });
  return { ...value, people: join(dir, value.people), csv: join(dir, value.csv), xlsx: join(dir, value.xlsx) };
}

/** The busy township with its claims imported and everything approved: what its next package carries. */
export async function loadedTownship(): Promise<{ file: string; records: number }> {
  const busy = await busyTownship();
  const { dir, value } = await cached('loaded-township', async (d) => {
    const file = await copyDb(busy.people, join(d, 'loaded.sqlite'));
    const w = await openWorkstation(file, { actor: 'bench' });
    try {
      const csv = await readFile(busy.csv);
      const imported = await commitMedicalImport(w.ctx, { kind: 'medical', fileName: 'claims.csv', contentBase64: csv.toString('base64'), skipInvalid: false });
      if (!imported.committed) throw new Error(`claims refused: ${JSON.stringify(imported.issues.slice(0, 3))}`);
      // Approved in one statement rather than through the review service (800,000 audited
      // updates): this fixture is what the package bench reads, not what it times. The claims
      // keep the change_seq the import gave them, so the next package carries them all.
      await w.db.transaction((tx) => tx.run(
        "UPDATE medical_claim SET review_state = 'approved', reviewed_by = 'bench', reviewed_at = ?, row_version = row_version + 2 WHERE review_state = 'draft'",
        [new Date().toISOString()],
      ));
      const n = await w.db.get<{ n: number }>(
        "SELECT (SELECT count(*) FROM household WHERE review_state = 'approved') + (SELECT count(*) FROM person) + (SELECT count(*) FROM medical_claim WHERE review_state = 'approved') + (SELECT count(*) FROM village) AS n",
      );
      return { file: 'loaded.sqlite', records: n!.n };
    } finally {
      await w.close();
    }
  });
  return { file: join(dir, value.file), records: value.records };
}

/** 20 township workstations with their packages written, and the county with their keys, nothing imported. */
export async function countyFixture(): Promise<CountySummary> {
  const { value } = await cached('county', (d) => generateCounty({ dir: d, seed: SEED, scale: SCALE, skipCountyImport: true }));
  return value;
}

/** The county after importing the 20 packages: what the layer report runs over. */
export async function loadedCounty(): Promise<{ file: string; claims: number }> {
  const county = await countyFixture();
  const { dir, value } = await cached('county-loaded', async (d) => {
    const file = await copyDb(county.countyFile, join(d, 'county.sqlite'));
    const w = await openWorkstation(file, { actor: 'bench' });
    try {
      const outcomes = await importPackages(w.ctx, county.townships.map((t) => t.packageFile));
      if (outcomes.some((o) => o.status !== 'imported')) throw new Error(JSON.stringify(outcomes.map((o) => o.refusal)));
      const n = await w.db.get<{ n: number }>('SELECT count(*) AS n FROM medical_claim');
      return { file: 'county.sqlite', claims: n!.n };
    } finally {
      await w.close();
    }
  });
  return { file: join(dir, value.file), claims: value.claims };
}
