/**
 * Prepared statements for one long transaction (a package merge runs the same few statements
 * for every record): each SQL text is prepared once, which halves the cost of a call with
 * node-sqlite3. Close it before the transaction ends.
 */
import type { Params, Prepared, Row, RunResult, SqlValue, Tx } from '../db/driver.js';

/** What row checks need: one row by a query. Tx and StatementCache both provide it. */
export interface Query {
  get<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
}

export class StatementCache implements Query {
  private readonly prepared = new Map<string, Prepared>();

  constructor(readonly tx: Tx) {}

  private async statement(sql: string): Promise<Prepared> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = await this.tx.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  /** The first row; binding the parameters re-runs the statement from the start. */
  async get<T = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.statement(sql)).get<T>(params);
  }

  async run(sql: string, params: Params = []): Promise<RunResult> {
    return (await this.statement(sql)).run(params);
  }

  async close(): Promise<void> {
    for (const statement of this.prepared.values()) await statement.finalize();
    this.prepared.clear();
  }
}

/**
 * Rows inserted a hundred at a time with one multi-row statement: for writes nothing reads back
 * before flush() (results, origins, conflicts). `tail` may add an ON CONFLICT clause.
 */
export class BatchInsert {
  private rows: SqlValue[][] = [];

  constructor(
    private readonly q: StatementCache,
    private readonly head: string,
    private readonly width: number,
    private readonly tail = '',
    private readonly size = 100,
  ) {}

  private sql(count: number): string {
    const row = `(${Array(this.width).fill('?').join(', ')})`;
    return `${this.head} VALUES ${Array(count).fill(row).join(', ')} ${this.tail}`;
  }

  async add(values: SqlValue[]): Promise<void> {
    this.rows.push(values);
    if (this.rows.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const values = this.rows.flat();
    // Full batches reuse one prepared statement; a short last batch runs once, unprepared.
    if (this.rows.length === this.size) await this.q.run(this.sql(this.size), values);
    else await this.q.tx.run(this.sql(this.rows.length), values);
    this.rows = [];
  }
}
