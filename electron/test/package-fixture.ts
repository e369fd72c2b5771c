/** A township and its county, each a real workstation, for upload-package tests. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exportKeyFile, importKeyFile } from '../sync/key-files.js';
import { setupCounty } from '../sync/identity.js';
import { household, makeFixture, member, validId, type Fixture } from './workstation-fixture.js';

export const COUNTY = '371502';

export async function makeCounty(): Promise<Fixture> {
  const county = await makeFixture({ setup: false });
  await setupCounty(county.workstation.ctx, COUNTY, '示例县');
  return county;
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

export async function approve(f: Fixture, id: string): Promise<void> {
  await f.call('review/submit', { table: 'household', ids: [id] });
  await f.call('review/approve', { table: 'household', ids: [id] });
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
