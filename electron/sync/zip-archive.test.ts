import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { createZipWriter } from './zip-writer.js';
import { openZipReader } from './zip-reader.js';
import { ArchiveError, type Chunks } from './archive.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-zip-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* chunks(...parts: Buffer[]): Chunks {
  for (const p of parts) yield p;
}

async function collect(source: Chunks): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Bytes that look like ZIP record signatures: a reader that scans data for them cuts entries short. */
const TRAP = Buffer.concat([Buffer.from('before'), Buffer.from([0x50, 0x4b, 0x07, 0x08]), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x01, 0x02]), Buffer.from('after')]);

describe('ZIP archive', () => {
  it('writes streamed entries and reads them back exactly, signatures inside the data included', async () => {
    const path = join(dir, 'a.zip');
    const writer = await createZipWriter(path, new Date('2021-06-15T08:00:00Z'));
    const big = Buffer.alloc(300_000, 7);
    await writer.add('data/one.bin', chunks(TRAP, big, TRAP));
    await writer.add('manifest.json', Buffer.from('{"a":1}'));
    await writer.add('empty', chunks());
    await writer.close();

    const reader = await openZipReader(path);
    expect(reader.entries()).toEqual([
      { name: 'data/one.bin', size: TRAP.length * 2 + big.length },
      { name: 'manifest.json', size: 7 },
      { name: 'empty', size: 0 },
    ]);
    expect((await collect(reader.read('data/one.bin'))).equals(Buffer.concat([TRAP, big, TRAP]))).toBe(true);
    expect((await reader.readAll('manifest.json', 100)).toString()).toBe('{"a":1}');
    expect((await collect(reader.read('empty'))).length).toBe(0);
    await expect(reader.readAll('data/one.bin', 1000)).rejects.toMatchObject({ problem: 'tooLarge' });
    await reader.close();

    // Any ZIP tool opens it.
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(path))))).toEqual(['data/one.bin', 'manifest.json', 'empty']);
  });

  it('reads an archive re-zipped with compression by another tool', async () => {
    const path = join(dir, 'b.zip');
    await writeFile(path, zipSync({ 'x.txt': new Uint8Array(Buffer.from('hello '.repeat(1000))) }, { level: 9 }));
    const reader = await openZipReader(path);
    expect((await collect(reader.read('x.txt'))).toString()).toBe('hello '.repeat(1000));
    await reader.close();
  });

  it('tells a truncated file from one that is not a ZIP at all', async () => {
    const path = join(dir, 'c.zip');
    const writer = await createZipWriter(path, new Date());
    await writer.add('x', Buffer.alloc(1000, 1));
    await writer.close();
    const whole = await readFile(path);
    for (const cut of [whole.length - 1, 600, 40]) {
      await writeFile(path, whole.subarray(0, cut));
      await expect(openZipReader(path)).rejects.toEqual(new ArchiveError('truncated'));
    }
    await writeFile(path, 'not a zip at all, just text');
    await expect(openZipReader(path)).rejects.toEqual(new ArchiveError('notZip'));
    await writeFile(path, '');
    await expect(openZipReader(path)).rejects.toEqual(new ArchiveError('notZip'));
  });
});
