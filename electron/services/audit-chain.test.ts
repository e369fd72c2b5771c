import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { household, makeFixture, member, validId, type Fixture } from '../test/workstation-fixture.js';
import { verifyAuditChain } from './audit-chain.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
  await f.call('households/save', { household: household('H1'), members: [member('张三', validId('19650312', 11), 'head')] });
  await f.call('households/save', { household: household('H2'), members: [member('李四', validId('19680720', 22), 'head')] });
});
afterEach(async () => {
  await f.cleanup();
});

/** Tampering as an attacker with the file would: lift the trigger, change, put it back. */
async function tamper(sql: string) {
  await f.workstation.db.transaction(async (tx) => {
    await tx.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    await tx.exec(sql);
  });
}

describe('audit hash chain', () => {
  it('chains every row, seeded migration rows included, with no gaps', async () => {
    const report = await verifyAuditChain(f.workstation.db.reader);
    const count = await f.workstation.db.get<{ n: number; max: number }>('SELECT count(*) AS n, max(seq) AS max FROM audit_log');
    expect(report).toMatchObject({ ok: true, rows: count!.n, firstBreak: null, head: { seq: count!.max } });
    expect(count!.n).toBeGreaterThan(10);
  });

  it('finds an edited row', async () => {
    const target = await f.workstation.db.get<{ seq: number }>("SELECT seq FROM audit_log WHERE table_name = 'person' ORDER BY seq LIMIT 1");
    await tamper(`UPDATE audit_log SET after_json = replace(after_json, '张三', '王五') WHERE seq = ${target!.seq}`);
    expect((await verifyAuditChain(f.workstation.db.reader)).firstBreak).toEqual({ seq: target!.seq, problem: 'hash' });
  });

  it('finds a deleted row', async () => {
    const rows = await f.workstation.db.all<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 3');
    await tamper(`DELETE FROM audit_log WHERE seq = ${rows[1]!.seq}`);
    expect((await verifyAuditChain(f.workstation.db.reader)).firstBreak).toEqual({ seq: rows[0]!.seq, problem: 'gap' });
  });

  it('keeps the chain across reopening and later writes', async () => {
    await f.reopen();
    await f.call('villages/save', { code: '371502100203', name: '王屯村' });
    expect(await verifyAuditChain(f.workstation.db.reader)).toMatchObject({ ok: true });
  });
});
