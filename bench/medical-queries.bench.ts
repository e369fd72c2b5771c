/**
 * Issue 7: the layer report over the county's 400,000 claims for one year beside the same
 * GROUP BY statements in the sqlite3 tool; the first page of the medical grid (filters and sort)
 * through dispatch; saving one claim from the form through dispatch (contract, validation,
 * checks, audit, write) beside a bare INSERT. Prints the query plans the doc quotes.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../electron/api/dispatch.js';
import { openWorkstation, type Workstation } from '../electron/app/workstation.js';
import type { Params, Row } from '../electron/db/driver.js';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index.js';
import { medicalLayersReport } from '../electron/services/medical/layers-report.js';
import { DUPLICATE_INVOICE_SQL, DUPLICATE_VISIT_SQL } from '../electron/services/medical/claim-service.js';
import { PRIOR_CLAIMS_SQL } from '../electron/services/medical/claim-check.js';
import { copyDb, countyFixture, loadedCounty, loadedTownship } from './support/fixtures.js';
import { Results, runs, withPeak } from './support/measure.js';
import { inline, sqliteCli } from './support/sqlite-cli.js';

const results = new Results('medical-queries');
const YEAR = 2020;
const SAVES = Number(process.env.BENCH_SAVES ?? 200);
let work = '';
let county: Workstation;
let township: Workstation;
let countyFile = '';
/** The ledger is a township's screen (it asks for the township's settings): the busy township. */
let busy: Workstation;
let busyFile = '';
let reportSql = '';
let persons: string[] = [];
let saved = 0;

async function call<M extends MethodName>(w: Workstation, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await dispatch(w.ctx, method, input);
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as MethodOutput<M>;
}

/** The statements a service runs, captured by handing it a connection that writes them down. */
async function capture(run: (conn: { all: typeof county.db.reader.all; get: typeof county.db.reader.get }) => Promise<unknown>, on = county): Promise<string[]> {
  const statements: string[] = [];
  const reader = on.db.reader;
  await run({
    all: <T = Row>(sql: string, params: Params = []) => { statements.push(inline(sql, params as unknown[])); return reader.all<T>(sql, params); },
    get: <T = Row>(sql: string, params: Params = []) => { statements.push(inline(sql, params as unknown[])); return reader.get<T>(sql, params); },
  });
  return statements;
}

async function plan(w: Workstation, sql: string, params: unknown[]): Promise<string> {
  const rows = await w.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as Params);
  return rows.map((r) => r.detail).join(' | ');
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'taizhang-bench-queries-'));
  const loaded = await loadedCounty();
  countyFile = await copyDb(loaded.file, join(work, 'county.sqlite'));
  county = await openWorkstation(countyFile, { actor: 'bench' });
  busyFile = await copyDb((await loadedTownship()).file, join(work, 'busy.sqlite'));
  busy = await openWorkstation(busyFile, { actor: 'bench' });
  results.context.busyTownshipClaims = (await busy.db.get<{ n: number }>('SELECT count(*) AS n FROM medical_claim'))!.n;
  const fixture = await countyFixture();
  township = await openWorkstation(await copyDb(fixture.townships[0]!.file, join(work, 'township.sqlite')), { actor: 'bench' });
  persons = (await township.db.all<{ id: string }>('SELECT id FROM person ORDER BY id')).map((p) => p.id);
  await township.db.transaction((tx) => tx.exec('CREATE TABLE plain_claim AS SELECT * FROM medical_claim WHERE 0'));
  reportSql = (await capture((conn) => medicalLayersReport(conn, { year: YEAR, from: null, to: null, villageCode: null }))).map((s) => `${s};`).join('\n');
  results.context.countyClaims = loaded.claims;
  results.context.claimsInYear = (await county.db.get<{ n: number }>('SELECT count(*) AS n FROM medical_claim WHERE policy_year = ?', [YEAR]))!.n;
  results.context.townshipClaims = (await township.db.get<{ n: number }>('SELECT count(*) AS n FROM medical_claim'))!.n;
  results.context.sqliteStartupMs = sqliteCli(':memory:', 'SELECT 1;\n').ms;
  const someone = persons[0]!;
  results.context.plans = {
    reportStatements: await Promise.all(reportSql.split(';\n').filter((s) => s.trim()).map((s) => plan(county, s.replace(/;$/, ''), []))),
    duplicateInvoice: await plan(township, DUPLICATE_INVOICE_SQL, ['县人民医院', 'X', '']),
    duplicateVisit: await plan(township, DUPLICATE_VISIT_SQL, [someone, '县人民医院', '2020-03-02', '']),
    priorClaims: await plan(township, PRIOR_CLAIMS_SQL, [someone, 2020, '', '2020-03-02', '2020-03-10', '~']),
  };
  console.log(JSON.stringify(results.context.plans, null, 2));
  // A few saves before the timed ones, so the first timed save does not pay for cold caches.
  for (let i = 0; i < 5; i++) await saveOne();
  results.context.baselineRssMB = process.memoryUsage().rss / 1e6;
}, 7_200_000);

