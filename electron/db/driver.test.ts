import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { Database, type Tx } from './driver.js';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'driver-'));
  db = await Database.open(join(dir, 'a.sqlite'));
  await db.transaction((tx) => tx.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, note TEXT NOT NULL CHECK (note <> \'bad\'))'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const tempStore = async (tx: Tx) => (await tx.get<{ temp_store: number }>('PRAGMA temp_store'))!.temp_store;
/** A multi-row statement whose last row breaks the CHECK: its earlier rows must be undone alone. */
const failingRun = (tx: Tx, from: number) => tx.run(
  `WITH RECURSIVE k(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM k WHERE n < ${from + 4999})
   INSERT INTO t (n, note) SELECT n, CASE WHEN n = ${from + 4999} THEN 'bad' ELSE printf('%0500d', n) END FROM k`,
);

describe('Database.transaction', () => {
  it('keeps statement journals in memory only for the transaction that asks, and restores the default', async () => {
    expect(await db.transaction(tempStore)).toBe(0);
    expect(await db.transaction(tempStore, { statementJournalInMemory: true })).toBe(2);
    expect(await db.transaction(tempStore)).toBe(0);
    await expect(db.transaction(async () => {
      throw new Error('boom');
    }, { statementJournalInMemory: true })).rejects.toThrow('boom');
    expect(await db.transaction(tempStore)).toBe(0);
  });

  it('with statement journals in memory, a failed statement is undone alone and the transaction goes on', async () => {
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO t (n, note) VALUES (1, 'kept')");
      // 5,000 rows of 500 characters: its journal is far past the 64 KiB SQLite keeps before spilling.
      await expect(failingRun(tx, 100)).rejects.toThrow(/CHECK constraint failed/);
      await tx.run("INSERT INTO t (n, note) VALUES (2, 'kept too')");
    }, { statementJournalInMemory: true });
    expect(await db.all('SELECT n, note FROM t ORDER BY n')).toEqual([{ n: 1, note: 'kept' }, { n: 2, note: 'kept too' }]);
  });
});

describe('Database.open', () => {
  it('lays a new file out in 8 KiB pages, in WAL mode', async () => {
    expect(await db.get('PRAGMA page_size')).toEqual({ page_size: 8192 });
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
  });

  it('opens a file made with 4 KiB pages as it is, data and all', async () => {
    const file = join(dir, 'old.sqlite');
    await new Promise<void>((resolve, reject) => {
      const raw = new sqlite3.Database(file, (err) => {
        if (err) return reject(err);
        raw.exec('PRAGMA page_size = 4096; CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (7);', (e) => raw.close(() => (e ? reject(e) : resolve())));
      });
    });
    const old = await Database.open(file);
    try {
      expect(await old.get('PRAGMA page_size')).toEqual({ page_size: 4096 });
      expect(await old.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      await old.transaction((tx) => tx.run('INSERT INTO t VALUES (8)'));
      expect(await old.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 7 }, { n: 8 }]);
    } finally {
      await old.close();
    }
  });
});
