import type { Database } from './driver.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';
import { forgetChangeTracking } from './change-seq.js';

/**
 * Applies pending migrations in order, each in its own transaction, recorded in
 * schema_migration. Refuses a database that has a migration this build does not know
 * (written by a newer version) or whose applied list is out of step.
 */
export async function migrate(db: Database, migrations: Migration[] = allMigrations): Promise<number[]> {
  await db.transaction((tx) =>
    tx.exec('CREATE TABLE IF NOT EXISTS schema_migration (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'),
  );
  const applied = await db.all<{ id: number; name: string }>('SELECT id, name FROM schema_migration ORDER BY id');
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.id !== row.id || known.name !== row.name) {
      throw new Error(
        `Database schema is out of step with this version: applied migration ${row.id} (${row.name}) ` +
          `does not match ${known ? `${known.id} (${known.name})` : 'any known migration'}.`,
      );
    }
  });
  const done: number[] = [];
  for (const migration of migrations.slice(applied.length)) {
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      if (migration.after) await migration.after(tx);
      forgetChangeTracking(tx);
      await tx.run('INSERT INTO schema_migration (id, name, applied_at) VALUES (?, ?, ?)', [
        migration.id, migration.name, new Date().toISOString(),
      ]);
    });
    done.push(migration.id);
  }
  return done;
}
