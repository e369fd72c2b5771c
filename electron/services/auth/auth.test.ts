import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { household, makeFixture, member, validId, type Fixture } from '../../test/workstation-fixture.js';
import { SessionStore } from './session.js';
import { tabs } from '../../test/tabs.js';
import { MAX_FAILED_LOGINS } from './account-service.js';

let f: Fixture;
let clock: number;
let store: SessionStore;
let tab: ReturnType<typeof tabs>['tab'];

beforeEach(async () => {
  clock = Date.parse('2021-06-15T08:00:00Z');
  f = await makeFixture({ now: new Date(clock) });
  f.workstation.ctx.now = () => new Date(clock);
  store = new SessionStore(() => clock);
  ({ tab } = tabs(f, store));
});
afterEach(async () => {
  await f.cleanup();
});

async function withAccounts() {
  const admin = tab();
  await admin.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
  for (const role of ['reviewer', 'clerk', 'viewer'] as const) {
    await admin.call('accounts/save', { username: role, displayName: role, role, password: `${role}-pass-1` });
  }
  return admin;
}

async function signedIn(username: string) {
  const t = tab();
  await t.call('auth/login', { username, password: `${username}-pass-1` });
  return t;
}

describe('first run', () => {
  it('asks for the administrator, makes it once, and signs them in', async () => {
    const t = tab();
    expect(await t.call('auth/status', {})).toEqual({ needsSetup: true, me: null });
    await t.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    expect(await t.call('auth/status', {})).toEqual({ needsSetup: false, me: { username: 'admin', displayName: '管理员', role: 'admin' } });
    expect(await tab().fail('auth/setup', { username: 'evil', displayName: 'x', password: 'whatever-1' })).toMatchObject({ code: 'auth.alreadySetUp' });
  });
});

describe('roles are checked in the main process', () => {
  it('refuses every data method to someone not signed in', async () => {
    await withAccounts();
    expect(await tab().fail('households/page', { startRow: 0, endRow: 10 })).toMatchObject({ kind: 'unauthorized', code: 'auth.required' });
  });

  it('lets a clerk write but not administer or export; a viewer only read', async () => {
    await withAccounts();
    const clerk = await signedIn('clerk');
    const saved = await clerk.call('households/save', { household: household('H1'), members: [member('张三', validId('19650312', 11), 'head')] });
    expect(saved.rowVersion).toBe(1);
    expect(await clerk.fail('villages/save', { code: '371502100209', name: '新村' })).toMatchObject({ kind: 'forbidden' });
    expect(await clerk.fail('export/sheet', { kind: 'persons', format: 'csv' })).toMatchObject({ kind: 'forbidden' });
    expect(await clerk.fail('accounts/list', {})).toMatchObject({ kind: 'forbidden' });

    const viewer = await signedIn('viewer');
    expect((await viewer.call('households/page', { startRow: 0, endRow: 10 })).total).toBe(1);
    expect(await viewer.fail('households/save', { household: household('H2'), members: [member('李四', validId('19680720', 22), 'head')] })).toMatchObject({ kind: 'forbidden' });
    expect(await viewer.fail('households/delete', { id: saved.id, rowVersion: 1, reason: 'x' })).toMatchObject({ kind: 'forbidden' });

    const reviewer = await signedIn('reviewer');
    expect((await reviewer.call('export/sheet', { kind: 'persons', format: 'csv' })).fileName).toMatch(/\.csv$/);
  });

  it('records who did it: the audit row carries the signed-in username', async () => {
    await withAccounts();
    const clerk = await signedIn('clerk');
    await clerk.call('households/save', { household: household('H1'), members: [member('张三', validId('19650312', 11), 'head')] });
    const row = await f.workstation.db.get<{ actor: string }>("SELECT actor FROM audit_log WHERE table_name = 'household' ORDER BY seq DESC LIMIT 1");
    expect(row?.actor).toBe('clerk');
  });
});

