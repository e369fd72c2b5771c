/** A township and its county, each a real workstation, for upload-package tests. */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach } from 'vitest';
import type { ReviewableTable } from '../../shared/contract/review.js';
import { ledgerTable } from '../sync/ledger-tables.js';
import { exportKeyFile, importKeyFile } from '../sync/key-files.js';
import { setupCounty } from '../sync/identity.js';
import { household, makeFixture, member, validId, type Fixture } from './workstation-fixture.js';

export const COUNTY = '371502';

export async function makeCounty(): Promise<Fixture> {
  const county = await makeFixture({ setup: false });
  await setupCounty(county.workstation.ctx, COUNTY, '示例县');
  return county;
}

/** A fresh township and county for each test of the file (read them inside the test). */
export function eachTownshipAndCounty(): { township: Fixture; county: Fixture } {
  const stations = {} as { township: Fixture; county: Fixture };
  beforeEach(async () => {
    stations.township = await makeFixture();
    stations.county = await makeCounty();
  });
  afterEach(async () => {
    await stations.township.cleanup();
    await stations.county.cleanup();
  });
  return stations;
}

/** County registers the township's key file; the township registers the county's (so it encrypts). */
export async function exchangeKeys(township: Fixture, county: Fixture, options: { encrypt?: boolean } = {}): Promise<void> {
  const t = await exportKeyFile(township.workstation.ctx);
  await importKeyFile(county.workstation.ctx, t.content, t.fileName);
  if (options.encrypt !== false) {
    const c = await exportKeyFile(county.workstation.ctx);
    await importKeyFile(township.workstation.ctx, c.content, c.fileName);
  }
}

/** A household with a head and a spouse, submitted and approved, so it goes up. */
export async function approvedHousehold(f: Fixture, no: string, seq: number, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const saved = await f.call('households/save', {
    household: household(no, extra),
    members: [member(`户主${seq}`, validId('19650312', seq), 'head'), member(`配偶${seq}`, validId('19680720', seq + 1), 'spouse')],
  });
  await approve(f, saved.id);
  return saved;
}

/** Submitted and approved, so the record goes up in the next package. */
export async function approve(f: Fixture, id: string, table: ReviewableTable = 'household'): Promise<void> {
  await f.call('review/submit', { table, ids: [id] });
  await f.call('review/approve', { table, ids: [id] });
}

/** A folder in the fixture's temp directory (cleaned up with it). */
export async function outDir(f: Fixture, name: string): Promise<string> {
  const dir = join(f.dir, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function count(f: Fixture, sql: string, params: (string | number)[] = []): Promise<number> {
  const row = await f.workstation.db.get<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`, params);
  return row?.n ?? 0;
}

/** The manifest's entry for one ledger table of a package file (its row count and money sums). */
export async function manifestTable(packagePath: string, table: string): Promise<unknown> {
  const zip = unzipSync(new Uint8Array(await readFile(packagePath)));
  const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8')) as { tables: { table: string }[] };
  return manifest.tables.find((t) => t.table === table);
}

/** A record's package columns as one workstation holds it, to compare township and county. */
export async function ledgerRow(f: Fixture, table: string, id: string): Promise<unknown> {
  const columns = ledgerTable(table)!.columns.join(', ');
  return f.workstation.db.get(`SELECT ${columns} FROM ${table} WHERE id = ?`, [id]);
}
