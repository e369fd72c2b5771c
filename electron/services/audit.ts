import type { Tx } from '../db/driver.js';
import { nowIso, type ServiceContext } from './context.js';

export type AuditAction = 'insert' | 'update' | 'delete' | 'setting';

export interface AuditEntry {
  action: AuditAction;
  table: string;
  recordId: string;
  before: object | null;
  after: object | null;
  reason?: string | null;
}

/** Always called with the transaction that makes the change, so the two commit together. */
export async function writeAudit(tx: Tx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.run(
    `INSERT INTO audit_log (at, actor, action, table_name, record_id, before_json, after_json, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      nowIso(ctx), ctx.actor, entry.action, entry.table, entry.recordId,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      entry.reason ?? null,
    ],
  );
}
