import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { approvedHousehold, count, exchangeKeys, makeCounty, outDir } from '../test/package-fixture.js';
import { finishedRepair, pngBytes } from '../services/housing/housing-test-data.js';
import { describeError } from '../cli/output.js';
import { sha256Hex, signDetached } from './crypto.js';
import { exportPackage, type ExportedPackage } from './export-package.js';
import { readKey } from './identity.js';
import { importPackages, type ImportOutcome } from './import-package.js';
import { importReceipt } from './import-receipt.js';
import { makeReceipt } from './make-receipt.js';
import type { Manifest } from './manifest.js';
import { verifyPackageFile } from './verify-package.js';

let township: Fixture;
let county: Fixture;
let out: string;

beforeEach(async () => {
  township = await makeFixture();
  county = await makeCounty();
  out = await outDir(township, 'usb');
});
afterEach(async () => {
  await township.cleanup();
  await county.cleanup();
});

const PHOTO_A = pngBytes(1);
const PHOTO_B = pngBytes(2);
const THUMB_A = pngBytes(3);
const A = sha256Hex(PHOTO_A);
const B = sha256Hex(PHOTO_B);
const T = sha256Hex(THUMB_A);

async function repairWithPhotos(householdNo: string, seq: number, photos: { phase: 'before' | 'during' | 'after'; bytes: Buffer; thumb?: Buffer }[]) {
  await approvedHousehold(township, householdNo, seq);
  const repair = await township.call('housing/save', { repair: finishedRepair(householdNo) });
  const ids: string[] = [];
  for (const p of photos) {
    const added = await township.call('housing/addPhoto', {
      repairId: repair.id, phase: p.phase, fileName: `${householdNo}-${p.phase}.png`, contentBase64: p.bytes.toString('base64'),
      thumbnailBase64: p.thumb ? p.thumb.toString('base64') : null,
    });
    ids.push(added.id);
  }
  return { repairId: repair.id, photoIds: ids };
}

async function approveRepair(id: string) {
  await township.call('review/submit', { table: 'housing_repair', ids: [id] });
  await township.call('review/approve', { table: 'housing_repair', ids: [id] });
}

async function manifestOf(path: string): Promise<Manifest> {
  return JSON.parse(Buffer.from(unzipSync(new Uint8Array(await readFile(path)))['manifest.json']!).toString('utf8')) as Manifest;
}

/** The county's file store: names and bytes. */
async function countyPhotos(): Promise<Record<string, string>> {
  const folder = join(county.dir, 'photos');
  const names = await readdir(folder).catch(() => [] as string[]);
  const files: Record<string, string> = {};
  for (const name of names.sort()) files[name] = sha256Hex(await readFile(join(folder, name)));
  return files;
}

const TABLES = ['housing_repair', 'housing_photo', 'household', 'audit_log', 'imported_package', 'record_origin'];
async function snapshot(): Promise<Record<string, unknown>> {
  const counts: Record<string, unknown> = { files: await countyPhotos() };
  for (const t of TABLES) counts[t] = await count(county, `SELECT 1 FROM ${t}`);
  return counts;
}

async function refused(path: string): Promise<{ outcome: ImportOutcome; message: string }> {
  const before = await snapshot();
  const [outcome] = await importPackages(county.workstation.ctx, [path]);
  expect(outcome!.status).toBe('refused');
  expect(await snapshot()).toEqual(before);
  const [message] = await describeError(outcome!.refusal!);
  return { outcome: outcome!, message: message! };
}

/** The package rebuilt: entries changed or dropped, the manifest optionally changed and signed again by the township. */
async function rebuilt(pkg: ExportedPackage, name: string, change: { entries?: (e: Record<string, Uint8Array>) => void; manifest?: (m: Manifest) => void }): Promise<string> {
  const entries = unzipSync(new Uint8Array(await readFile(pkg.path)));
  change.entries?.(entries);
  if (change.manifest) {
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Manifest;
    change.manifest(manifest);
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    entries['manifest.json'] = new Uint8Array(bytes);
    entries['manifest.sig'] = new Uint8Array(signDetached(bytes, (await readKey(township.workstation.db.reader, 'signing'))!.privateKey));
  }
  const path = join(out, name);
  await writeFile(path, zipSync(entries, { level: 0 }));
  return path;
}

