import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { approvedHousehold, outDir } from '../test/package-fixture.js';
import { finishedRepair, pngBytes } from '../services/housing/housing-test-data.js';
import { StagedAttachments } from './attachment-stage.js';
import { sha256Hex } from './crypto.js';
import { exportPackage } from './export-package.js';
import { openPackage, type OpenedPackage } from './read-package.js';

let township: Fixture;
let pkg: OpenedPackage;
let store: string;
const A = pngBytes(1);
const B = pngBytes(2);

beforeEach(async () => {
  township = await makeFixture();
  await approvedHousehold(township, 'H1', 11);
  const repair = await township.call('housing/save', { repair: finishedRepair('H1') });
  for (const [phase, bytes] of [['before', A], ['after', B]] as const) {
    await township.call('housing/addPhoto', { repairId: repair.id, phase, fileName: `${phase}.png`, contentBase64: bytes.toString('base64'), thumbnailBase64: null });
  }
  await township.call('review/submit', { table: 'housing_repair', ids: [repair.id] });
  await township.call('review/approve', { table: 'housing_repair', ids: [repair.id] });
  const exported = await exportPackage(township.workstation.ctx, { outDir: await outDir(township, 'usb') });
  pkg = await openPackage(exported.path);
  store = join(township.dir, 'county-photos');
});
afterEach(async () => {
  await pkg.close();
  await township.cleanup();
});

const list = async () => (await readdir(store).catch(() => [] as string[])).sort();

describe('the county’s file store during an import', () => {
  it('holds the files under temporary names until the merge places them; a file already held is not written again', async () => {
    await mkdir(store, { recursive: true });
    await writeFile(join(store, sha256Hex(A)), A);
    const staged = await StagedAttachments.stage(store, pkg, null);
    expect(staged.count).toBe(1);
    expect(await list()).toEqual([sha256Hex(A), `${sha256Hex(B)}.${pkg.manifest.packageId}.incoming`].sort());
    await staged.place();
    expect(await list()).toEqual([sha256Hex(A), sha256Hex(B)].sort());
  });

  it('leaves nothing behind when the import fails, before or after the files took their names', async () => {
    const unplaced = await StagedAttachments.stage(store, pkg, null);
    expect(await list()).toHaveLength(2);
    await unplaced.discard();
    expect(await list()).toEqual([]);

    // The merge placed the files, then its commit failed.
    const placed = await StagedAttachments.stage(store, pkg, null);
    await placed.place();
    expect(await list()).toEqual([sha256Hex(A), sha256Hex(B)].sort());
    await placed.discard();
    expect(await list()).toEqual([]);
  });
});
