/**
 * Consistent backups with VACUUM INTO (a transaction-consistent copy taken while the app runs),
 * kept in the data folder's backups/ and, when the administrator names one, a second folder
 * (a USB stick). Restoring shows what a backup holds first, keeps a copy of the current file,
 * and only then replaces it.
 */
import { copyFile, mkdir, rm, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Database } from '../db/driver.js';
import { backupName, filesToPrune, listBackupFiles, type BackupFile, type BackupReason } from './backup-files.js';

export const KEEP_RECENT = 14;

export function backupDirOf(dbFile: string): string {
  return join(dirname(dbFile), 'backups');
}

export interface BackupSummary {
  integrity: string;
  households: number;
  persons: number;
  auditRows: number;
  lastChange: string | null;
}

/** Takes a backup into `dir` (and a copy into `secondDir`), then applies retention to both. */
export async function makeBackup(db: Database, dir: string, reason: BackupReason, now: Date, secondDir?: string | null): Promise<BackupFile> {
  await mkdir(dir, { recursive: true });
  const name = backupName(now, reason);
  const target = join(dir, name);
  // VACUUM INTO refuses an existing file; a second backup in the same second replaces the first.
  await rm(target, { force: true });
  await db.maintenance(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  if (secondDir) {
    await mkdir(secondDir, { recursive: true });
    await copyFile(target, join(secondDir, name));
  }
  for (const folder of secondDir ? [dir, secondDir] : [dir]) {
    for (const old of filesToPrune(await listBackupFiles(folder), KEEP_RECENT)) await rm(old.file, { force: true });
  }
  const [made] = (await listBackupFiles(dir)).filter((f) => f.name === name);
  return made!;
}

/** Opens a backup read-only and says what it holds, so the user can choose knowingly. */
export async function summariseBackup(file: string): Promise<BackupSummary> {
  const db = await Database.open(file, { readOnly: true });
  try {
    const integrity = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    // A backup with broken foreign keys is no way back either: it counts as damaged.
    const orphans = await db.all<{ table: string; parent: string }>('PRAGMA foreign_key_check');
    const problems = [...integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok'), ...orphans.map((r) => `foreign key: ${r.table} → ${r.parent}`)];
    const counts = await db.get<{ households: number; persons: number; auditRows: number; lastChange: string | null }>(
      `SELECT (SELECT count(*) FROM household WHERE deleted_at IS NULL) AS households,
              (SELECT count(*) FROM person WHERE deleted_at IS NULL) AS persons,
              (SELECT count(*) FROM audit_log) AS auditRows,
              (SELECT max(at) FROM audit_log) AS lastChange`,
    );
    return { integrity: problems.length ? problems.join('; ') : 'ok', households: counts!.households, persons: counts!.persons, auditRows: counts!.auditRows, lastChange: counts!.lastChange };
  } finally {
    await db.close();
  }
}

/**
 * Replaces `dbFile` (which must be closed) with `backupFile`, after checking the backup and
 * backing up the current file as 'before-restore'. Returns that safety copy.
 */
export async function restoreBackup(dbFile: string, backupFile: string, now: Date): Promise<string> {
  const summary = await summariseBackup(backupFile);
  if (summary.integrity !== 'ok') throw new Error(`backup failed its integrity check: ${summary.integrity}`);
  const safetyDir = backupDirOf(dbFile);
  await mkdir(safetyDir, { recursive: true });
  const safety = join(safetyDir, backupName(now, 'before-restore'));
  const current = await Database.open(dbFile);
  try {
    await current.maintenance(`VACUUM INTO '${safety.replace(/'/g, "''")}'`);
  } finally {
    await current.close();
  }
  // Copy beside, then rename: a crash in between leaves either the old file or the new one.
  const staged = `${dbFile}.restoring`;
  await copyFile(backupFile, staged);
  await rm(`${dbFile}-wal`, { force: true });
  await rm(`${dbFile}-shm`, { force: true });
  await rename(staged, dbFile);
  return safety;
}
