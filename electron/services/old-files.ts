/** Removes the files of a folder whose names match and that were last written at least `minAgeMs` ago; returns their names. */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function removeOldFiles(folder: string, name: RegExp, minAgeMs: number, now: Date): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of names.filter((n) => name.test(n))) {
    const file = join(folder, entry);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < minAgeMs) continue;
    await rm(file, { force: true });
    removed.push(entry);
  }
  return removed;
}
