import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { household, makeFixture, member, validId, type Fixture } from '../test/workstation-fixture.js';
import { tabs, type Tab } from '../test/tabs.js';
import { attachBackupControl } from './backup-control.js';
import { backupDirOf, makeBackup, summariseBackup } from './backup-service.js';
import { Database } from '../db/driver.js';
import { openWorkstation } from '../app/workstation.js';

let f: Fixture;
let admin: Tab;
let t: ReturnType<typeof tabs>;

beforeEach(async () => {
  f = await makeFixture();
  t = tabs(f);
  admin = await t.withAccounts();
  await admin.call('households/save', { household: household('H1'), members: [member('张三', validId('19650312', 11), 'head')] });
});
afterEach(async () => {
  await f.cleanup();
});

/** Breaks a foreign key behind the services' back, as a damaged disk or a bad copy would. */
async function orphanPerson(file: string): Promise<void> {
  const raw = await Database.open(file);
  await raw.maintenance('PRAGMA foreign_keys = OFF');
  await raw.maintenance(`INSERT INTO person (id, household_id, name, id_number, sex, birth_date, relation, health, created_at, created_by, updated_at, updated_by)
    VALUES ('orphan', 'no-such-household', '某', 'x', 'male', '1960-01-01', 'head', 'healthy', 'now', 't', 'now', 't')`);
  await raw.close();
}

describe('backups through the API', () => {
  it('makes a backup, says what each holds, copies to the second folder and restores a chosen one', async () => {
    await attachBackupControl(f.workstation, f.file);
    const first = await admin.call('backup/make', {});
    expect(first).toMatchObject({ reason: 'manual', integrity: 'ok', households: 1, persons: 1 });

    const usb = join(f.dir, 'usb');
    await admin.call('backup/setSecondFolder', { folder: usb });
    await admin.call('households/save', { household: household('H2'), members: [member('李四', validId('19680720', 22), 'head')] });
    // A backup in a later second: names are per second.
    f.workstation.ctx.now = () => new Date('2021-06-15T08:05:00Z');
    const second = await admin.call('backup/make', {});
    expect(second).toMatchObject({ households: 2, persons: 2 });
    expect(await readdir(usb)).toEqual([second.name]);

    const listed = await admin.call('backup/list', {});
    expect(listed.secondFolder).toBe(usb);
    expect(listed.backups.map((b) => [b.name, b.households])).toEqual([[second.name, 2], [first.name, 1]]);

    const { safetyCopy } = await admin.call('backup/restore', { name: first.name });
    expect(safetyCopy).toMatch(/before-restore\.sqlite$/);
    // The same context now reads the restored file; the session of the admin still holds.
    const page = await admin.call('households/page', { startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => r.householdNo)).toEqual(['H1']);
    const after = await admin.call('backup/list', {});
    expect(after.backups.find((b) => b.reason === 'before-restore')).toMatchObject({ households: 2 });
  });

  it('refuses a second folder that is not an absolute path, and every backup method to a non-administrator', async () => {
    await attachBackupControl(f.workstation, f.file);
    const refused = await admin.fail('backup/setSecondFolder', { folder: 'usb' });
    expect(refused.issues).toEqual([{ field: 'folder', code: 'backup.folderNotAbsolute' }]);
    const clerk = await t.signedIn('clerk');
    for (const method of ['backup/list', 'backup/make'] as const) {
      expect(await clerk.fail(method, {})).toMatchObject({ kind: 'forbidden' });
    }
    expect(await clerk.fail('backup/restore', { name: 'taizhang-20210615T080000Z-manual.sqlite' })).toMatchObject({ kind: 'forbidden' });
  });

  it('reports a database that fails its start-up check, with the way back to the last good backup', async () => {
    await attachBackupControl(f.workstation, f.file);
    const good = await admin.call('backup/make', {});
    const stranger = t.tab();
    expect(await stranger.call('backup/status', {})).toEqual({ ok: true, problems: [], lastGood: null });
    expect(await stranger.fail('backup/restoreLastGood', {})).toMatchObject({ kind: 'forbidden', code: 'backup.notDamaged' });

    await f.workstation.close();
    await orphanPerson(f.file);
    f.workstation = await openWorkstation(f.file, { actor: 'tester' });
    await attachBackupControl(f.workstation, f.file);
    // A backup taken of the damaged file (say at quit) is newer, but no way back.
    const damaged = await makeBackup(f.workstation.db, backupDirOf(f.file), 'quit', new Date('2021-06-15T09:00:00Z'));
    expect((await summariseBackup(damaged.file)).integrity).toContain('foreign key');
    const status = await stranger.call('backup/status', {});
    expect(status.ok).toBe(false);
    expect(status.problems).toEqual([expect.stringContaining('person')]);
    expect(status.lastGood).toMatchObject({ name: good.name, households: 1, integrity: 'ok' });

    // Nothing else is worked on meanwhile, whoever asks.
    expect(await admin.fail('households/page', { startRow: 0, endRow: 10 })).toMatchObject({ kind: 'forbidden', code: 'backup.databaseDamaged' });
    // Nobody can sign in to a damaged database for certain: the way back needs no account.
    await stranger.call('backup/restoreLastGood', {});
    expect(await stranger.call('backup/status', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('says backups are not available where no workstation runs them (the CLI)', async () => {
    expect(await admin.fail('backup/list', {})).toMatchObject({ code: 'backup.unavailable' });
    expect(await admin.call('backup/status', {})).toEqual({ ok: true, problems: [], lastGood: null });
  });
});
