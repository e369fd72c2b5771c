import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, member, validId, type Fixture } from '../test/workstation-fixture.js';
import { approve, approvedHousehold, count, exchangeKeys, makeCounty, outDir } from '../test/package-fixture.js';
import { openWorkstation } from '../app/workstation.js';
import { makeBackup } from '../backup/backup-service.js';
import { updateRecord } from '../services/record-store.js';
import { describeError } from '../cli/output.js';
import { exportPackage, type ExportedPackage } from './export-package.js';
import { importPackages } from './import-package.js';
import { makeReceipt } from './make-receipt.js';
import { importReceipt } from './import-receipt.js';

let township: Fixture;
let county: Fixture;
let out: string;

beforeEach(async () => {
  township = await makeFixture();
  county = await makeCounty();
  out = await outDir(township, 'usb');
  await exchangeKeys(township, county);
});
afterEach(async () => {
  await township.cleanup();
  await county.cleanup();
});

const exportNext = (full = false) => exportPackage(township.workstation.ctx, { outDir: out, full });

/** County imports, answers with a receipt, township imports it. */
async function deliver(pkg: ExportedPackage, to: Fixture = county) {
  const [outcome] = await importPackages(to.workstation.ctx, [pkg.path]);
  expect(outcome!.status).toBe('imported');
  const receipt = await makeReceipt(to.workstation.ctx, pkg.packageId, out);
  await importReceipt(township.workstation.ctx, receipt.path);
  return outcome!;
}

/** Reopen, change, approve again: how an approved household is corrected. */
async function correct(id: string, change: Record<string, unknown>) {
  await township.call('review/reopen', { table: 'household', ids: [id], reason: '更正' });
  const h = await township.call('households/get', { id });
  await township.call('households/save', { household: { ...h, ...change }, members: h.members });
  await approve(township, id);
}

describe('incremental packages', () => {
  it('carry only what changed since the acknowledged package; full on request carries everything', async () => {
    const h1 = await approvedHousehold(township, 'H1', 11);
    await approvedHousehold(township, 'H2', 21);
    await deliver(await exportNext());
    await correct(h1.id, { helperName: '新帮扶人' });
    const second = await exportNext();
    expect(second).toMatchObject({ sequence: 2, baseSequence: 1 });
    expect(second.tables.filter((t) => t.rows > 0)).toEqual([{ table: 'household', rows: 1 }, { table: 'person', rows: 2 }]);
    const outcome = await deliver(second);
    expect(outcome.result!.counts).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await county.workstation.db.get('SELECT helper_name FROM household WHERE id = ?', [h1.id])).toEqual({ helper_name: '新帮扶人' });
    const full = await exportNext(true);
    expect(full).toMatchObject({ sequence: 3, kind: 'full', baseSequence: 0, records: 2 + 2 + 4 });
    expect((await deliver(full)).result!.counts).toMatchObject({ accepted: 8, unchanged: 8 });
  });

  it('carry a deletion through to the county', async () => {
    const h1 = await approvedHousehold(township, 'H1', 11);
    await deliver(await exportNext());
    await township.call('review/reopen', { table: 'household', ids: [h1.id], reason: '重复建档' });
    const h = await township.call('households/get', { id: h1.id });
    await township.call('households/delete', { id: h1.id, rowVersion: h.rowVersion, reason: '重复建档' });
    const outcome = await deliver(await exportNext());
    expect(outcome.result!.counts).toMatchObject({ records: 3, deleted: 3 });
    expect(await count(county, 'SELECT 1 FROM household WHERE deleted_at IS NULL')).toBe(0);
    expect(await count(county, 'SELECT 1 FROM person WHERE deleted_at IS NULL')).toBe(0);
    expect(await count(county, "SELECT 1 FROM audit_log WHERE action = 'delete' AND table_name IN ('household', 'person')")).toBe(3);
    const [state] = await township.call('packages/recordStates', { table: 'household', ids: [h1.id] });
    expect(state).toMatchObject({ state: 'accepted', action: 'deleted' });
  });
});

