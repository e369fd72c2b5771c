/**
 * Upload packages at township scale (issue: "a package of 500,000 records must not need them
 * all in memory"): 200,000 records by default (40,000 households × 5: household + 4 members),
 * BENCH_PACKAGE_HOUSEHOLDS to change it. Measures the export, the verification and the county's
 * import, each once: time, and peak growth of heap and RSS over the start. Run with
 * `npm run bench -- package-memory`; the figures are printed.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { exchangeKeys, makeCounty, outDir } from '../electron/test/package-fixture.js';
import { makeFixture, type Fixture } from '../electron/test/workstation-fixture.js';
import { addBulkHouseholds } from '../electron/test/bulk-ledger.js';
import { exportPackage, type ExportedPackage } from '../electron/sync/export-package.js';
import { verifyPackageFile } from '../electron/sync/verify-package.js';
import { importPackages } from '../electron/sync/import-package.js';
import { peakGrowth } from '../electron/test/memory.js';

const HOUSEHOLDS = Number(process.env.BENCH_PACKAGE_HOUSEHOLDS ?? 40_000);
let township: Fixture;
let county: Fixture;
let pkg: ExportedPackage;

beforeAll(async () => {
  township = await makeFixture();
  county = await makeCounty();
  await exchangeKeys(township, county);
  await addBulkHouseholds(township.workstation.db, HOUSEHOLDS, 4);
}, 900_000);

afterAll(async () => {
  await township.cleanup();
  await county.cleanup();
});

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
const mb = (n: number) => `${n.toFixed(1)} MB`;

describe(`upload package of ${HOUSEHOLDS * 5} records`, () => {
  bench('export (encrypted)', async () => {
    const started = Date.now();
    const run = await peakGrowth(async () => exportPackage(township.workstation.ctx, { outDir: await outDir(township, `out-${Date.now()}`) }));
    pkg = run.result;
    console.log(`export: ${pkg.records} records in ${((Date.now() - started) / 1000).toFixed(1)} s; heap +${mb(run.heapMB)}, rss +${mb(run.rssMB)}`);
  }, once);

  bench('verify at the county', async () => {
    const started = Date.now();
    const run = await peakGrowth(() => verifyPackageFile(county.workstation.ctx, pkg.path));
    console.log(`verify: ok=${run.result.ok} in ${((Date.now() - started) / 1000).toFixed(1)} s; heap +${mb(run.heapMB)}, rss +${mb(run.rssMB)}`);
  }, once);

  bench('import at the county', async () => {
    const started = Date.now();
    const run = await peakGrowth(() => importPackages(county.workstation.ctx, [pkg.path]));
    const counts = run.result[0]?.result?.counts;
    console.log(`import: ${counts?.accepted} accepted in ${((Date.now() - started) / 1000).toFixed(1)} s; heap +${mb(run.heapMB)}, rss +${mb(run.rssMB)}`);
  }, once);
});
