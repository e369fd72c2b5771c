import type { Database } from '../db/driver.js';
import { todayIso } from '../../shared/domain/id-number.js';

/** What every service call gets: the database and who is acting. */
export interface ServiceContext {
  db: Database;
  /** The operator's name as recorded in the audit trail. */
  actor: string;
  /** Injected so tests can fix the clock. */
  now: () => Date;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

/** The clerk's calendar date (local time: a UTC date is yesterday until 08:00 in China). */
export function todayOf(ctx: ServiceContext): string {
  return todayIso(ctx.now());
}
