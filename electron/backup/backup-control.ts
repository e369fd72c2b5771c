/**
 * What the running workstation (browser mode, Electron) lets the API do with backups: it knows
 * the database file, the start-up check's result, and can swap the open database for a restored
 * one. The CLI and tests without it get a clear refusal from the backup methods.
 */
import { openDatabase } from '../db/open.js';
import type { Workstation } from '../app/workstation.js';
import { logger } from '../log.js';
import { restoreBackup } from './backup-service.js';
import { databaseProblems } from './integrity.js';

export interface BackupControl {
  readonly dbFile: string;
  /** Problems found at start (empty: the database passed). */
  startupProblems: string[];
  /** Closes the database, restores `backupFile`, reopens; returns the safety copy of the old file. */
  restore(backupFile: string): Promise<string>;
}

export async function attachBackupControl(workstation: Workstation, dbFile: string): Promise<BackupControl> {
  const ctx = workstation.ctx;
  let startupProblems: string[];
  try {
    startupProblems = await databaseProblems(ctx.db);
  } catch (err) {
    startupProblems = [err instanceof Error ? err.message : String(err)];
  }
  if (startupProblems.length) logger.error(`database check failed at start: ${startupProblems.length} problem(s)`);
  const control: BackupControl = {
    dbFile,
    startupProblems,
    async restore(backupFile) {
      await ctx.db.close();
      try {
        return await restoreBackup(dbFile, backupFile, ctx.now());
      } finally {
        // Restored or not, the workstation goes on with whatever file is there now.
        ctx.db = await openDatabase(dbFile);
        control.startupProblems = await databaseProblems(ctx.db);
      }
    },
  };
  ctx.backups = control;
  return control;
}
