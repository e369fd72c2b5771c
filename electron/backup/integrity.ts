/** The database checks run at start: SQLite's own page check and the foreign keys. */
import type { Database } from '../db/driver.js';

export async function databaseProblems(db: Database): Promise<string[]> {
  const integrity = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  const foreignKeys = await db.all<{ table: string; rowid: number; parent: string }>('PRAGMA foreign_key_check');
  return [
    ...integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok'),
    ...foreignKeys.map((r) => `foreign key: ${r.table} row ${r.rowid} → ${r.parent}`),
  ];
}
