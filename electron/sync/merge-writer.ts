/**
 * County side: writes a township's row as it was sent — same id, row version and stamps, so
 * the county's copy says who changed it at the township and when — with the county's own
 * change_seq and an audit row in the same transaction, like every write (record-store.ts).
 * The audit actor is the county clerk who imported; the reason names the package.
 */
import type { SqlValue, Tx } from '../db/driver.js';
import { AuditAppender } from '../services/audit.js';
import { ChangeSeqBlock } from '../db/change-seq.js';
import type { ServiceContext } from '../services/context.js';
import type { LedgerTable } from './ledger-tables.js';
import { BatchInsert, StatementCache } from './statement-cache.js';
import type { PackageRow } from './streams.js';

type Values = Record<string, SqlValue>;

const STAMPS = new Set(['row_version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at']);

/**
 * What a merge writes through, for one transaction: prepared statements, the audit chain, the
 * counter, and batched inserts of the bookkeeping nothing reads back until flush().
 */
export class MergeIo {
  /** Per record: the verdict, for the receipt. */
  readonly results: BatchInsert;
  /** Per merged record: its township and the township version now held. */
  readonly origins: BatchInsert;
  readonly conflicts: BatchInsert;

  private constructor(readonly ctx: ServiceContext, readonly q: StatementCache, readonly audit: AuditAppender, readonly seq: ChangeSeqBlock) {
    this.results = new BatchInsert(q, 'INSERT INTO package_record_result (package_id, ordinal, table_name, record_id, row_version, state, action, issues_json)', 8);
    this.origins = new BatchInsert(q, 'INSERT INTO record_origin (table_name, record_id, township_code, row_version, package_id)', 5,
      'ON CONFLICT(table_name, record_id) DO UPDATE SET row_version = excluded.row_version, package_id = excluded.package_id');
    this.conflicts = new BatchInsert(q, 'INSERT INTO package_conflict (package_id, table_name, record_id, township_code, county_version, incoming_version, detected_at)', 7);
  }

  static async open(tx: Tx, ctx: ServiceContext): Promise<MergeIo> {
    return new MergeIo(ctx, new StatementCache(tx), await AuditAppender.open(tx), await ChangeSeqBlock.open(tx));
  }

  /** After each table: the next table's rows look up their parents' origins. */
  async flush(): Promise<void> {
    await this.results.flush();
    await this.origins.flush();
    await this.conflicts.flush();
  }

  /** Before the transaction commits. */
  async close(): Promise<void> {
    await this.flush();
    await this.seq.close(this.q.tx);
    await this.audit.close();
    await this.q.close();
  }

  /** On the way out of a failed transaction: statements must still be finalised. */
  async discard(): Promise<void> {
    await this.audit.discard().catch(() => undefined);
    await this.q.close().catch(() => undefined);
  }
}

function declared(table: LedgerTable, row: PackageRow): Values {
  return Object.fromEntries(table.columns.map((c) => [c, (row[c] ?? null) as SqlValue]));
}

export async function insertAsSent(io: MergeIo, table: LedgerTable, row: PackageRow, reason: string): Promise<void> {
  const values = declared(table, row);
  const columns = [...table.columns, 'change_seq'];
  await io.q.run(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, [...Object.values(values), io.seq.next()]);
  await io.audit.write(io.ctx, { action: 'insert', table: table.name, recordId: String(values.id), before: null, after: values, reason });
}

/** Says whether the write tombstoned the row. */
export async function updateAsSent(io: MergeIo, table: LedgerTable, before: Values, row: PackageRow, reason: string): Promise<'updated' | 'deleted'> {
  const values = declared(table, row);
  const columns = table.columns.filter((c) => c !== 'id');
  await io.q.run(
    `UPDATE ${table.name} SET ${columns.map((c) => `${c} = ?`).join(', ')}, change_seq = ? WHERE id = ?`,
    [...columns.map((c) => values[c] ?? null), io.seq.next(), values.id ?? null],
  );
  const id = String(values.id);
  if (before.deleted_at === null && values.deleted_at !== null) {
    await io.audit.write(io.ctx, { action: 'delete', table: table.name, recordId: id, before: declared(table, before), after: null, reason });
    return 'deleted';
  }
  const changed = columns.filter((c) => !STAMPS.has(c) && before[c] !== values[c]);
  await io.audit.write(io.ctx, {
    action: 'update', table: table.name, recordId: id,
    before: Object.fromEntries(changed.map((c) => [c, before[c] ?? null])),
    after: Object.fromEntries(changed.map((c) => [c, values[c] ?? null])),
    reason,
  });
  return 'updated';
}
