/**
 * The workstation's change counter (migration 0004). Every write of a row in a table that has
 * a `change_seq` column takes the next value, so an upload package can carry exactly "what
 * changed since the last package the county acknowledged" (docs/PACKAGE-FORMAT.md). Writes
 * are serialised, so values follow commit order.
 */
import type { Tx } from './driver.js';

/** Per connection: which tables carry change_seq (a ledger joins by adding the column). */
const tracked = new WeakMap<Tx, Map<string, boolean>>();

async function hasChangeSeq(tx: Tx, table: string): Promise<boolean> {
  let known = tracked.get(tx);
  if (!known) tracked.set(tx, (known = new Map()));
  let has = known.get(table);
  if (has === undefined) {
    const columns = await tx.all<{ name: string }>(`PRAGMA table_info(${table})`);
    has = columns.some((c) => c.name === 'change_seq');
    known.set(table, has);
  }
  return has;
}

/** After a migration: a table may have gained change_seq since it was last looked at. */
export function forgetChangeTracking(tx: Tx): void {
  tracked.delete(tx);
}

/** Takes the next counter value. */
export async function nextChangeSeq(tx: Tx): Promise<number> {
  await tx.run('UPDATE change_counter SET seq = seq + 1 WHERE id = 1');
  const row = await tx.get<{ seq: number }>('SELECT seq FROM change_counter WHERE id = 1');
  return row!.seq;
}

/** `{ change_seq: next }` for a tracked table, `{}` for any other: spread into the written values. */
export async function changeStamp(tx: Tx, table: string): Promise<{ change_seq?: number }> {
  return (await hasChangeSeq(tx, table)) ? { change_seq: await nextChangeSeq(tx) } : {};
}

/** The counter now: everything written so far has a change_seq at or below it. */
export async function currentChangeSeq(conn: { get<T>(sql: string): Promise<T | undefined> }): Promise<number> {
  const row = await conn.get<{ seq: number }>('SELECT seq FROM change_counter WHERE id = 1');
  return row?.seq ?? 0;
}

/**
 * Counter values for many writes in one transaction (a package merge): read once, handed out in
 * memory, written back by close(). Nothing else may take values in that transaction meanwhile.
 */
export class ChangeSeqBlock {
  private constructor(private seq: number) {}

  static async open(tx: Tx): Promise<ChangeSeqBlock> {
    return new ChangeSeqBlock(await currentChangeSeq(tx));
  }

  next(): number {
    return ++this.seq;
  }

  async close(tx: Tx): Promise<void> {
    await tx.run('UPDATE change_counter SET seq = ? WHERE id = 1', [this.seq]);
  }
}
