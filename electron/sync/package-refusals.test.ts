import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { approvedHousehold, exchangeKeys, makeCounty, outDir } from '../test/package-fixture.js';
import { describeError } from '../cli/output.js';
import { exportPackage, type ExportedPackage } from './export-package.js';
import { importPackages, type ImportOutcome } from './import-package.js';
import { exportKeyFile, importKeyFile } from './key-files.js';
import { openZipReader } from './zip-reader.js';
import { createZipWriter } from './zip-writer.js';
import { signDetached } from './crypto.js';
import { readKey } from './identity.js';
import type { Manifest } from './manifest.js';

let township: Fixture;
let county: Fixture;
let out: string;
const extra: Fixture[] = [];

beforeEach(async () => {
  township = await makeFixture();
  county = await makeCounty();
  out = await outDir(township, 'usb');
  await approvedHousehold(township, 'H1', 11);
  await approvedHousehold(township, 'H2', 21);
});
afterEach(async () => {
  for (const f of [township, county, ...extra.splice(0)]) await f.cleanup();
});

/** Where an entry's bytes start: just after its name and extra field in the local header. */
function dataOffset(zip: Buffer, name: string): number {
  const at = zip.indexOf(Buffer.from(name, 'utf8'));
  expect(zip.readUInt32LE(at - 30)).toBe(0x04034b50);
  return at + name.length + zip.readUInt16LE(at - 2);
}

const TABLES = ['village', 'household', 'person', 'audit_log', 'imported_package', 'record_origin', 'package_record_result', 'registered_township', 'package_conflict'];

async function snapshot(f: Fixture): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = (await f.workstation.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n;
  return counts;
}

/** Imports and expects a refusal; the county's database must be exactly as before. */
async function refused(path: string, options = {}): Promise<{ outcome: ImportOutcome; message: string }> {
  const before = await snapshot(county);
  const [outcome] = await importPackages(county.workstation.ctx, [path], options);
  expect(outcome!.status).toBe('refused');
  expect(await snapshot(county)).toEqual(before);
  const [message] = await describeError(outcome!.refusal!);
  return { outcome: outcome!, message: message! };
}

async function tampered(pkg: ExportedPackage, name: string, change: (zip: Buffer) => Buffer): Promise<string> {
  const path = join(out, name);
  await writeFile(path, change(await readFile(pkg.path)));
  return path;
}

/** The package with its manifest changed and signed again by the township: a township bug, not an attack. */
async function resigned(pkg: ExportedPackage, name: string, change: (m: Manifest) => void): Promise<string> {
  const reader = await openZipReader(pkg.path);
  const manifest = JSON.parse((await reader.readAll('manifest.json', 1e6)).toString('utf8')) as Manifest;
  change(manifest);
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const key = (await readKey(township.workstation.db.reader, 'signing'))!;
  const path = join(out, name);
  const writer = await createZipWriter(path, new Date());
  for (const t of manifest.tables) await writer.add(t.file, reader.read(t.file));
  await writer.add('manifest.json', bytes);
  await writer.add('manifest.sig', signDetached(bytes, key.privateKey));
  await writer.close();
  await reader.close();
  return path;
}