describe('sign-in', () => {
  it('locks an account after five wrong passwords, even for the right one, until the lock ends or is reset', async () => {
    const admin = await withAccounts();
    const t = tab();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await t.fail('auth/login', { username: 'clerk', password: 'wrong' })).toMatchObject({ code: 'auth.invalid' });
    }
    expect(await t.fail('auth/login', { username: 'clerk', password: 'wrong' })).toMatchObject({ code: 'auth.locked', params: { minutes: 15 } });
    expect(await t.fail('auth/login', { username: 'clerk', password: 'clerk-pass-1' })).toMatchObject({ code: 'auth.locked' });
    clock += 16 * 60_000;
    await t.call('auth/login', { username: 'clerk', password: 'clerk-pass-1' });

    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await tab().fail('auth/login', { username: 'viewer', password: 'wrong' });
    const viewer = (await admin.call('accounts/list', {})).find((a) => a.username === 'viewer')!;
    expect(viewer.lockedUntil).not.toBeNull();
    await admin.call('accounts/resetPassword', { id: viewer.id, password: 'new-viewer-pass' });
    await tab().call('auth/login', { username: 'viewer', password: 'new-viewer-pass' });
  });

  it('answers the same for an unknown name and a wrong password, and audits both', async () => {
    await withAccounts();
    const unknown = await tab().fail('auth/login', { username: 'nobody', password: 'x' });
    const wrong = await tab().fail('auth/login', { username: 'clerk', password: 'x' });
    expect([unknown.code, wrong.code]).toEqual(['auth.invalid', 'auth.invalid']);
    const audit = await f.workstation.db.all<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE table_name = 'account' AND action LIKE 'login%' ORDER BY seq");
    expect(audit).toEqual([{ action: 'login_failed', actor: 'nobody' }, { action: 'login_failed', actor: 'clerk' }]);
  });

  it('never writes a password or its hash to the audit trail', async () => {
    await withAccounts();
    const rows = await f.workstation.db.all<{ after_json: string | null }>("SELECT after_json FROM audit_log WHERE table_name = 'account'");
    const text = rows.map((r) => r.after_json ?? '').join('\n');
    expect(text).not.toMatch(/scrypt\$|pass-1/);
    expect(text).toContain('[redacted]');
  });

  it('signs out, and a disabled account loses its session at once', async () => {
    const admin = await withAccounts();
    const clerk = await signedIn('clerk');
    const account = (await admin.call('accounts/list', {})).find((a) => a.username === 'clerk')!;
    await admin.call('accounts/save', { id: account.id, username: 'clerk', displayName: 'clerk', role: 'clerk', disabled: true });
    expect(await clerk.fail('households/page', { startRow: 0, endRow: 1 })).toMatchObject({ code: 'auth.required' });
    await admin.call('auth/logout', {});
    expect(await admin.call('auth/status', {})).toMatchObject({ me: null });
  });

  it('keeps one enabled administrator', async () => {
    const admin = await withAccounts();
    const me = (await admin.call('accounts/list', {})).find((a) => a.username === 'admin')!;
    const error = await admin.fail('accounts/save', { id: me.id, username: 'admin', displayName: '管理员', role: 'clerk' });
    expect(error.issues).toEqual([expect.objectContaining({ field: 'role', code: 'auth.lastAdmin' })]);
  });
});

describe('personal numbers', () => {
  it('are masked for a viewer, revealed to a reviewer one at a time, and every reveal and export is audited', async () => {
    const admin = await withAccounts();
    const saved = await admin.call('households/save', {
      household: household('H1', { bankAccount: '6228480012345678' }),
      members: [member('张三', validId('19650312', 11), 'head', { phone: '13812345678' })],
    });
    const viewer = await signedIn('viewer');
    const seen = await viewer.call('households/get', { id: saved.id });
    const id = validId('19650312', 11);
    expect([seen.members[0]!.idNumber, seen.bankAccount, seen.members[0]!.phone]).toEqual([`${id.slice(0, 6)}********${id.slice(-4)}`, '************5678', '*******5678']);
    expect(await viewer.fail('persons/reveal', { householdId: saved.id, personId: seen.members[0]!.id, field: 'idNumber' })).toMatchObject({ kind: 'forbidden' });

    const reviewer = await signedIn('reviewer');
    expect(await reviewer.call('persons/reveal', { householdId: saved.id, personId: seen.members[0]!.id, field: 'idNumber' })).toEqual({ value: validId('19650312', 11) });
    await reviewer.call('export/sheet', { kind: 'persons', format: 'csv' });
    const reveals = await f.workstation.db.all<{ actor: string; table_name: string; after_json: string }>("SELECT actor, table_name, after_json FROM audit_log WHERE action = 'reveal' ORDER BY seq");
    expect(reveals.map((r) => [r.actor, r.table_name, JSON.parse(r.after_json)])).toEqual([
      ['reviewer', 'person', { field: 'idNumber' }],
      ['reviewer', 'persons', { export: 'persons', format: 'csv' }],
    ]);
    expect(reveals.map((r) => r.after_json).join()).not.toContain(validId('19650312', 11));
  });
});
