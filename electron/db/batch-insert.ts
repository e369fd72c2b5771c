/**
 * Rows inserted many to a statement, for bulk paths (sheet imports, package merges). Two costs
 * dominate a row-at-a-time insert through node-sqlite3, and both go:
 * - every call is a hand-off to its worker thread and back: here one call per batch, and the
 *   next batch is built in JS while SQLite writes the previous one (one call in flight);
 * - every bound parameter is converted on the main thread (≈ 1 µs each, 40 a claim): here a
 *   batch is bound as one JSON text that SQLite takes apart itself (jsonb_each: parsed once;
 *   json_each would parse each row again for every column it picks).
 * The batch goes to SQLite as UTF-8 bytes (a blob read back as text), not as a JS string: the
 * binding converts a string to UTF-8 twice (its length, then its bytes), slowly when it holds
 * any Chinese, and a caller that already has a row's bytes (the audit chain hashes them) hands
 * them over without a further conversion.
 * Values must be what JSON carries exactly: text, integers within 2^53, finite reals, null.
 */
import type { Prepared, SqlValue, Tx } from './driver.js';

export class BatchInsert {
  /** Rows added since the last send: each one's JSON array as text, or as UTF-8 bytes in pieces. */
  private pending: (string | readonly Buffer[])[] = [];
  private statement: Prepared | null = null;
  private inFlight: Promise<unknown> | null = null;

  readonly batchSize: number;
  private readonly onConflict: string;

  /** `onConflict` is an upsert clause (`ON CONFLICT(...) DO UPDATE ...`) applied to every row. */
  constructor(private readonly tx: Tx, private readonly table: string, readonly columns: readonly string[], options: { batchSize?: number; onConflict?: string } = {}) {
    this.batchSize = options.batchSize ?? 500;
    this.onConflict = options.onConflict ?? '';
  }

  private sql(): string {
    const picks = this.columns.map((_, i) => `value ->> ${i}`).join(', ');
    // `WHERE true` lets SQLite parse an ON CONFLICT clause after a SELECT.
    return `INSERT INTO ${this.table} (${this.columns.join(', ')}) SELECT ${picks} FROM jsonb_each(CAST(? AS TEXT)) WHERE true ${this.onConflict}`;
  }

  /** One row's values, in `columns` order. */
  async add(values: SqlValue[]): Promise<void> {
    checkJsonValues(values);
    this.pending.push(JSON.stringify(values));
    if (this.pending.length >= this.batchSize) await this.send();
  }

  /**
   * One row already as a JSON array in `columns` order (JSON.stringify of its values), as text
   * or as the UTF-8 bytes of that text in pieces, for a caller that has it anyway (the audit chain
   * hashes it): the values are not encoded again. The caller vouches that they are what JSON
   * carries exactly.
   */
  async addJson(row: string | readonly Buffer[]): Promise<void> {
    this.pending.push(row);
    if (this.pending.length >= this.batchSize) await this.send();
  }

  private async send(): Promise<void> {
    const json = jsonArrayBytes(this.pending);
    this.pending = [];
    this.statement ??= await this.tx.prepare(this.sql());
    await this.inFlight;
    this.inFlight = this.statement.run([json]);
    // Reported by the next send() or flush(); never left unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  /** Everything added so far is in the table when this resolves. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.send();
    const last = this.inFlight;
    this.inFlight = null;
    await last;
  }

  /** flush() then frees the statement; must run before the transaction ends. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.statement?.finalize();
      this.statement = null;
    }
  }

  /** After a failure: drops what is pending (the transaction rolls back anyway) and frees the statement. */
  async discard(): Promise<void> {
    this.pending = [];
    await this.inFlight?.catch(() => undefined);
    this.inFlight = null;
    await this.statement?.finalize();
    this.statement = null;
  }
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The rows as the UTF-8 bytes of one JSON array. */
function jsonArrayBytes(rows: readonly (string | readonly Buffer[])[]): Buffer {
  if (rows.every((r) => typeof r === 'string')) return Buffer.from(`[${rows.join(',')}]`);
  const parts: Buffer[] = [OPEN];
  rows.forEach((row, i) => {
    if (i > 0) parts.push(COMMA);
    if (typeof row === 'string') parts.push(Buffer.from(row));
    else parts.push(...row);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/** Rows as one JSON array for jsonb_each; refuses what JSON would not carry exactly. */
export function jsonRows(rows: readonly SqlValue[][]): string {
  for (const row of rows) checkJsonValues(row);
  return JSON.stringify(rows);
}

function checkJsonValues(row: readonly SqlValue[]): void {
  for (const v of row) {
    if (typeof v === 'bigint' || Buffer.isBuffer(v) || (typeof v === 'number' && !Number.isFinite(v))) throw new Error(`batch insert: ${typeof v} value ${String(v)}`);
  }
}
