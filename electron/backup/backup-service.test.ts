import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { household, makeFixture, member, validId, type Fixture } from '../test/workstation-fixture.js';
import { backupDirOf, makeBackup, restoreBackup, summariseBackup } from './backup-service.js';
import { backupName, filesToPrune, listBackupFiles } from './backup-files.js';
import { openWorkstation } from '../app/workstation.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
  await f.call('households/save', { household: household('H1'), members: [member('张三', validId('19650312', 11), 'head')] });
});
afterEach(async () => {
  await f.cleanup();
});

describe('backups', () => {
  it('takes a consistent copy that says what it holds, also into a second folder', async () => {
    const usb = join(f.dir, 'usb');
    const made = await makeBackup(f.workstation.db, backupDirOf(f.file), 'manual', new Date('2021-06-15T08:00:00Z'), usb);
    expect(made.name).toBe('taizhang-20210615T080000Z-manual.sqlite');
    expect(await readdir(usb)).toEqual([made.name]);
    expect(await summariseBackup(made.file)).toMatchObject({ integrity: 'ok', households: 1, persons: 1 });
    // Looking at a backup leaves no -wal or -shm beside it.
    expect((await readdir(backupDirOf(f.file))).filter((n) => n !== made.name)).toEqual([]);
  });

  it('restores a chosen backup after keeping a copy of the current file', async () => {
    const dir = backupDirOf(f.file);
    const made = await makeBackup(f.workstation.db, dir, 'manual', new Date('2021-06-15T08:00:00Z'));
    await f.call('households/save', { household: household('H2'), members: [member('李四', validId('19680720', 22), 'head')] });
    await f.workstation.close();
    const safety = await restoreBackup(f.file, made.file, new Date('2021-06-15T09:00:00Z'));
    expect(await summariseBackup(safety)).toMatchObject({ households: 2 });
    f.workstation = await openWorkstation(f.file, { actor: 'tester' });
    const page = await f.call('households/page', { startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => r.householdNo)).toEqual(['H1']);
  });

  it('refuses to restore a damaged backup and leaves the database as it was', async () => {
    const bad = join(f.dir, 'bad.sqlite');
    await writeFile(bad, 'not a database');
    await f.workstation.close();
    await expect(restoreBackup(f.file, bad, new Date())).rejects.toThrow();
    f.workstation = await openWorkstation(f.file, { actor: 'tester' });
    expect((await f.call('households/page', { startRow: 0, endRow: 10 })).total).toBe(1);
  });
});

describe('retention', () => {
  it('keeps the newest 14 and the newest of each month', async () => {
    const dir = join(f.dir, 'r');
    await mkdir(dir);
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i, 12)));
    for (const d of days) await writeFile(join(dir, backupName(d, 'daily')), '');
    const pruned = new Set(filesToPrune(await listBackupFiles(dir), 14).map((f) => f.name));
    const kept = (await listBackupFiles(dir)).filter((b) => !pruned.has(b.name)).map((b) => b.takenAt.slice(0, 10));
    // 14 newest: 2021-02-16 … 2021-03-01; plus the newest of January (01-31) and February is among the 14.
    expect(kept).toHaveLength(15);
    expect(kept).toContain('2021-01-31');
    expect(kept[0]).toBe('2021-03-01');
  });
});
