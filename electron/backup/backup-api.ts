/**
 * The backup methods of the contract over backup-service.ts: list what each backup holds, make
 * one now, name a second folder (a USB stick), restore a chosen one, and the start-up check.
 */
import { access, constants, mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { MethodArgs, MethodName, MethodOutput } from '../../shared/contract/index.js';
import type { BackupEntry } from '../../shared/contract/backup.js';
import { AppError } from '../../shared/domain/app-error.js';
import type { ServiceContext } from '../services/context.js';
import { putSetting } from '../services/settings-service.js';
import type { BackupControl } from './backup-control.js';
import { listBackupFiles, type BackupFile } from './backup-files.js';
import { backupDirOf, makeBackup, summariseBackup } from './backup-service.js';
import { secondFolder } from './backup-schedule.js';

type BackupMethod = Extract<MethodName, `backup/${string}`>;
type Handler<M extends MethodName> = (ctx: ServiceContext, input: MethodArgs<M>) => Promise<MethodOutput<M>>;

function control(ctx: ServiceContext): BackupControl {
  if (!ctx.backups) throw new AppError('bad_request', 'backup.unavailable');
  return ctx.backups;
}

async function describe(file: BackupFile): Promise<BackupEntry> {
  const base = { name: file.name, takenAt: file.takenAt, reason: file.reason, bytes: file.bytes };
  try {
    const s = await summariseBackup(file.file);
    return { ...base, integrity: s.integrity, households: s.households, persons: s.persons, lastChange: s.lastChange };
  } catch (err) {
    // A file that does not even open is listed as damaged, never hidden.
    return { ...base, integrity: err instanceof Error ? err.message : String(err), households: 0, persons: 0, lastChange: null };
  }
}

export async function listBackups(dbFile: string): Promise<BackupEntry[]> {
  return Promise.all((await listBackupFiles(backupDirOf(dbFile))).map(describe));
}

/** The newest backup that passes its own integrity check. */
export async function lastGoodBackup(dbFile: string): Promise<BackupEntry | null> {
  for (const file of await listBackupFiles(backupDirOf(dbFile))) {
    const entry = await describe(file);
    if (entry.integrity === 'ok') return entry;
  }
  return null;
}

async function usableFolder(folder: string): Promise<void> {
  const refuse = (code: string) => AppError.validation([{ field: 'folder', code }]);
  if (!isAbsolute(folder)) throw refuse('backup.folderNotAbsolute');
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch {
    throw refuse('backup.folderUnwritable');
  }
}

async function restoreNamed(ctx: ServiceContext, name: string): Promise<{ safetyCopy: string }> {
  const c = control(ctx);
  const entry = (await listBackups(c.dbFile)).find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', 'not_found');
  if (entry.integrity !== 'ok') throw new AppError('bad_request', 'backup.damaged', { name });
  return { safetyCopy: await c.restore(join(backupDirOf(c.dbFile), name)) };
}

export const backupHandlers: { [M in BackupMethod]: Handler<M> } = {
  'backup/status': async (ctx) => {
    const problems = ctx.backups?.startupProblems ?? [];
    return { ok: problems.length === 0, problems, lastGood: ctx.backups && problems.length ? await lastGoodBackup(ctx.backups.dbFile) : null };
  },
  'backup/list': async (ctx) => {
    const c = control(ctx);
    return { folder: backupDirOf(c.dbFile), secondFolder: await secondFolder(ctx.db), backups: await listBackups(c.dbFile) };
  },
  'backup/make': async (ctx) => {
    const c = control(ctx);
    const made = await makeBackup(ctx.db, backupDirOf(c.dbFile), 'manual', ctx.now(), await secondFolder(ctx.db));
    return describe(made);
  },
  'backup/setSecondFolder': async (ctx, input) => {
    if (input.folder) await usableFolder(input.folder);
    await ctx.db.transaction((tx) => putSetting(tx, ctx, 'backup_dir_secondary', input.folder ?? ''));
    return { ok: true };
  },
  'backup/restore': (ctx, input) => restoreNamed(ctx, input.name),
  'backup/restoreLastGood': async (ctx) => {
    const c = control(ctx);
    if (c.startupProblems.length === 0) throw new AppError('forbidden', 'backup.notDamaged');
    const good = await lastGoodBackup(c.dbFile);
    if (!good) throw new AppError('not_found', 'backup.noGoodBackup');
    return restoreNamed(ctx, good.name);
  },
};
