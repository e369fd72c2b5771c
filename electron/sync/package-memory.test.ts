/**
 * A package is written and read as a stream: memory must not grow with its size. The full
 * measurement (200,000 records, export and import) is bench/package-memory.bench.ts; this test
 * keeps a smaller one in every run. Heap figures include garbage not yet collected, so the bound
 * is generous; it is still below the size of the rows as NDJSON text, let alone as objects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { addBulkHouseholds } from '../test/bulk-ledger.js';
import { outDir } from '../test/package-fixture.js';
import { exportPackage } from './export-package.js';
import { verifyPackageFile } from './verify-package.js';
import { peakGrowth } from '../test/memory.js';
import { openPackage } from './read-package.js';

let f: Fixture;
afterEach(async () => {
  await f.cleanup();
});

describe('a large package in bounded memory', () => {
  it('exports and verifies 50,000 records without holding them', async () => {
    f = await makeFixture();
    await addBulkHouseholds(f.workstation.db, 10_000, 4);
    const out = await outDir(f, 'out');
    const exported = await peakGrowth(() => exportPackage(f.workstation.ctx, { outDir: out }));
    expect(exported.result.records).toBe(2 + 10_000 + 40_000);
    const verified = await peakGrowth(() => verifyPackageFile(null, exported.result.path));
    expect(verified.result).toMatchObject({ ok: true, contentChecked: true });
    const pkg = await openPackage(exported.result.path);
    const ndjsonMB = pkg.manifest.tables.reduce((n, t) => n + t.bytes, 0) / 1e6;
    await pkg.close();
    console.log(`50,002 records (${ndjsonMB.toFixed(1)} MB of NDJSON): export heap +${exported.heapMB.toFixed(1)} MB, rss +${exported.rssMB.toFixed(1)} MB; verify heap +${verified.heapMB.toFixed(1)} MB`);
    const bound = Math.min(40, ndjsonMB);
    expect(ndjsonMB).toBeGreaterThan(20);
    expect(exported.heapMB).toBeLessThan(bound);
    expect(verified.heapMB).toBeLessThan(bound);
  }, 120_000);
});
