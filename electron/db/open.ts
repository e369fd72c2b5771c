import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Database } from './driver.js';
import { migrate } from './migrate.js';

/** Opens (creating if needed) a workstation database and brings its schema up to date. */
export async function openDatabase(file: string): Promise<Database> {
  await mkdir(dirname(file), { recursive: true });
  const db = await Database.open(file);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
