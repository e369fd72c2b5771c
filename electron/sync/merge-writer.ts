/**
 * County side: writes a township's row as it was sent — same id, row version and stamps, so
 * the county's copy says who changed it at the township and when — with the county's own
 * change_seq and an audit row in the same transaction, like every write (record-store.ts).
 * The audit actor is the county clerk who imported; the reason names the package. Writes are
 * queued and go to the database in their order, inserts many rows a statement, when the merge
 * flushes (before anything reads the table again).
 */
import type { SqlValue, Tx } from '../db/driver.js';
import { AuditAppender } from '../services/audit.js';
import { ChangeSeqBlock } from '../db/change-seq.js';
import type { ServiceContext } from '../services/context.js';
import type { LedgerTable } from './ledger-tables.js';
import { BatchInsert, jsonRows } from '../db/batch-insert.js';
import { StatementCache } from './statement-cache.js';
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
  /** The ledger rows themselves, in the order they were judged. */
  readonly rows: RowWrites;

  private constructor(readonly ctx: ServiceContext, readonly q: StatementCache, readonly audit: AuditAppender, readonly seq: ChangeSeqBlock) {
    this.results = new BatchInsert(q.tx, 'package_record_result', ['package_id', 'ordinal', 'table_name', 'record_id', 'row_version', 'state', 'action', 'issues_json']);
    this.origins = new BatchInsert(q.tx, 'record_origin', ['table_name', 'record_id', 'township_code', 'row_version', 'package_id'], {
      onConflict: 'ON CONFLICT(table_name, record_id) DO UPDATE SET row_version = excluded.row_version, package_id = excluded.package_id',
    });
    this.conflicts = new BatchInsert(q.tx, 'package_conflict', ['package_id', 'table_name', 'record_id', 'township_code', 'county_version', 'incoming_version', 'detected_at'], { batchSize: 100 });
    this.rows = new RowWrites(q, audit);
  }

  static async open(tx: Tx, ctx: ServiceContext): Promise<MergeIo> {
    return new MergeIo(ctx, new StatementCache(tx), await AuditAppender.open(tx), await ChangeSeqBlock.open(tx));
  }

  /** After each table: the next table's rows look up their parents' origins. */
  async flush(): Promise<void> {
    await this.rows.flush();
    await this.results.flush();
    await this.origins.flush();
    await this.conflicts.flush();
  }

  /** Before the transaction commits. */
  async close(): Promise<void> {
    await this.rows.flush();
    for (const batch of [this.results, this.origins, this.conflicts]) await batch.close();
    await this.seq.close(this.q.tx);
    await this.audit.close();
    await this.q.close();
  }

  /** On the way out of a failed transaction: statements must still be finalised. */
  async discard(): Promise<void> {
    await this.rows.discard();
    for (const batch of [this.results, this.origins, this.conflicts]) await batch.discard();
    await this.audit.discard().catch(() => undefined);
    await this.q.close().catch(() => undefined);
  }
}

/**
 * An insert names its audit row, whose after_json holds the row's declared values, and the
 * change_seq it gets: SQLite takes the values from there, so a row is encoded and bound once.
 */
type Write = { kind: 'insert'; table: LedgerTable; values: [auditSeq: number, changeSeq: number] } | { kind: 'update'; table: LedgerTable; values: SqlValue[] };

/**
 * Row writes of a page, in order. A run of inserts into one table goes in as one statement
 * (the values read from the rows' audit rows, flushed first); a run of updates as one prepared UPDATE per row, sent
 * without waiting for each. Runs follow each other in order, so the database passes through
 * the same states as with one write at a time. send() starts them and returns; flush() waits.
 */
export class RowWrites {
  private pending: Write[] = [];
  private inFlight: Promise<void> | null = null;

  constructor(private readonly q: StatementCache, private readonly audit: AuditAppender) {}

  add(write: Write): void {
    this.pending.push(write);
  }

