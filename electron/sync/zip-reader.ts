/**
 * ArchiveReader for ZIP files, through the central directory. Why not fflate's streaming Unzip:
 * for entries written with data descriptors (every streamed entry, ours included) it finds the
 * end of an entry by scanning the data for a signature, and gzip or ciphertext contains those
 * four bytes by chance (about once per 1.4 GB of random data): a valid package would be cut
 * short. The directory gives exact offsets and sizes instead. Integrity is not this file's job:
 * every entry is checked against the SHA-256 in the signed manifest.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { ArchiveError, type ArchiveEntry, type ArchiveReader, type Chunks } from './archive.js';
import { through } from './streams.js';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

interface Located extends ArchiveEntry {
  method: number;
  localOffset: number;
}

/** Where the archive's bytes are: a file read piece by piece, or bytes already in memory. */
interface Source {
  size: number;
  /** Up to `length` bytes at `position` (fewer at the end). */
  readAt(position: number, length: number): Promise<Buffer>;
  /** Bytes `start` to `end` inclusive, in pieces. */
  stream(start: number, end: number): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

async function fileSource(path: string): Promise<Source> {
  const file: FileHandle = await open(path, 'r');
  try {
    return {
      size: (await file.stat()).size,
      async readAt(position, length) {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      },
      stream: (start, end) => createReadStream(path, { start, end, highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>,
      close: () => file.close(),
    };
  } catch (err) {
    await file.close();
    throw err;
  }
}

function bufferSource(bytes: Buffer): Source {
  const PIECE = 64 * 1024;
  return {
    size: bytes.length,
    readAt: async (position, length) => bytes.subarray(position, position + length),
    async *stream(start, end) {
      for (let at = start; at <= end; at += PIECE) yield bytes.subarray(at, Math.min(end + 1, at + PIECE));
    },
    close: async () => undefined,
  };
}

/** The end-of-central-directory record: the last one whose comment length reaches the end. */
function findEocd(tail: Buffer): number {
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_MIN + tail.readUInt16LE(i + 20) === tail.length) return i;
  }
  return -1;
}

async function centralDirectory(source: Source): Promise<Located[]> {
  const fileSize = source.size;
  const tailLength = Math.min(fileSize, EOCD_MIN + MAX_COMMENT);
  const tail = await source.readAt(fileSize - tailLength, tailLength);
  const at = findEocd(tail);
  if (at < 0) {
    const head = await source.readAt(0, 4);
    // A file that starts like a ZIP but has no directory at its end was cut short.
    throw new ArchiveError(head.length === 4 && head.readUInt32LE(0) === LOCAL_SIG ? 'truncated' : 'notZip');
  }
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ArchiveError('unsupported');
  const eocdOffset = fileSize - tailLength + at;
  if (cdOffset + cdSize > eocdOffset) throw new ArchiveError('corrupt');
  const cd = await source.readAt(cdOffset, cdSize);
  const entries: Located[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new ArchiveError('corrupt');
    const method = cd.readUInt16LE(p + 10);
    const size = cd.readUInt32LE(p + 20);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const localOffset = cd.readUInt32LE(p + 42);
    const name = cd.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (localOffset + 30 + size > cdOffset) throw new ArchiveError('corrupt', name);
    if (entries.some((e) => e.name === name)) throw new ArchiveError('corrupt', name);
    entries.push({ name, size, method, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export async function openZipReader(path: string): Promise<ArchiveReader> {
  return zipReaderOver(await fileSource(path));
}

/** The same reader over bytes already in memory (an uploaded .xlsx is a ZIP too). */
export function openZipBuffer(bytes: Buffer): Promise<ArchiveReader> {
  return zipReaderOver(bufferSource(bytes));
}

async function zipReaderOver(source: Source): Promise<ArchiveReader> {
  let entries: Located[];
  try {
    entries = await centralDirectory(source);
  } catch (err) {
    await source.close();
    throw err;
  }

  const entry = (name: string): Located => {
    const found = entries.find((e) => e.name === name);
    if (!found) throw new ArchiveError('corrupt', name);
    return found;
  };

  /** Where the entry's bytes start, checked against its local header. */
  const dataStart = async (e: Located): Promise<number> => {
    const header = await source.readAt(e.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG) throw new ArchiveError('corrupt', e.name);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const name = (await source.readAt(e.localOffset + 30, nameLength)).toString('utf8');
    if (name !== e.name) throw new ArchiveError('corrupt', e.name);
    return e.localOffset + 30 + nameLength + extraLength;
  };

  async function* raw(e: Located): Chunks {
    const start = await dataStart(e);
    let seen = 0;
    if (e.size > 0) {
      for await (const chunk of source.stream(start, start + e.size - 1)) {
        seen += chunk.length;
        yield chunk;
      }
    }
    if (seen !== e.size) throw new ArchiveError('truncated', e.name);
  }

  function read(name: string): Chunks {
    const e = entry(name);
    if (e.method === 0) return raw(e);
    if (e.method !== 8) throw new ArchiveError('unsupported', name);
    // Deflated entries (a package re-zipped by another tool): inflate on the way out.
    return (async function* () {
      try {
        yield* through(raw(e), createInflateRaw());
      } catch (err) {
        throw err instanceof ArchiveError ? err : new ArchiveError('corrupt', name);
      }
    })();
  }

  return {
    entries: () => entries.map(({ name, size }) => ({ name, size })),
    has: (name) => entries.some((e) => e.name === name),
    read,
    async readAll(name, max) {
      if (entry(name).size > max) throw new ArchiveError('tooLarge', name);
      const parts: Buffer[] = [];
      let total = 0;
      for await (const chunk of read(name)) {
        total += chunk.length;
        if (total > max) throw new ArchiveError('tooLarge', name);
        parts.push(Buffer.from(chunk));
      }
      return Buffer.concat(parts);
    },
    close: () => source.close(),
  };
}
