import type { Database } from '../db/driver.js';
import { todayIso } from '../../shared/domain/id-number.js';
import type { CallSession, SignedIn } from './auth/session.js';
import type { BackupControl } from '../backup/backup-control.js';

/** What every service call gets: the database, who is acting, and the caller's session. */
export interface ServiceContext {
  db: Database;
  /** The username recorded in the audit trail. */
  actor: string;
  /** The signed-in account; the CLI and tests act as the local system administrator. */
  account: SignedIn | null;
  /** The transport's session (sign in and out); null for the CLI and tests. */
  session: CallSession | null;
  /** Injected so tests can fix the clock. */
  now: () => Date;
  /** The running workstation's backups (browser mode, Electron); absent in the CLI. */
  backups?: BackupControl;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

/** The clerk's calendar date (local time: a UTC date is yesterday until 08:00 in China). */
export function todayOf(ctx: ServiceContext): string {
  return todayIso(ctx.now());
}