  /** Starts writing what was added (after what is already being written). */
  send(): void {
    if (this.pending.length === 0) return;
    const writes = this.pending;
    this.pending = [];
    const before = this.inFlight;
    this.inFlight = (async () => {
      await before;
      await this.write(writes);
    })();
    // Reported by flush(); never left unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  /** Everything added so far is in the database when this resolves. */
  async flush(): Promise<void> {
    this.send();
    const last = this.inFlight;
    this.inFlight = null;
    await last;
  }

  /** After a failure: drops what is pending and waits for what is running (before the rollback). */
  async discard(): Promise<void> {
    this.pending = [];
    await this.inFlight?.catch(() => undefined);
    this.inFlight = null;
  }

  private async write(writes: Write[]): Promise<void> {
    let start = 0;
    while (start < writes.length) {
      const first = writes[start]!;
      let end = start + 1;
      while (end < writes.length && writes[end]!.kind === first.kind && writes[end]!.table === first.table) end++;
      const run = writes.slice(start, end).map((w) => w.values);
      if (first.kind === 'insert') await this.insertRun(first.table, run as [number, number][]);
      else await this.updateRun(first.table, run);
      start = end;
    }
  }

  /** The rows' values from their audit rows, which land first; in the order they were judged. */
  private async insertRun(table: LedgerTable, rows: [number, number][]): Promise<void> {
    await this.audit.flush();
    // Each audit text is parsed once (jsonb), not once per column.
    const picks = table.columns.map((c) => `j ->> '$.${c}'`).join(', ');
    const statement = await this.q.statement(
      `WITH sent AS MATERIALIZED (
         SELECT p.key AS k, p.value ->> 1 AS change_seq, jsonb(a.after_json) AS j FROM jsonb_each(?) p CROSS JOIN audit_log a ON a.seq = p.value ->> 0
       )
       INSERT INTO ${table.name} (${table.columns.join(', ')}, change_seq) SELECT ${picks}, change_seq FROM sent WHERE true ORDER BY k`,
    );
    await statement.run([jsonRows(rows)]);
  }

  private async updateRun(table: LedgerTable, rows: SqlValue[][]): Promise<void> {
    const columns = table.columns.filter((c) => c !== 'id');
    const statement = await this.q.statement(`UPDATE ${table.name} SET ${columns.map((c) => `${c} = ?`).join(', ')}, change_seq = ? WHERE id = ?`);
    // One prepared statement runs its calls in order; every call settles before a failure is
    // rethrown, so none is left to run after the transaction has rolled back.
    const settled = await Promise.allSettled(rows.map((values) => statement.run(values)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

function declared(table: LedgerTable, row: PackageRow): Values {
  const values: Values = {};
  for (const c of table.columns) values[c] = (row[c] ?? null) as SqlValue;
  return values;
}

/** The row has exactly the declared columns, in their order, none undefined: it is its own declared(). */
function isDeclared(table: LedgerTable, row: PackageRow): boolean {
  const columns = table.columns;
  let i = 0;
  for (const c in row) {
    if (c !== columns[i] || row[c] === undefined) return false;
    i++;
  }
  return i === columns.length;
}

/** Queues the insert (written by io.rows.flush()) and chains its audit row. */
export async function insertAsSent(io: MergeIo, table: LedgerTable, row: PackageRow, reason: string): Promise<void> {
  const values = isDeclared(table, row) ? (row as Values) : declared(table, row);
  const changeSeq = io.seq.next();
  const auditSeq = await io.audit.write(io.ctx, { action: 'insert', table: table.name, recordId: String(values.id), before: null, after: values, reason });
  io.rows.add({ kind: 'insert', table, values: [auditSeq, changeSeq] });
}

/** Queues the update (written by io.rows.flush()); says whether it tombstones the row. */
export async function updateAsSent(io: MergeIo, table: LedgerTable, before: Values, row: PackageRow, reason: string): Promise<'updated' | 'deleted'> {
  const values = declared(table, row);
  const columns = table.columns.filter((c) => c !== 'id');
  io.rows.add({ kind: 'update', table, values: [...columns.map((c) => values[c] ?? null), io.seq.next(), values.id ?? null] });
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
