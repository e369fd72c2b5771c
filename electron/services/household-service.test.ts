import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { household, makeFixture, member, validId, VILLAGE_B, type Fixture } from '../test/workstation-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  await f.cleanup();
});

const HEAD = validId('19650312', 11);
const WIFE = validId('19680720', 22);
const SON = validId('19900101', 31);

async function saveThree() {
  return f.call('households/save', {
    household: household('H0001', { cause: 'illness', dibao: true, helperName: '王帮扶' }),
    members: [member('张三', HEAD, 'head'), member('李四', WIFE, 'spouse'), member('张小三', SON, 'son')],
  });
}

describe('households/save', () => {
  it('stores a household with derived sex and birth date, and finds it after reopening', async () => {
    const saved = await saveThree();
    expect(saved.rowVersion).toBe(1);
    await f.reopen();
    const loaded = await f.call('households/get', { id: saved.id });
    expect(loaded.householdNo).toBe('H0001');
    expect(loaded.villageName).toBe('张庄村');
    expect(loaded.members.map((m) => [m.name, m.sex, m.birthDate])).toEqual([
      ['张三', 'male', '1965-03-12'],
      ['李四', 'female', '1968-07-20'],
      ['张小三', 'male', '1990-01-01'],
    ]);
  });

  it('writes one audit row per inserted row in the same transaction', async () => {
    const saved = await saveThree();
    const audit = await f.workstation.db.all<{ action: string; table_name: string; actor: string }>(
      'SELECT action, table_name, actor FROM audit_log WHERE table_name IN (?, ?) ORDER BY seq', ['household', 'person'],
    );
    expect(audit.map((a) => `${a.action}:${a.table_name}`)).toEqual(['insert:household', 'insert:person', 'insert:person', 'insert:person']);
    expect(audit.every((a) => a.actor === 'tester')).toBe(true);
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
  });

  it('refuses a wrong check character, naming the member and the expected character', async () => {
    const bad = HEAD.slice(0, 17) + (HEAD[17] === '0' ? '1' : '0');
    const error = await f.fail('households/save', { household: household('H0002'), members: [member('张三', bad, 'head')] });
    expect(error.kind).toBe('validation');
    expect(error.issues).toContainEqual(expect.objectContaining({ field: 'members.0.idNumber', code: 'idNumber.checksum', params: { expected: HEAD[17], actual: bad[17] } }));
    const count = await f.workstation.db.get<{ n: number }>('SELECT count(*) AS n FROM household');
    expect(count?.n).toBe(0);
  });

  it('refuses an ID number held by another household and names that household', async () => {
    await saveThree();
    const error = await f.fail('households/save', {
      household: household('H0009'),
      members: [member('王五', validId('19700101', 51), 'head'), member('李四', WIFE, 'spouse')],
    });
    expect(error.issues).toContainEqual(expect.objectContaining({
      field: 'members.1.idNumber', code: 'idNumber.heldByOther', params: { householdNo: 'H0001', headName: '张三', personName: '李四' },
    }));
  });

  it('refuses a household without exactly one head', async () => {
    const none = await f.fail('households/save', { household: household('H0003'), members: [member('李四', WIFE, 'spouse')] });
    expect(none.issues).toContainEqual(expect.objectContaining({ field: 'members', code: 'household.noHead' }));
    const two = await f.fail('households/save', { household: household('H0003'), members: [member('张三', HEAD, 'head'), member('李四', WIFE, 'head')] });
    expect(two.issues).toContainEqual(expect.objectContaining({ code: 'household.manyHeads', params: { count: 2 } }));
  });

  it('refuses a duplicate household number and an unknown village', async () => {
    await saveThree();
    const error = await f.fail('households/save', {
      household: household('H0001', { villageCode: '371502100999' }),
      members: [member('王五', validId('19700101', 51), 'head')],
    });
    expect(error.issues?.map((i) => i.code).sort()).toEqual(['household.noTaken', 'village.unknown']);
  });

  it('updates with optimistic locking and audits only what changed', async () => {
    const saved = await saveThree();
    const loaded = await f.call('households/get', { id: saved.id });
    const updated = await f.call('households/save', {
      household: { ...loaded, villageCode: VILLAGE_B },
      members: loaded.members.map((m) => (m.name === '张小三' ? { ...m, schoolStatus: 'higher' } : m)),
    });
    expect(updated.rowVersion).toBe(2);
    const stale = await f.fail('households/save', { household: { ...loaded }, members: loaded.members });
    expect(stale.kind).toBe('conflict');
    const audit = await f.workstation.db.all<{ table_name: string; before_json: string; after_json: string }>(
      "SELECT table_name, before_json, after_json FROM audit_log WHERE action = 'update' ORDER BY seq",
    );
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.after_json)).toEqual({ village_code: VILLAGE_B });
    expect(JSON.parse(audit[1]!.before_json)).toEqual({ school_status: null });
  });

  it('an unchanged save writes nothing', async () => {
    const saved = await saveThree();
    const loaded = await f.call('households/get', { id: saved.id });
    const again = await f.call('households/save', { household: loaded, members: loaded.members });
    expect(again.rowVersion).toBe(1);
    const n = await f.workstation.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE action = ?', ['update']);
    expect(n?.n).toBe(0);
  });

  it('deletes by tombstone, keeps the rows and frees the ID numbers', async () => {
    const saved = await saveThree();
    await f.call('households/delete', { id: saved.id, rowVersion: 1, reason: '重复录入' });
    await expect(f.fail('households/get', { id: saved.id })).resolves.toMatchObject({ kind: 'not_found' });
    const rows = await f.workstation.db.get<{ n: number }>('SELECT count(*) AS n FROM person WHERE deleted_at IS NOT NULL');
    expect(rows?.n).toBe(3);
    expect(await f.call('persons/idHolder', { idNumber: HEAD })).toBeNull();
  });

  it('refuses to delete a household, or drop a member, that other ledgers still hold records for', async () => {
    const saved = await saveThree();
    await f.call('school/save', {
      idNumber: SON, schoolYear: '2020-2021', schoolTerm: 'autumn', schoolStage: 'higher', aidItem: 'national_grant', amount: '3000', paidDate: '2020-10-20',
    });
    const refused = await f.fail('households/delete', { id: saved.id, rowVersion: 1, reason: '重复录入' });
    expect(refused.issues).toEqual([{ field: 'household', code: 'household.hasLedgerRecords', params: { ledger: '教育资助', count: 1 } }]);
    const loaded = await f.call('households/get', { id: saved.id });
    const dropped = await f.fail('households/save', { household: loaded, members: loaded.members.filter((m) => m.idNumber !== SON) });
    expect(dropped.issues?.map((i) => i.code)).toEqual(['person.hasLedgerRecords']);
    // Nothing changed: the household and all three members are still live.
    expect((await f.call('households/get', { id: saved.id })).members).toHaveLength(3);
  });
});

