import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { approvedHousehold } from '../test/package-fixture.js';
import { tabs } from '../test/tabs.js';

let township: Fixture;
let county: Fixture;

beforeEach(async () => {
  township = await makeFixture();
  county = await makeFixture({ setup: false });
});
afterEach(async () => {
  await township.cleanup();
  await county.cleanup();
});

const upload = (file: { fileName: string; contentBase64: string }) => ({ fileName: file.fileName, contentBase64: file.contentBase64 });

describe('the packages contract, as the 数据包 page will call it', () => {
  it('sets up keys, exports, imports, answers and shows the history on both sides', async () => {
    const keys = await township.call('keys/get', {});
    expect(keys).toMatchObject({ mode: 'township', encryption: null, county: null });
    expect(keys.signing.grouped).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);

    const countyKeys = await county.call('county/setup', { countyCode: '371502', countyName: '示例县' });
    expect(countyKeys).toMatchObject({ mode: 'county', county: { code: '371502', name: '示例县' } });
    expect(countyKeys.encryption).not.toBeNull();
    expect(await county.call('county/registerKey', upload(await township.call('keys/exportPublic', {})))).toMatchObject({ role: 'township', code: '371502100', grouped: keys.signing.grouped });
    expect(await township.call('keys/importCounty', upload(await county.call('keys/exportPublic', {})))).toMatchObject({ role: 'county', code: '371502' });
    expect(await county.fail('county/registerKey', upload(await county.call('keys/exportPublic', {})))).toMatchObject({ code: 'package.wrongKeyRole' });

    await approvedHousehold(township, 'H1', 11);
    const summary = (await township.call('packages/summary', {})).township;
    expect(summary).toMatchObject({ countyKnown: true, encrypts: true, lastSequence: 0 });
    // Every declared ledger is in the summary; only the register has rows here.
    expect(summary?.pending.filter((p) => p.rows > 0)).toEqual([{ table: 'village', rows: 2 }, { table: 'household', rows: 1 }, { table: 'person', rows: 2 }]);
    const exported = await township.call('packages/export', { full: false });
    expect(exported.package).toMatchObject({ sequence: 1, encrypted: true, records: 5 });
    expect(exported.file.fileName).toBe('371502100-000001-incremental.tzpkg');

    expect(await county.call('packages/verify', upload(exported.file))).toMatchObject({ ok: true, keyStatus: 'registered', contentChecked: true, fileName: exported.file.fileName });
    const [outcome] = await county.call('county/importPackages', { files: [upload(exported.file)] });
    expect(outcome).toMatchObject({ status: 'imported', fileName: exported.file.fileName, result: { counts: { accepted: 5 } } });
    expect(await county.call('county/conflicts', {})).toEqual([]);

    const receipt = await county.call('county/makeReceipt', { packageId: exported.package.packageId });
    expect(await township.call('packages/importReceipt', upload(receipt))).toMatchObject({ status: 'imported', packageSequence: 1 });

    const history = await township.call('packages/history', {});
    expect(history.exported).toEqual([expect.objectContaining({ sequence: 1, encrypted: true, accepted: 5, rejected: 0, acknowledgedAt: '2021-06-15T08:00:00.000Z' })]);
    expect((await county.call('packages/history', {})).imported).toEqual([expect.objectContaining({ townshipCode: '371502100', sequence: 1, accepted: 5, missing: [] })]);
    expect((await county.call('packages/summary', {})).county).toEqual({ townships: 1, packages: 1, openConflicts: 0 });
  });

  it('keeps key registration to administrators and packages to reviewers', async () => {
    const t = tabs(township);
    await t.withAccounts();
    const clerk = await t.signedIn('clerk');
    const reviewer = await t.signedIn('reviewer');
    expect(await clerk.fail('packages/export', { full: false })).toMatchObject({ kind: 'forbidden' });
    expect(await reviewer.fail('keys/importCounty', { fileName: 'x.tzkey', contentBase64: '' })).toMatchObject({ kind: 'forbidden' });
    expect((await reviewer.call('packages/export', { full: true })).package).toMatchObject({ kind: 'full', sequence: 1 });
    // Each export is in the audit trail like any export of full ID numbers.
    expect(await township.workstation.db.get("SELECT actor FROM audit_log WHERE action = 'reveal' AND table_name = 'package'")).toEqual({ actor: 'reviewer' });
  });
});
