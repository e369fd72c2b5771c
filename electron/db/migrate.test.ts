import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './driver.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-migrate-'));
  db = await Database.open(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are listed in strictly increasing id order, starting at 1', () => {
    const ids = migrations.map((m) => m.id);
    expect(ids[0]).toBe(1);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  });

  it('apply once, in order, and a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_log', 'household', 'person', 'setting', 'village']));
  });

  it('refuse a database written by a version with migrations this one does not know', async () => {
    await migrate(db);
    await expect(migrate(db, [{ id: 1, name: 'something_else', sql: '' }])).rejects.toThrow(/out of step/);
  });

  it('roll a failing migration back whole', async () => {
    await migrate(db);
    const broken = [...migrations, { id: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' }];
    await expect(migrate(db, broken)).rejects.toThrow();
    expect(await db.get("SELECT name FROM sqlite_master WHERE name = 'half'")).toBeUndefined();
  });
});

describe('database driver', () => {
  it('rolls back a transaction that throws, and serialises concurrent ones', async () => {
    await db.transaction((tx) => tx.exec('CREATE TABLE t (n INTEGER)'));
    await expect(db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      throw new Error('boom');
    })).rejects.toThrow('boom');
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction(async (tx) => {
      const row = await tx.get<{ n: number }>('SELECT count(*) AS n FROM t');
      await tx.run('INSERT INTO t VALUES (?)', [row!.n + i * 0]);
    })));
    const rows = await db.all<{ n: number }>('SELECT n FROM t ORDER BY rowid');
    // Each transaction saw all the earlier ones: 0, 1, 2, … with no interleaving.
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('turns foreign keys on', async () => {
    const fk = await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys');
    expect(fk?.foreign_keys).toBe(1);
    await migrate(db);
    await expect(db.transaction((tx) => tx.run(
      "INSERT INTO person (id, household_id, name, id_number, sex, birth_date, relation, health, created_at, created_by, updated_at, updated_by) VALUES ('p', 'missing', 'x', 'y', 'male', '2000-01-01', 'head', 'healthy', '', '', '', '')",
    ))).rejects.toThrow(/FOREIGN KEY/);
  });
});
