import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './driver.js';
import { BatchInsert } from './batch-insert.js';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-insert-'));
  db = await Database.open(join(dir, 'a.sqlite'));
  await db.transaction((tx) => tx.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, text TEXT, amount INTEGER, ratio REAL, note TEXT UNIQUE)'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('BatchInsert', () => {
  it('writes every row with its types, in batches and the rest at close', async () => {
    await db.transaction(async (tx) => {
      const insert = new BatchInsert(tx, 't', ['n', 'text', 'amount', 'ratio', 'note'], { batchSize: 3 });
      for (let n = 1; n <= 7; n++) await insert.add([n, n === 2 ? '00123' : `中文"${n}\\`, 9_007_199_254_740_991 - n, n / 4, n === 3 ? null : `n${n}`]);
      await insert.close();
    });
    const rows = await db.all<Record<string, unknown>>('SELECT n, text, typeof(text) AS tt, amount, ratio, note, typeof(note) AS nt FROM t ORDER BY n');
    expect(rows).toHaveLength(7);
    expect(rows[1]).toMatchObject({ text: '00123', tt: 'text' });
    expect(rows[0]).toMatchObject({ text: '中文"1\\', amount: 9_007_199_254_740_990, ratio: 0.25, note: 'n1' });
    expect(rows[2]).toMatchObject({ note: null, nt: 'null' });
  });

  it('takes rows as UTF-8 pieces beside rows as text, in the order they came', async () => {
    await db.transaction(async (tx) => {
      const insert = new BatchInsert(tx, 't', ['n', 'text', 'note'], { batchSize: 3 });
      const bytes = Buffer.from(JSON.stringify([1, '数据包 "第 1 号"\\', 'a']));
      // Split inside a Chinese character: the pieces only make sense joined.
      await insert.addJson([bytes.subarray(0, 8), bytes.subarray(8, -1), Buffer.from(']')]);
      await insert.addJson(JSON.stringify([2, '户主', 'b']));
      await insert.add([3, 'x', 'c']);
      await insert.addJson([Buffer.from(JSON.stringify([4, '中', null]))]);
      await insert.close();
    });
    expect(await db.all('SELECT n, text, note FROM t ORDER BY n')).toEqual([
      { n: 1, text: '数据包 "第 1 号"\\', note: 'a' },
      { n: 2, text: '户主', note: 'b' },
      { n: 3, text: 'x', note: 'c' },
      { n: 4, text: '中', note: null },
    ]);
  });

  it('reports a failed batch at the next flush, inside the transaction', async () => {
    const failed = db.transaction(async (tx) => {
      const insert = new BatchInsert(tx, 't', ['n', 'note'], { batchSize: 2 });
      try {
        await insert.add([1, 'same']);
        await insert.add([2, 'same']);
        await insert.flush();
      } catch (err) {
        await insert.discard();
        throw err;
      }
    });
    await expect(failed).rejects.toThrow(/UNIQUE/);
    expect(await db.all('SELECT * FROM t')).toEqual([]);
  });

  it('refuses values JSON cannot carry exactly', async () => {
    const failed = db.transaction(async (tx) => {
      const insert = new BatchInsert(tx, 't', ['n', 'text'], { batchSize: 1 });
      await insert.add([1, Buffer.from('x')]);
    });
    await expect(failed).rejects.toThrow(/Buffer|object/);
  });
});
