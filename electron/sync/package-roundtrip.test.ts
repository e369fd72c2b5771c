import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { makeFixture, member, household, validId, type Fixture } from '../test/workstation-fixture.js';
import { approve, approvedHousehold, count, exchangeKeys, makeCounty, outDir } from '../test/package-fixture.js';
import { exportPackage } from './export-package.js';
import { importPackages } from './import-package.js';
import { makeReceipt } from './make-receipt.js';
import { importReceipt } from './import-receipt.js';
import { exportKeyFile, importKeyFile } from './key-files.js';
import { verifyAuditChain } from '../services/audit-chain.js';
import { ledgerTables } from './ledger-tables.js';

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

describe('township → county → receipt → township', () => {
  it('carries approved households, is readable without the key, and brings back each record’s county state', async () => {
    await exchangeKeys(township, county);
    const h1 = await approvedHousehold(township, 'H1', 11);
    await approvedHousehold(township, 'H2', 21);
    // A draft stays home until it is approved.
    await township.call('households/save', { household: household('H3'), members: [member('草稿户主', validId('19700101', 31), 'head')] });

    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    expect(pkg).toMatchObject({ sequence: 1, kind: 'incremental', baseSequence: 0, encrypted: true, records: 2 + 2 + 4 });

    // The manifest is readable by any zip tool; the payload is not.
    const zip = unzipSync(new Uint8Array(await readFile(pkg.path)));
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    expect(manifest).toMatchObject({ format: 'taizhang-package', formatVersion: 1, sequence: 1, source: { townshipCode: '371502100', townshipName: '测试镇' } });
    const listed = manifest.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]);
    expect(listed.filter(([, rows]: [string, number]) => rows > 0)).toEqual([['village', 2], ['household', 2], ['person', 4]]);
    // Every declared ledger is listed, empty ones with 0 rows, so the county sees nothing was left out.
    expect(listed.map(([table]: [string, number]) => table)).toEqual(ledgerTables.map((t) => t.name));
    expect(manifest.encryption.scheme).toBe('X25519-HKDF-SHA256-AES-256-GCM');
    expect(Object.keys(zip).sort()).toEqual([...ledgerTables.map((t) => `data/${t.name}.ndjson.gz.enc`), 'manifest.json', 'manifest.sig'].sort());
    expect(Buffer.from(zip['data/person.ndjson.gz.enc']!).includes(Buffer.from(validId('19650312', 11)))).toBe(false);

    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported).toMatchObject({ status: 'imported', sequence: 1, missing: [], result: { counts: { records: 8, accepted: 8, inserted: 8, rejected: 0, conflicts: 0 } } });
    // Same ids, versions and stamps as at the township; audited at the county with the package as reason.
    const atTownship = await township.workstation.db.get<Record<string, unknown>>('SELECT id, row_version, created_by, updated_at FROM household WHERE id = ?', [h1.id]);
    const atCounty = await county.workstation.db.get<Record<string, unknown>>('SELECT id, row_version, created_by, updated_at FROM household WHERE id = ?', [h1.id]);
    expect(atCounty).toEqual(atTownship);
    expect(await count(county, "SELECT 1 FROM audit_log WHERE table_name = 'person' AND action = 'insert' AND reason LIKE '数据包 371502100 第 1 号%'")).toBe(4);
    // Written in batches, the county's audit rows still form one unbroken chain.
    expect(await verifyAuditChain(county.workstation.db.reader)).toMatchObject({ ok: true, firstBreak: null });

    const receipt = await makeReceipt(county.workstation.ctx, pkg.packageId, out);
    expect(receipt.counts).toEqual({ records: 8, accepted: 8, rejected: 0, conflicts: 0 });
    expect(await importReceipt(township.workstation.ctx, receipt.path)).toMatchObject({ status: 'imported', packageSequence: 1 });
    const states = await township.call('packages/recordStates', { table: 'household', ids: [h1.id] });
    expect(states).toEqual([expect.objectContaining({ id: h1.id, state: 'accepted', action: 'inserted', issues: [], packageSequence: 1 })]);

    // The receipt acknowledged package 1: the next package carries only what changed since.
    const summary = await township.call('packages/summary', {});
    expect(summary.township).toMatchObject({ lastSequence: 1, acknowledgedSequence: 1, countyStates: { accepted: 8 } });
    expect(summary.township!.pending.every((p) => p.rows === 0)).toBe(true);
    const again = await importReceipt(township.workstation.ctx, receipt.path);
    expect(again.status).toBe('duplicate');
  });

  it('rejects a record that breaks a county-wide rule, with the reason, and the township sees it', async () => {
    // Another township of the county already registered this ID number.
    const other = await makeFixture({ setup: false });
    try {
      await other.call('settings/update', { orgCode: '371502101', orgName: '邻镇' });
      await other.call('villages/save', { code: '371502101201', name: '邻村' });
      const theirs = await other.call('households/save', {
        household: household('N1', { villageCode: '371502101201' }), members: [member('邻镇户主', validId('19650312', 11), 'head')],
      });
      await approve(other, theirs.id);
      const key = await exportKeyFile(other.workstation.ctx);
      await importKeyFile(county.workstation.ctx, key.content, key.fileName);
      const theirPkg = await exportPackage(other.workstation.ctx, { outDir: out });
      expect((await importPackages(county.workstation.ctx, [theirPkg.path]))[0]!.status).toBe('imported');
    } finally {
      await other.cleanup();
    }

    await exchangeKeys(township, county, { encrypt: false });
    const mine = await approvedHousehold(township, 'H1', 11);
    const pkg = await exportPackage(township.workstation.ctx, { outDir: out });
    expect(pkg.encrypted).toBe(false);
    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported!.result!.counts).toMatchObject({ records: 2 + 1 + 2, accepted: 4, rejected: 1 });

    const receipt = await makeReceipt(county.workstation.ctx, pkg.packageId, out);
    // No county key registered at the township: the receipt is refused until the clerk confirms the fingerprint.
    await expect(importReceipt(township.workstation.ctx, receipt.path)).rejects.toMatchObject({ kind: 'integrity', code: 'package.unregisteredCounty' });
    const countyKeys = await county.call('keys/get', {});
    await importReceipt(township.workstation.ctx, receipt.path, { trustFingerprint: countyKeys.signing.grouped.toLowerCase() });
    const head = await township.workstation.db.get<{ id: string }>("SELECT id FROM person WHERE relation = 'head' AND household_id = ?", [mine.id]);
    const [state] = await township.call('packages/recordStates', { table: 'person', ids: [head!.id] });
    // The reason names the township that holds the number, not the person.
    expect(state).toMatchObject({ state: 'rejected', issues: [{ field: 'idNumber', code: 'sync.idNumberHeldElsewhere', params: { township: '371502101' } }] });
    // The household list shows the rejected member on the household's row.
    const listed = await township.call('households/page', { startRow: 0, endRow: 10 });
    expect(listed.rows.map((r) => [r.householdNo, r.rejectedMembers])).toEqual([['H1', [expect.any(String)]]]);
    const headName = (await township.workstation.db.get<{ name: string }>('SELECT name FROM person WHERE id = ?', [head!.id]))!.name;
    expect(listed.rows[0]!.rejectedMembers).toEqual([headName]);

    // The county sees both townships' ledgers.
    const page = await county.call('households/page', { startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => r.householdNo).sort()).toEqual(['H1', 'N1']);
    const townships = await county.call('county/townships', {});
    expect(townships.map((t) => [t.code, t.households, t.persons, t.lastSequence])).toEqual([['371502100', 1, 1, 1], ['371502101', 1, 1, 1]]);
  });
});
