import type { Tx } from '../db/driver.js';
import { BatchInsert } from '../db/batch-insert.js';
import { nowIso, type ServiceContext } from './context.js';
import { auditCanonical, chainHead, hashCanonical, type AuditContent, type ChainHead } from './audit-chain.js';

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
  const { row, hash } = chained(ctx, entry, await chainHead(tx));
  await tx.run(INSERT_AUDIT, [row.seq, row.at, row.actor, row.action, row.table_name, row.record_id, row.before_json, row.after_json, row.reason, row.prev_hash, hash]);
}

const INSERT_AUDIT = `INSERT INTO audit_log (seq, at, actor, action, table_name, record_id, before_json, after_json, reason, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The next row of the chain after `head`, with its hash: one format for every writer. */
function chained(ctx: ServiceContext, entry: AuditEntry, head: ChainHead): { row: AuditContent; hash: string } {
  const { row, canonical } = contentOf(ctx, entry, head);
  return { row, hash: hashCanonical(canonical) };
}

/** The row that follows `head`, and its canonical text (what the hash is taken over). */
function contentOf(ctx: ServiceContext, entry: AuditEntry, head: ChainHead): { row: AuditContent; canonical: string } {
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
  return { row, canonical: auditCanonical(row) };
}

const AUDIT_COLUMNS = ['seq', 'at', 'actor', 'action', 'table_name', 'record_id', 'before_json', 'after_json', 'reason', 'prev_hash', 'hash'];

/**
 * Many audit rows in one transaction (a package merge or a sheet import writes one per record):
 * the chain head is read once, rows are chained in memory and inserted in batches. Nothing else
 * may write audit rows in that transaction meanwhile; close() writes the rest and must run
 * before it ends.
 */
export class AuditAppender {
  private constructor(private head: ChainHead, private readonly rows: BatchInsert) {}

  static async open(tx: Tx): Promise<AuditAppender> {
    return new AuditAppender(await chainHead(tx), new BatchInsert(tx, 'audit_log', AUDIT_COLUMNS));
  }

  /** Chains the entry; returns its seq. */
  async write(ctx: ServiceContext, entry: AuditEntry): Promise<number> {
    const { row, canonical } = contentOf(ctx, entry, this.head);
    // Encoded to UTF-8 once: hashed, then inserted as the hashed bytes with the hash after them.
    const bytes = Buffer.from(canonical);
    const hash = hashCanonical(bytes);
    this.head = { seq: row.seq, hash };
    await this.rows.addJson([bytes.subarray(0, -1), Buffer.from(`,"${hash}"]`)]);
    return row.seq;
  }

  /** Every row written so far is in the table when this resolves (a statement may read them). */
  flush(): Promise<void> {
    return this.rows.flush();
  }

  close(): Promise<void> {
    return this.rows.close();
  }

  /** After a failure: drops what is pending (the transaction rolls back anyway). */
  discard(): Promise<void> {
    return this.rows.discard();
  }
}
