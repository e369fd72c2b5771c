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

async function secondFolder(db: Database): Promise<string | null> {
  const row = await db.get<{ value: string }>("SELECT value FROM setting WHERE key = 'backup_dir_secondary'");
  return row?.value || null;
}

async function backup(db: Database, dbFile: string, reason: BackupReason): Promise<void> {
  try {
    await makeBackup(db, backupDirOf(dbFile), reason, new Date(), await secondFolder(db));
  } catch (err) {
    logger.error(`backup (${reason}) failed`, err);
  }
}

export async function startBackupSchedule(db: Database, dbFile: string): Promise<BackupSchedule> {
  await backup(db, dbFile, 'start');
  const timer = setInterval(() => {
    void (async () => {
      const [newest] = await listBackupFiles(backupDirOf(dbFile));
      if (!newest || Date.now() - Date.parse(newest.takenAt) >= DAY_MS) await backup(db, dbFile, 'daily');
    })();
  }, CHECK_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await backup(db, dbFile, 'quit');
    },
  };
}