describe('importing again and out of order', () => {
  it('the same package twice changes nothing and says so', async () => {
    await approvedHousehold(township, 'H1', 11);
    const pkg = await exportNext();
    await importPackages(county.workstation.ctx, [pkg.path]);
    const audit = await count(county, 'SELECT 1 FROM audit_log');
    const [again] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(again).toMatchObject({ status: 'duplicate', refusal: { code: 'package.duplicate' } });
    expect((await describeError(again!.refusal!))[0]).toBe('这个数据包已于 2021-06-15T08:00:00.000Z 导入过，这次没有任何改动');
    expect(await count(county, 'SELECT 1 FROM audit_log')).toBe(audit);
    expect(await count(county, 'SELECT 1 FROM imported_package')).toBe(1);
  });

  it('reports a gap; refuses a package that depends on the missing one until it arrives', async () => {
    await approvedHousehold(township, 'H1', 11);
    const p1 = await exportNext();
    await deliver(p1);
    // The county's database as it was after package 1: restored from a backup.
    const backup = await makeBackup(county.workstation.db, await outDir(county, 'backups'), 'manual', new Date('2021-06-15T09:00:00Z'));
    await approvedHousehold(township, 'H2', 21);
    const p2 = await exportNext();
    await deliver(p2);
    await approvedHousehold(township, 'H3', 31);
    const p3 = await exportNext();
    expect(p3.baseSequence).toBe(2);

    const restored = await openWorkstation(backup.file, { actor: 'tester', now: () => new Date('2021-06-16T08:00:00Z') });
    try {
      const [gap] = await importPackages(restored.ctx, [p3.path]);
      expect(gap).toMatchObject({ status: 'refused', refusal: { kind: 'bad_request', code: 'package.sequenceGap', params: { missing: '2', sequence: 3 } } });
      expect((await describeError(gap!.refusal!))[0]).toBe('乡镇 371502100 的第 3 号数据包依赖尚未导入的第 2 号，请先导入缺少的数据包');
      expect(await restored.db.get('SELECT count(*) AS n FROM household')).toEqual({ n: 1 });
      // Given together, out of order: taken as 2 then 3.
      const both = await importPackages(restored.ctx, [p3.path, p2.path]);
      expect(both.map((o) => [o.sequence, o.status])).toEqual([[2, 'imported'], [3, 'imported']]);
      expect(await restored.db.get('SELECT count(*) AS n FROM household')).toEqual({ n: 3 });
    } finally {
      await restored.close();
    }
  });

  it('accepts a package that covers a lost one, naming the missing number', async () => {
    await approvedHousehold(township, 'H1', 11);
    await deliver(await exportNext());
    await approvedHousehold(township, 'H2', 21);
    await exportNext(); // package 2: lost on the way, never acknowledged
    await approvedHousehold(township, 'H3', 31);
    const p3 = await exportNext();
    expect(p3.baseSequence).toBe(1);
    const [outcome] = await importPackages(county.workstation.ctx, [p3.path]);
    expect(outcome).toMatchObject({ status: 'imported', missing: [2] });
    expect(await count(county, 'SELECT 1 FROM household')).toBe(3);
  });
});

describe('conflicts', () => {
  it('a record changed at the county since the township’s version is listed, not overwritten', async () => {
    const h1 = await approvedHousehold(township, 'H1', 11);
    await deliver(await exportNext());
    // A county officer corrects the household directly.
    await county.workstation.db.transaction((tx) => updateRecord(tx, county.workstation.ctx, 'household', h1.id, null, { address: '县里核实的住址' }));
    await correct(h1.id, { address: '乡镇改的住址', members: undefined });
    const outcome = await deliver(await exportNext());
    expect(outcome.result!.counts).toMatchObject({ conflicts: 1, unchanged: 2 });
    expect(outcome.result!.conflicts).toEqual([{ table: 'household', id: h1.id, countyVersion: expect.any(Number), incomingVersion: expect.any(Number) }]);
    expect(await county.workstation.db.get('SELECT address FROM household WHERE id = ?', [h1.id])).toEqual({ address: '县里核实的住址' });
    expect(await county.call('county/conflicts', {})).toEqual([expect.objectContaining({ table: 'household', id: h1.id, townshipCode: '371502100' })]);
    const [state] = await township.call('packages/recordStates', { table: 'household', ids: [h1.id] });
    expect(state).toMatchObject({ state: 'conflict', issues: [{ code: 'sync.conflict' }] });
  });

  it('a change of head travels although the new head and the old are written in either order', async () => {
    const h1 = await approvedHousehold(township, 'H1', 11);
    await deliver(await exportNext());
    await township.call('review/reopen', { table: 'household', ids: [h1.id], reason: '户主去世' });
    const h = await township.call('households/get', { id: h1.id });
    const [head, spouse] = h.members;
    await township.call('households/save', {
      household: h,
      members: [{ ...head!, removalReason: 'death' }, { ...spouse!, relation: 'head' }, member('新成员', validId('19900101', 51), 'son')],
    });
    await approve(township, h1.id);
    const outcome = await deliver(await exportNext());
    expect(outcome.result!.counts).toMatchObject({ rejected: 0, updated: 3, inserted: 1 });
    expect(await county.workstation.db.get("SELECT name FROM person WHERE relation = 'head' AND removal_reason IS NULL AND household_id = ?", [h1.id])).toEqual({ name: '配偶11' });
  });
});
