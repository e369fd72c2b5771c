import { z } from 'zod';
import { method } from './define.js';
import { ok } from './common.js';

const backupName = z.string().regex(/^taizhang-\d{8}T\d{6}Z-[a-z-]+\.sqlite$/);

export const backupEntry = z.object({
  name: backupName,
  takenAt: z.string(),
  reason: z.string(),
  bytes: z.number().int(),
  /** What the backup holds, read from the file itself. */
  integrity: z.string(),
  households: z.number().int(),
  persons: z.number().int(),
  lastChange: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

/** The result of `PRAGMA integrity_check` and `foreign_key_check` when the workstation started. */
export const startupCheck = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  /** The newest backup that passes its own integrity check: the way back. */
  lastGood: backupEntry.nullable(),
});
export type StartupCheck = z.infer<typeof startupCheck>;

export const backupApi = {
  /** Whether the database passed its checks at start; public so the failure screen shows before login. */
  'backup/status': method(z.object({}), startupCheck),
  'backup/list': method(z.object({}), z.object({ folder: z.string(), secondFolder: z.string().nullable(), backups: z.array(backupEntry) })),
  'backup/make': method(z.object({}), backupEntry),
  /** A second folder (a USB stick) every backup is copied to; null stops copying. */
  'backup/setSecondFolder': method(z.object({ folder: z.string().trim().min(1).max(400).nullable() }), ok),
  /** Replaces the database with a backup, after a safety copy of the current one; the app reloads. */
  'backup/restore': method(z.object({ name: backupName }), z.object({ safetyCopy: z.string() })),
  /**
   * Only while the start-up check has failed: back to the newest good backup. Public because a
   * damaged database may not even hold the accounts; it can choose nothing else.
   */
  'backup/restoreLastGood': method(z.object({}), z.object({ safetyCopy: z.string() })),
} as const;
