/**
 * When backups happen: at start, at quit, and once a day while the app stays open. A failed
 * backup is logged and never stops the clerk's work.
 */
import type { Database } from '../db/driver.js';
import { logger } from '../log.js';
import { backupDirOf, makeBackup } from './backup-service.js';
import { listBackupFiles, type BackupReason } from './backup-files.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_MS = 60 * 60 * 1000;

export interface BackupSchedule {
  /** The backup at quit; call before closing the database. */
  stop(): Promise<void>;
}

export async function secondFolder(db: Database): Promise<string | null> {
  const row = await db.get<{ value: string }>("SELECT value FROM setting WHERE key = 'backup_dir_secondary'");
  return row?.value || null;
}

async function backupNow(db: Database, dbFile: string, reason: BackupReason): Promise<void> {
  try {
    await makeBackup(db, backupDirOf(dbFile), reason, new Date(), await secondFolder(db));
  } catch (err) {
    logger.error(`backup (${reason}) failed`, err);
  }
}

/**
 * `db` is read at each backup: a restore swaps the open database (see backup-control.ts). While
 * `healthy` says no (the start-up check failed), nothing is backed up: copies of a damaged file
 * would push the good backups out of retention.
 */
export async function startBackupSchedule(db: () => Database, dbFile: string, healthy: () => boolean = () => true): Promise<BackupSchedule> {
  const backup = async (reason: BackupReason) => {
    if (healthy()) await backupNow(db(), dbFile, reason);
    else logger.error(`backup (${reason}) skipped: the database failed its check`);
  };
  await backup('start');
  const timer = setInterval(() => {
    void (async () => {
      const [newest] = await listBackupFiles(backupDirOf(dbFile));
      if (!newest || Date.now() - Date.parse(newest.takenAt) >= DAY_MS) await backup('daily');
    })();
  }, CHECK_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await backup('quit');
    },
  };
}
