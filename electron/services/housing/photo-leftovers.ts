/**
 * Files a crash can leave in `photos/`: a photo written aside before its rename (`.partial`) or
 * a package attachment staged for a merge that never finished (`.incoming`). Neither is named by
 * any row. Removed when the workstation opens, once they are an hour old: another process on the
 * same data folder (the CLI beside the app) may be writing a fresh one.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const LEFTOVER = /\.(partial|incoming)$/;
const MIN_AGE_MS = 60 * 60 * 1000;

export async function removePhotoLeftovers(folder: string, now: Date): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => LEFTOVER.test(n))) {
    const file = join(folder, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < MIN_AGE_MS) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}