describe('audit_log', () => {
  it('is append-only', async () => {
    await saveThree();
    await expect(f.workstation.db.transaction((tx) => tx.run('DELETE FROM audit_log'))).rejects.toThrow(/append-only/);
    await expect(f.workstation.db.transaction((tx) => tx.run("UPDATE audit_log SET actor = 'x'"))).rejects.toThrow(/append-only/);
  });
});

describe('persons/idHolder', () => {
  it('finds the holder of a typed ID, lower-case x included', async () => {
    await saveThree();
    const holder = await f.call('persons/idHolder', { idNumber: WIFE.toLowerCase() });
    expect(holder).toMatchObject({ householdNo: 'H0001', headName: '张三', personName: '李四' });
  });
});

describe('contract validation in the main process', () => {
  it('refuses input the contract does not allow, before any service runs', async () => {
    const error = await f.fail('households/save', { household: { householdNo: 'X', villageCode: '12', status: 'rich' }, members: [] } as never);
    expect(error.kind).toBe('validation');
    expect(error.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(['household.villageCode', 'household.status']));
  });

  it('refuses an unknown method', async () => {
    const error = await f.fail('no/such' as never, {} as never);
    expect(error).toMatchObject({ kind: 'bad_request', code: 'unknownMethod' });
  });
});

describe('change of head', () => {
  it('hands the head over to another member in one save, whatever their order', async () => {
    const saved = await saveThree();
    const loaded = await f.call('households/get', { id: saved.id });
    // The wife becomes head (listed before the old head); the old head died.
    const [oldHead, wife, son] = loaded.members;
    const result = await f.call('households/save', {
      household: loaded,
      members: [{ ...wife!, relation: 'head' }, { ...oldHead!, relation: 'spouse', removalReason: 'death' }, son!],
    });
    expect(result.rowVersion).toBe(2);
    const row = (await f.call('households/page', { startRow: 0, endRow: 10 })).rows[0]!;
    expect([row.headName, row.memberCount]).toEqual(['李四', 2]);
  });

  it('replaces a mistaken head with a new person', async () => {
    const saved = await saveThree();
    const loaded = await f.call('households/get', { id: saved.id });
    const [, wife, son] = loaded.members;
    await f.call('households/save', { household: loaded, members: [member('王五', validId('19660101', 91), 'head'), wife!, son!] });
    const row = (await f.call('households/page', { startRow: 0, endRow: 10 })).rows[0]!;
    expect(row.headName).toBe('王五');
  });
});