describe('a package that fails a check is refused whole, with the check and the file named', () => {
  it('one byte changed in a data file: the file’s hash', async () => {
    await exchangeKeys(township, county);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const path = await tampered(pkg, 'byte.tzpkg', (zip) => {
      const at = dataOffset(zip, 'data/person.ndjson.gz.enc') + 20;
      zip[at] = zip[at]! ^ 0x01;
      return zip;
    });
    const { outcome, message } = await refused(path);
    expect(outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.hashMismatch', params: { file: 'data/person.ndjson.gz.enc' } });
    expect(message).toBe('文件 data/person.ndjson.gz.enc 的 SHA-256 与清单不符（检查：文件哈希）：文件被改动或损坏');
    // The untouched package still goes in.
    expect((await importPackages(county.workstation.ctx, [pkg.path]))[0]!.status).toBe('imported');
  });

  it('one byte changed in the manifest: the signature', async () => {
    await exchangeKeys(township, county);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const path = await tampered(pkg, 'manifest.tzpkg', (zip) => {
      const at = zip.indexOf(Buffer.from('"rows": 4'));
      zip[at + 8] = '5'.charCodeAt(0);
      return zip;
    });
    const { outcome, message } = await refused(path);
    expect(outcome.refusal).toMatchObject({ code: 'package.badSignature', params: { file: 'manifest.json' } });
    expect(message).toContain('签名无效（检查：签名，文件 manifest.json）');
  });

  it('a signed manifest that does not match its files: the row count, the money sums', async () => {
    await exchangeKeys(township, county);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const extraRow = await resigned(pkg, 'count.tzpkg', (m) => void (m.tables.find((t) => t.table === 'person')!.rows += 1));
    const counted = await refused(extraRow);
    expect(counted.outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.countMismatch', params: { file: 'data/person.ndjson.gz.enc', expected: 5, actual: 4 } });
    expect(counted.message).toBe('文件 data/person.ndjson.gz.enc 的记录数与清单不符（检查：记录数）：清单 5 条，实有 4 条');
    const summed = await refused(await resigned(pkg, 'sum.tzpkg', (m) => void (m.tables.find((t) => t.table === 'household')!.sums = { subsidy_fen: '880000' })));
    expect(summed.outcome.refusal).toMatchObject({ code: 'package.sumMismatch', params: { file: 'data/household.ndjson.gz.enc', column: 'subsidy_fen', expected: '880000', actual: '-' } });
    expect(summed.message).toBe('文件 data/household.ndjson.gz.enc 的 subsidy_fen 合计与清单不符（检查：金额合计）：清单 880000 分，实为 - 分');
  });

  it('a package with several problems: the contents are named before the sequence, though the rows are merged as they are read', async () => {
    await exchangeKeys(township, county);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const late = (m: Manifest) => Object.assign(m, { sequence: 3, baseSequence: 2 });
    const gap = await refused(await resigned(pkg, 'gap.tzpkg', late));
    expect(gap.outcome.refusal).toMatchObject({ code: 'package.sequenceGap' });
    const both = await refused(await resigned(pkg, 'both.tzpkg', (m) => void (late(m).tables.find((t) => t.table === 'person')!.rows += 1)));
    expect(both.outcome.refusal).toMatchObject({ code: 'package.countMismatch', params: { file: 'data/person.ndjson.gz.enc', expected: 5, actual: 4 } });
  });

  it('truncated: the archive structure', async () => {
    await exchangeKeys(township, county);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const path = await tampered(pkg, 'cut.tzpkg', (zip) => zip.subarray(0, Math.floor(zip.length / 2)));
    const { outcome, message } = await refused(path);
    expect(outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.truncated', params: { file: 'cut.tzpkg' } });
    expect(message).toBe('数据包不完整（检查：文件结构，文件 cut.tzpkg）：文件被截断或没有拷贝完，请重新拷贝');
  });

  it('signed by a key not registered for the township: the signing key', async () => {
    await exchangeKeys(township, county);
    // Another workstation claiming to be the same township, with its own key.
    const impostor = await makeFixture();
    extra.push(impostor);
    await approvedHousehold(impostor, 'X1', 41);
    const pkg = await exportPackage(impostor.workstation.ctx, { outDir: out });
    const { outcome, message } = await refused(pkg.path);
    expect(outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.keyMismatch', params: { file: 'manifest.json', township: '371502100' } });
    expect(message).toMatch(/^数据包由未登记的密钥签名（检查：签名密钥，文件 manifest.json）：乡镇 371502100 登记的指纹为 [0-9A-F]{4}( [0-9A-F]{4}){15}，此包为/);
  });

  it('from a township whose key is not registered: shows the fingerprint, and goes in once the clerk confirms it', async () => {
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const { outcome, message } = await refused(pkg.path);
    expect(outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.unregisteredKey' });
    const fingerprint = String(outcome.refusal!.params.fingerprint);
    expect(message).toContain(`此包的公钥指纹：${fingerprint}`);
    expect((await refused(pkg.path, { trustFingerprint: '0000' })).outcome.refusal!.code).toBe('package.fingerprintMismatch');
    const [ok] = await importPackages(county.workstation.ctx, [pkg.path], { trustFingerprint: fingerprint.toLowerCase() });
    expect(ok!.status).toBe('imported');
    expect(await county.call('county/townships', {})).toEqual([expect.objectContaining({ code: '371502100', source: 'confirmed', grouped: fingerprint })]);
  });

  it('encrypted to another county’s key: the recipient', async () => {
    const otherCounty = await makeCounty();
    extra.push(otherCounty);
    await exchangeKeys(township, county, { encrypt: false });
    const key = await exportKeyFile(otherCounty.workstation.ctx);
    await importKeyFile(township.workstation.ctx, key.content, key.fileName);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    expect(pkg.encrypted).toBe(true);
    const { outcome, message } = await refused(pkg.path);
    expect(outcome.refusal).toMatchObject({ kind: 'integrity', code: 'package.otherRecipient', params: { file: 'manifest.json' } });
    expect(message).toMatch(/^数据包是加密给另一个县的（检查：加密接收方，文件 manifest.json）/);
  });

  it('a payload that does not authenticate: the GCM tag', async () => {
    // A changed ciphertext is caught by the stored hash first; the tag is the second line of
    // defence, checked here directly with a wrong tag.
    await exchangeKeys(township, county);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    const { openPackage, packageRows } = await import('./read-package.js');
    const { PayloadOpener } = await import('./crypto.js');
    const { readKey } = await import('./identity.js');
    const opened = await openPackage(pkg.path);
    const entry = { ...opened.manifest.tables.find((t) => t.table === 'person')!, tag: Buffer.alloc(16).toString('base64') };
    const own = (await readKey(county.workstation.db.reader, 'encryption'))!;
    const opener = new PayloadOpener(own, opened.manifest.encryption!.ephemeralPublicKey, opened.manifest.packageId);
    await expect((async () => { for await (const row of packageRows(opened, entry, opener)) void row; })()).rejects.toMatchObject({ code: 'package.decryptFailed' });
    await opened.close();
  });
});
