/**
 * The audit trail as a hash chain: each row stores the SHA-256 of its own content and of the
 * previous row's hash, so editing or deleting a row in the middle breaks every hash after it.
 * (Cutting rows off the end is only detectable against a hash kept elsewhere — the chain head
 * that travels in upload packages.)
 */
import { createHash } from 'node:crypto';
import type { Connection } from '../db/driver.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  table_name: string;
  record_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export type AuditContent = Omit<AuditRow, 'hash'>;

/** What a row's hash is taken over: its content as one JSON array, in column order. */
export function auditCanonical(row: AuditContent): string {
  return JSON.stringify([
    row.seq, row.at, row.actor, row.action, row.table_name, row.record_id, row.before_json, row.after_json, row.reason, row.prev_hash,
  ]);
}

export function auditRowHash(row: AuditContent): string {
  return hashCanonical(auditCanonical(row));
}

/** The hash of the canonical text, or of its UTF-8 bytes (the same hash). */
export function hashCanonical(canonical: string | Buffer): string {
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export async function chainHead(conn: Connection): Promise<ChainHead> {
  const last = await conn.get<{ seq: number; hash: string | null }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return last ? { seq: last.seq, hash: last.hash ?? GENESIS_HASH } : { seq: 0, hash: GENESIS_HASH };
}

export type ChainProblem = 'hash' | 'prev' | 'gap' | 'missing';

export interface ChainReport {
  ok: boolean;
  rows: number;
  head: ChainHead;
  /** The first row where the chain breaks. */
  firstBreak: { seq: number; problem: ChainProblem } | null;
}

const PAGE = 5000;

/** Walks the whole trail in seq order, a page at a time, and reports the first break. */
export async function verifyAuditChain(conn: Connection): Promise<ChainReport> {
  let prev: ChainHead = { seq: 0, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const page = await conn.all<AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', [prev.seq, PAGE]);
    for (const row of page) {
      const problem: ChainProblem | null =
        row.hash === null ? 'missing'
          : row.seq !== prev.seq + 1 ? 'gap'
            : row.prev_hash !== prev.hash ? 'prev'
              : auditRowHash(row) !== row.hash ? 'hash'
                : null;
      if (problem) return { ok: false, rows, head: prev, firstBreak: { seq: row.seq, problem } };
      prev = { seq: row.seq, hash: row.hash! };
      rows++;
    }
    if (page.length < PAGE) return { ok: true, rows, head: prev, firstBreak: null };
  }
}
