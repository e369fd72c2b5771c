/** Opens a workstation database and the service context over it; shared by Electron, browser mode and the CLI. */
import { userInfo } from 'node:os';
import type { Database } from '../db/driver.js';
import { openDatabase } from '../db/open.js';
import type { ServiceContext } from '../services/context.js';
import { systemAccount } from '../services/auth/session.js';
import { removePhotoLeftovers } from '../services/housing/photo-leftovers.js';
import { photoFolder } from '../services/housing/photo-store.js';
import { removeOldUploads, uploadFolder } from '../services/uploads.js';

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
  // The local context: the CLI and tests act as the system. Transports replace the account
  // with the signed-in one for every call (see dispatch).
  const actor = options.actor ?? `system:${osUser()}`;
  const ctx: ServiceContext = { db, actor, account: systemAccount(actor), session: null, now: options.now ?? (() => new Date()) };
  await removePhotoLeftovers(photoFolder(db), ctx.now());
  await removeOldUploads(uploadFolder(db), ctx.now());
  // A restore swaps ctx.db for the restored file: always read the database through ctx.
  return {
    get db() {
      return ctx.db;
    },
    ctx,
    close: () => ctx.db.close(),
  };
}
