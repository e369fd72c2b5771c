import type { Database } from '../db/driver.js';

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

export function todayOf(ctx: ServiceContext): string {
  return nowIso(ctx).slice(0, 10);
}
