/**
 * Promise wrapper over node-sqlite3. Two connections: a writer, used only inside
 * `transaction()` and serialised so async transactions never interleave, and a reader that
 * sees committed data only (WAL). There is deliberately no way to write outside a transaction.
 */
import sqlite3 from 'sqlite3';
import { WRITER_PRAGMAS } from './connection-settings.js';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = SqlValue[] | Record<string, SqlValue>;
export type Row = Record<string, unknown>;

function openConnection(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

/** Queries shared by the reader and the writer. */
export class Connection {
  constructor(protected readonly raw: sqlite3.Database) {}

  all<T = Row>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => this.raw.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  }

  get<T = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => this.raw.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
  }
}

export interface RunResult {
  changes: number;
  lastID: number;
}

/** A statement prepared once and run many times inside one transaction (bulk imports). */
export class Prepared {
  constructor(private readonly stmt: sqlite3.Statement) {}

  run(params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) =>
      this.stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      }),
    );
  }

  get<T = Row>(params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => this.stmt.get(params, (err: Error | null, row: unknown) => (err ? reject(err) : resolve(row as T | undefined))));
  }

  finalize(): Promise<void> {
    return new Promise((resolve) => this.stmt.finalize(() => resolve()));
  }
}

/** The writer connection, as seen inside a transaction. */
export class Tx extends Connection {
  run(sql: string, params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) =>
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      }),
    );
  }

  prepare(sql: string): Promise<Prepared> {
    return new Promise((resolve, reject) => {
      const stmt = this.raw.prepare(sql, (err) => (err ? reject(err) : resolve(new Prepared(stmt))));
    });
  }
}

export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly writer: Tx,
    readonly reader: Connection,
  ) {}

  /** `readOnly` opens a file to look at only (a backup): nothing is written, not even WAL mode. */
  static async open(file: string, options: { readOnly?: boolean } = {}): Promise<Database> {
    const writerMode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const writerRaw = await openConnection(file, writerMode | sqlite3.OPEN_FULLMUTEX);
    const writer = new Tx(writerRaw);
    await writer.exec(options.readOnly ? 'PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;' : WRITER_PRAGMAS);
    const readerRaw = await openConnection(file, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX);
    const reader = new Connection(readerRaw);
    await reader.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;');
    return new Database(file, writer, reader);
  }

  all<T = Row>(sql: string, params: Params = []): Promise<T[]> {
    return this.reader.all<T>(sql, params);
  }

  get<T = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    return this.reader.get<T>(sql, params);
  }

  /**
   * Runs `fn` in BEGIN IMMEDIATE … COMMIT on the writer, one transaction at a time.
   * Any error rolls back and is rethrown; nothing half-written remains.
   * `statementJournalInMemory`: for a transaction of many multi-row statements (a package merge).
   * Each such statement keeps a journal of the pages it changes so it alone can be undone, and
   * past 64 KiB SQLite spills it to a temporary file: ≈ 60,000 writes a township package. Kept
   * in memory instead (temp_store, which SQLite reads at BEGIN and lets change only outside a
   * transaction; not the default, because a sheet import's stage table would be held in memory too).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options: { statementJournalInMemory?: boolean } = {}): Promise<T> {
    const run = async (): Promise<T> => {
      if (options.statementJournalInMemory) await this.writer.exec('PRAGMA temp_store = MEMORY');
      try {
        await this.writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(this.writer);
          await this.writer.exec('COMMIT');
          return result;
        } catch (err) {
          await this.writer.exec('ROLLBACK').catch(() => undefined);
          throw err;
        }
      } finally {
        if (options.statementJournalInMemory) await this.writer.exec('PRAGMA temp_store = DEFAULT');
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Statements that cannot run inside a transaction (VACUUM, wal_checkpoint). */
  async maintenance(sql: string): Promise<void> {
    await this.transactionQueueIdle();
    await this.writer.exec(sql);
  }

  private transactionQueueIdle(): Promise<unknown> {
    return this.queue;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.reader.close();
    await this.writer.close();
  }
}
