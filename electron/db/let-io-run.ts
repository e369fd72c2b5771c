import { setImmediate } from 'node:timers/promises';

/**
 * node-sqlite3 hands a finished statement back, and starts the next call queued behind it, in a
 * callback on the main thread. A bulk loop whose awaits are all on settled promises (batches
 * queued, look-ups already read) never lets that callback run, so SQLite sits idle until the
 * loop waits for real, then the loop sits idle while SQLite catches up. Bulk loops call this every
 * few dozen rows: one turn of the event loop, microseconds, and SQLite keeps working alongside.
 */
export function letIoRun(): Promise<void> {
  return setImmediate();
}

/** Rows a bulk loop handles between two letIoRun() (≈ 1 ms of judging at county scale). */
export const ROWS_BETWEEN_IO = 25;
