/**
 * ArchiveWriter over fflate's streaming Zip. Entries are stored (method 0): payloads are gzip
 * and often encrypted, so deflating again would only cost time. Output goes to disk as it is
 * produced, awaiting each write, so memory holds one chunk at a time whatever the package size.
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import { Zip, ZipPassThrough } from 'fflate';
import type { ArchiveWriter, Chunks } from './archive.js';

export async function createZipWriter(path: string, mtime: Date): Promise<ArchiveWriter> {
  const file: FileHandle = await open(path, 'w');
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else pending.push(data);
  });
  // ZIP dates run from 1980; a clock set before that must not make the archive unwritable.
  const stamp = mtime.getUTCFullYear() < 1980 ? new Date('1980-01-01T00:00:00Z') : mtime;

  const flush = async () => {
    if (failure) throw failure;
    while (pending.length > 0) await file.write(pending.shift()!);
  };

  return {
    async add(name, data) {
      const entry = new ZipPassThrough(name);
      entry.mtime = stamp;
      zip.add(entry);
      if (data instanceof Uint8Array) {
        entry.push(data, true);
      } else {
        for await (const chunk of data as Chunks) {
          entry.push(chunk);
          await flush();
        }
        entry.push(new Uint8Array(0), true);
      }
      await flush();
    },
    async close() {
      zip.end();
      await flush();
      await file.sync();
      await file.close();
    },
    async abort() {
      zip.terminate();
      await file.close().catch(() => undefined);
      await rm(path, { force: true });
    },
  };
}
