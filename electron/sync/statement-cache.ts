/**
 * Prepared statements for one long transaction (a package merge runs the same few statements
 * for every record): each SQL text is prepared once, which halves the cost of a call with
 * node-sqlite3. Close it before the transaction ends.
 */
import type { Params, Prepared, Row, RunResult, Tx } from '../db/driver.js';

/** What row checks need: one row by a query. Tx and StatementCache both provide it. */
export interface Query {
  get<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
}

export class StatementCache implements Query {
  private readonly prepared = new Map<string, Prepared>();

  constructor(readonly tx: Tx) {}

  /** The statement for `sql`, prepared on first use. */
  async statement(sql: string): Promise<Prepared> {
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
