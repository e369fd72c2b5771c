/** Opens a workstation database and the service context over it; shared by Electron, browser mode and the CLI. */
import { userInfo } from 'node:os';
import type { Database } from '../db/driver.js';
import { openDatabase } from '../db/open.js';
import type { ServiceContext } from '../services/context.js';

export interface Workstation {
  db: Database;
  ctx: ServiceContext;
  close(): Promise<void>;
}

function osUser(): string {
  try {
    return userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}

export async function openWorkstation(dbFile: string, options: { actor?: string; now?: () => Date } = {}): Promise<Workstation> {
  const db = await openDatabase(dbFile);
  const operator = await db.get<{ value: string }>("SELECT value FROM setting WHERE key = 'operator_name'");
  const ctx: ServiceContext = { db, actor: options.actor ?? operator?.value ?? osUser(), now: options.now ?? (() => new Date()) };
  return { db, ctx, close: () => db.close() };
}
