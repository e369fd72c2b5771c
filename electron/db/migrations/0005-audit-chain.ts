/**
 * Chains the audit trail (hash of each row + the previous row's hash). Rows written before
 * this migration, including the seeded policy rules, are chained here in seq order; the
 * append-only triggers are lifted for that one backfill and put back.
 */
import type { Tx } from '../driver.js';
import { auditRowHash, GENESIS_HASH, type AuditRow } from '../../services/audit-chain.js';

export const sql = `
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER audit_log_no_update;
`;

export async function after(tx: Tx): Promise<void> {
  const rows = await tx.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    // Renumber so the chain has no gaps (AUTOINCREMENT can skip after a rolled-back insert).
    const content = { ...row, seq: expectedSeq, prev_hash: prev };
    const hash = auditRowHash(content);
    await tx.run('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?', [expectedSeq, prev, hash, row.seq]);
    prev = hash;
    expectedSeq++;
  }
  await tx.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
}
