import type { Tx } from '../db/driver.js';
import { nowIso, type ServiceContext } from './context.js';
import { auditRowHash, chainHead, type AuditContent } from './audit-chain.js';

export type AuditAction = 'insert' | 'update' | 'delete' | 'setting' | 'login' | 'login_failed' | 'logout' | 'reveal';

export interface AuditEntry {
  action: AuditAction;
  table: string;
  recordId: string;
  before: object | null;
  after: object | null;
  reason?: string | null;
}

/**
 * Always called with the transaction that makes the change, so the two commit together.
 * Writes are serialised, so the chain head read here is still the head when the row lands.
 */
export async function writeAudit(tx: Tx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  const head = await chainHead(tx);
  const row: AuditContent = {
    seq: head.seq + 1,
    at: nowIso(ctx),
    actor: ctx.actor,
    action: entry.action,
    table_name: entry.table,
    record_id: entry.recordId,
    before_json: entry.before ? JSON.stringify(entry.before) : null,
    after_json: entry.after ? JSON.stringify(entry.after) : null,
    reason: entry.reason ?? null,
    prev_hash: head.hash,
  };
  await tx.run(
    `INSERT INTO audit_log (seq, at, actor, action, table_name, record_id, before_json, after_json, reason, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.seq, row.at, row.actor, row.action, row.table_name, row.record_id, row.before_json, row.after_json, row.reason, row.prev_hash, auditRowHash(row)],
  );
}