afterAll(async () => {
  await results.report([
    { path: 'report: layers, one year', reference: 'report: same GROUP BY in sqlite3', target: '≤ 1.5× reference and < 300 ms', met: (f) => f.pathMs <= 1.5 * f.referenceMs && f.pathMs < 300 },
    ...['grid: ledger opens', 'grid: year + inpatient'].map((label) => ({
      path: `${label}, medical/page`, reference: `${label}, same SELECTs in sqlite3`, target: '< 300 ms', met: (f: { pathMs: number }) => f.pathMs < 300,
    })),
    { path: 'save: medical/save via dispatch', reference: 'save: bare INSERT', target: 'p95 < 20 ms', statistic: 'p95', met: (f) => f.pathP95 < 20 },
  ]);
  await county?.close();
  await busy?.close();
  await township?.close();
  await rm(work, { recursive: true, force: true });
});

describe(`layer report, one year of the county's claims`, () => {
  bench('report: layers, one year', async () => {
    const { result, ms, peak } = await withPeak(() => call(county, 'reports/medicalLayers', { year: YEAR }));
    if (result.totals.claims !== results.context.claimsInYear) throw new Error(`report counted ${result.totals.claims}`);
    results.record('report: layers, one year', ms, peak);
  }, runs(Number(process.env.BENCH_QUERY_RUNS ?? 10)));
  bench('report: same GROUP BY in sqlite3', async () => {
    const run = sqliteCli(countyFile, reportSql);
    results.record('report: same GROUP BY in sqlite3', run.ms, run.rssMB === null ? null : { rssMB: run.rssMB, heapMB: 0 });
  }, runs(Number(process.env.BENCH_QUERY_RUNS ?? 10)));
});

/** What the ledger asks for when it opens (use-claim-ledger.ts): the 1,000 newest, then with the year and visit-type filters. */
const LEDGER_OPENS: MethodInput<'medical/page'> = { startRow: 0, endRow: 1000, sort: [{ column: 'updatedAt', direction: 'desc' }] };
const FILTERED: MethodInput<'medical/page'> = { ...LEDGER_OPENS, policyYear: YEAR, visitType: 'inpatient' };

for (const [label, query] of [['grid: ledger opens', LEDGER_OPENS], ['grid: year + inpatient', FILTERED]] as const) {
  describe(`first page of the medical grid, busy township (${label})`, () => {
    let pageSql = '';
    bench(`${label}, medical/page`, async () => {
      const { result, ms, peak } = await withPeak(() => call(busy, 'medical/page', query));
      if (result.rows.length !== Math.min(1000, result.total)) throw new Error('short page');
      results.record(`${label}, medical/page`, ms, peak);
    }, runs(Number(process.env.BENCH_QUERY_RUNS ?? 10)));
    bench(`${label}, same SELECTs in sqlite3`, async () => {
      if (!pageSql) {
        const { pageClaims } = await import('../electron/services/medical/claim-query.js');
        const input = { quickSearch: '', policyYear: null, villageCode: null, visitType: null, reviewState: null, withWarnings: false, personId: null, sort: [], ...query };
        const statements = await capture((conn) => pageClaims({ ...busy.ctx, db: conn as never }, input as never), busy);
        pageSql = statements.map((s) => `${s};`).join('\n');
        (results.context.plans as Record<string, unknown>)[label] = await Promise.all(statements.map((s) => plan(busy, s, [])));
      }
      const run = sqliteCli(busyFile, pageSql);
      results.record(`${label}, same SELECTs in sqlite3`, run.ms, run.rssMB === null ? null : { rssMB: run.rssMB, heapMB: 0 });
    }, runs(Number(process.env.BENCH_QUERY_RUNS ?? 10)));
  });
}

async function saveOne(): Promise<number> {
  const i = saved++;
  const personId = persons[i % persons.length]!;
  const day = 1 + Math.floor(i / persons.length);
  const admission = `2020-11-${String(day).padStart(2, '0')}`;
  const started = performance.now();
  await call(township, 'medical/save', {
    claim: {
      personId, visitType: 'inpatient', hospitalName: '冠县人民医院', hospitalLevel: 'county', admissionDate: admission, dischargeDate: admission,
      diagnosis: 'I10 高血压', totalCost: 1_250_000, inScopeCost: 1_100_000, basicInsurance: 800_000, invoiceNo: `BENCH${String(i).padStart(6, '0')}`,
    } as MethodInput<'medical/save'>['claim'],
  });
  return performance.now() - started;
}

describe('saving one claim', () => {
  bench('save: medical/save via dispatch', async () => {
    const { result, peak } = await withPeak(() => saveOne());
    results.record('save: medical/save via dispatch', result, peak);
  }, runs(SAVES));
  bench('save: bare INSERT', async () => {
    const started = performance.now();
    await township.db.transaction((tx) => tx.run(
      `INSERT INTO plain_claim (id, person_id, visit_type, hospital_name, admission_date, discharge_date, policy_year, total_fen, in_scope_fen,
         self_pay_fen, in_scope_self_pay_fen, self_share_bp, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'inpatient', '冠县人民医院', '2020-11-01', '2020-11-01', 2020, 1250000, 1100000, 450000, 300000, 2727, ?, 'bench', ?, 'bench')`,
      [`plain-${saved++}`, persons[0]!, new Date().toISOString(), new Date().toISOString()],
    ));
    results.record('save: bare INSERT', performance.now() - started);
  }, runs(SAVES));
});