/** Two repairs: photo A (with its thumbnail) on both, photo B on the first. */
async function twoRepairs() {
  const first = await repairWithPhotos('H1', 11, [{ phase: 'before', bytes: PHOTO_A, thumb: THUMB_A }, { phase: 'after', bytes: PHOTO_B }]);
  const second = await repairWithPhotos('H2', 21, [{ phase: 'before', bytes: PHOTO_A, thumb: THUMB_A }]);
  return { first, second };
}

describe('housing photos travel as attachments', () => {
  it('township → county: each file once, encrypted, written to the county’s photos and shown there; a second import changes nothing', async () => {
    await exchangeKeys(township, county);
    const { first, second } = await twoRepairs();
    await approveRepair(first.repairId);
    await approveRepair(second.repairId);

    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const manifest = await manifestOf(pkg.path);
    expect(manifest.tables.find((t) => t.table === 'housing_photo')).toMatchObject({ rows: 3 });
    // A is named by two rows (and T by both as their thumbnail): each is stored once.
    expect(manifest.attachments.map((a) => [a.sha256, a.bytes, a.file])).toEqual(
      [[A, PHOTO_A.length], [B, PHOTO_B.length], [T, THUMB_A.length]].sort().map(([h, n]) => [h, n, `attachments/${h}.enc`]),
    );
    for (const a of manifest.attachments) expect(a).toMatchObject({ iv: expect.any(String), tag: expect.any(String) });
    // Encrypted: the picture's bytes do not appear in the archive.
    expect((await readFile(pkg.path)).includes(PHOTO_B)).toBe(false);

    expect(await verifyPackageFile(county.workstation.ctx, pkg.path)).toMatchObject({
      ok: true, contentChecked: true, package: { attachments: { files: 3, bytes: PHOTO_A.length + PHOTO_B.length + THUMB_A.length } },
    });
    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported).toMatchObject({ status: 'imported', result: { counts: { rejected: 0, conflicts: 0 } } });
    expect(await count(county, 'SELECT 1 FROM housing_photo WHERE deleted_at IS NULL')).toBe(3);
    expect(await countyPhotos()).toEqual({ [A]: A, [B]: B, [T]: T });

    // The county's housing page reads them through housing/photo, thumbnails included.
    const repair = await county.call('housing/get', { id: first.repairId });
    expect(repair.photos.map((p) => p.sha256).sort()).toEqual([A, B].sort());
    const thumb = await county.call('housing/photo', { id: first.photoIds[0]!, size: 'thumb' });
    expect(thumb.dataUrl).toBe(`data:image/png;base64,${THUMB_A.toString('base64')}`);
    const full = await county.call('housing/photo', { id: first.photoIds[1]!, size: 'full' });
    expect(full.dataUrl).toBe(`data:image/png;base64,${PHOTO_B.toString('base64')}`);

    const before = await snapshot();
    const modified = (await stat(join(county.dir, 'photos', A))).mtimeMs;
    const [again] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(again!.status).toBe('duplicate');
    expect(await snapshot()).toEqual(before);
    expect((await stat(join(county.dir, 'photos', A))).mtimeMs).toBe(modified);
  });

  it('incremental: only the photos of repairs that go up; a file the county holds is kept as it is', async () => {
    await exchangeKeys(township, county);
    const { first, second } = await twoRepairs();
    await approveRepair(first.repairId);
    const one = await exportPackage(township.workstation.ctx, { outDir: out });
    expect((await manifestOf(one.path)).attachments.map((a) => a.sha256)).toEqual([A, B, T].sort());
    await importPackages(county.workstation.ctx, [one.path]);
    const receipt = await makeReceipt(county.workstation.ctx, one.packageId, out);
    await importReceipt(township.workstation.ctx, receipt.path);

    await approveRepair(second.repairId);
    const two = await exportPackage(township.workstation.ctx, { outDir: out });
    const manifest = await manifestOf(two.path);
    expect(manifest.tables.find((t) => t.table === 'housing_photo')).toMatchObject({ rows: 1 });
    expect(manifest.attachments.map((a) => a.sha256)).toEqual([A, T].sort());
    const [imported] = await importPackages(county.workstation.ctx, [two.path]);
    expect(imported).toMatchObject({ status: 'imported', result: { counts: { records: 2, accepted: 2, rejected: 0 } } });
    expect(await count(county, 'SELECT 1 FROM housing_photo WHERE repair_id = ?', [second.repairId])).toBe(1);
    expect(await countyPhotos()).toEqual({ [A]: A, [B]: B, [T]: T });
  });

  it('an altered attachment is refused, naming the file; nothing is written', async () => {
    await exchangeKeys(township, county, { encrypt: false });
    const { first } = await twoRepairs();
    await approveRepair(first.repairId);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const path = await rebuilt(pkg, 'altered.tzpkg', {
      entries: (e) => {
        const bytes = e[`attachments/${B}`]!;
        bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
      },
    });
    const { outcome, message } = await refused(path);
    expect(outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.hashMismatch', params: { file: `attachments/${B}` } });
    expect(message).toBe(`文件 attachments/${B} 的 SHA-256 与清单不符（检查：文件哈希）：文件被改动或损坏`);
    expect(await verifyPackageFile(null, path)).toMatchObject({ ok: false, refusal: { code: 'package.hashMismatch', params: { file: `attachments/${B}` } } });
    expect((await importPackages(county.workstation.ctx, [pkg.path]))[0]!.status).toBe('imported');
  });

  it('a missing attachment is refused: dropped from the archive, or left out of a signed manifest', async () => {
    await exchangeKeys(township, county);
    const { first } = await twoRepairs();
    await approveRepair(first.repairId);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const file = `attachments/${B}.enc`;

    const dropped = await refused(await rebuilt(pkg, 'dropped.tzpkg', { entries: (e) => void delete e[file] }));
    expect(dropped.outcome.refusal).toMatchObject({ code: 'package.missingFile', params: { file } });
    expect(dropped.message).toBe(`数据包缺少文件 ${file}（检查：文件清单）`);

    const unlisted = await refused(await rebuilt(pkg, 'unlisted.tzpkg', {
      entries: (e) => void delete e[file],
      manifest: (m) => void (m.attachments = m.attachments.filter((a) => a.sha256 !== B)),
    }));
    expect(unlisted.outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.attachmentMissing', params: { file, table: 'data/housing_photo.ndjson.gz.enc' } });
    expect(unlisted.message).toBe(`data/housing_photo.ndjson.gz.enc 中的记录引用的附件 ${file} 不在数据包中（检查：附件清单）`);

    // An extra file no row names: listed and signed, or slipped in unlisted.
    const stray = await refused(await rebuilt(pkg, 'stray.tzpkg', { entries: (e) => void (e[`attachments/${'0'.repeat(64)}.enc`] = new Uint8Array([1])) }));
    expect(stray.outcome.refusal).toMatchObject({ code: 'package.unexpectedFile', params: { file: `attachments/${'0'.repeat(64)}.enc` } });
  });

  it('an extra attachment no record names is refused', async () => {
    await exchangeKeys(township, county, { encrypt: false });
    const { first, second } = await twoRepairs();
    await approveRepair(first.repairId);
    await approveRepair(second.repairId);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    // The rows of the second repair's photo removed from the file would change its hash; instead a
    // file is added to the signed manifest that no row names.
    const extra = pngBytes(9);
    const sha = sha256Hex(extra);
    const path = await rebuilt(pkg, 'extra.tzpkg', {
      entries: (e) => void (e[`attachments/${sha}`] = new Uint8Array(extra)),
      manifest: (m) => void m.attachments.push({ sha256: sha, bytes: extra.length, file: `attachments/${sha}`, stored: { sha256: sha, bytes: extra.length } }),
    });
    const { outcome, message } = await refused(path);
    expect(outcome.refusal).toMatchObject({ code: 'package.attachmentUnreferenced', params: { file: `attachments/${sha}` } });
    expect(message).toBe(`附件 attachments/${sha} 没有任何记录引用（检查：附件清单）`);
  });

  it('a photo file missing at the township stops the export, leaving no package behind', async () => {
    const { first } = await twoRepairs();
    await approveRepair(first.repairId);
    await rm(join(township.dir, 'photos', B));
    await expect(exportPackage(township.workstation.ctx, { outDir: out })).rejects.toMatchObject({ code: 'package.localFileMissing', params: { file: `photos/${B}` } });
    expect(await readdir(out)).toEqual([]);
    expect(await count(township, 'SELECT 1 FROM exported_package')).toBe(0);
  });
});
