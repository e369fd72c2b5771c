/**
 * Photo files live in the data folder beside the database, in `photos/`, each named by the
 * SHA-256 of its bytes: the same picture added twice is stored once, and a file's name proves
 * its content (the upload package carries attachments the same way, docs/PACKAGE-FORMAT.md).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Database } from '../../db/driver.js';

export function photoFolder(db: Database): string {
  return join(dirname(db.file), 'photos');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes the bytes under their hash unless already there; returns the hash. */
export async function storePhoto(db: Database, bytes: Buffer): Promise<string> {
  const sha256 = sha256Hex(bytes);
  const folder = photoFolder(db);
  const file = join(folder, sha256);
  if (await exists(file)) return sha256;
  await mkdir(folder, { recursive: true });
  // Written aside and renamed, so a crash never leaves a half file under a valid name.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  return sha256;
}

export async function readPhoto(db: Database, sha256: string): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad photo hash');
  return readFile(join(photoFolder(db), sha256));
}
