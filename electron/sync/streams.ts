/**
 * Streaming building blocks for package files: rows to NDJSON chunks, bytes through Node
 * transforms (gzip, AES-GCM) with backpressure, NDJSON back to lines, and the tally each file
 * is checked by (rows, bytes, SHA-256, money sums). Nothing here holds more than a chunk.
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable, pipeline, type Transform } from 'node:stream';
import type { Chunks } from './archive.js';

export type PackageRow = Record<string, unknown>;

const CHUNK = 64 * 1024;

/** Bytes through one transform; an error anywhere surfaces from the returned iteration. */
export function through(source: Chunks, transform: Transform): Chunks {
  return pipeline(Readable.from(source), transform, () => undefined) as unknown as Chunks;
}

/** Rows as NDJSON in ~64 KB chunks, keys in `columns` order. */
export async function* encodeRows(rows: AsyncIterable<PackageRow>, columns: readonly string[], onRow: (row: PackageRow) => void): Chunks {
  let parts: string[] = [];
  let size = 0;
  for await (const row of rows) {
    onRow(row);
    const ordered: PackageRow = {};
    for (const column of columns) ordered[column] = row[column] ?? null;
    const line = `${JSON.stringify(ordered)}\n`;
    parts.push(line);
    size += line.length;
    if (size >= CHUNK) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''), 'utf8');
}

export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`line ${line} too long`);
  }
}

/** NDJSON lines with their 1-based numbers; a line longer than `maxBytes` stops the read. */
export async function* splitLines(source: Chunks, maxBytes = 1024 * 1024): AsyncIterable<{ text: string; line: number }> {
  // Only the unfinished line at a chunk's end is copied; whole lines are read where they lie.
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    let nl = buf.indexOf(10);
    if (rest.length > 0 && nl !== -1) {
      yield { text: Buffer.concat([rest, buf.subarray(0, nl)]).toString('utf8'), line: ++line };
      start = nl + 1;
      nl = buf.indexOf(10, start);
    }
    for (; nl !== -1; nl = buf.indexOf(10, start)) {
      yield { text: buf.toString('utf8', start, nl), line: ++line };
      start = nl + 1;
    }
    rest = start === 0 && rest.length > 0 ? Buffer.concat([rest, buf]) : Buffer.from(buf.subarray(start));
    if (rest.length > maxBytes) throw new LineTooLong(line + 1);
  }
  if (rest.length > 0) yield { text: rest.toString('utf8'), line: ++line };
}

/** Counts and hashes bytes passing through, without holding them. */
export class ByteTally {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;

  async *tap(source: Chunks): Chunks {
    for await (const chunk of source) {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      yield chunk;
    }
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Row count and the sum of every money column, in fen, exact (BigInt). */
export class RowTally {
  rows = 0;
  private readonly sums = new Map<string, bigint>();

  constructor(private readonly moneyColumns: readonly string[]) {
    for (const column of moneyColumns) this.sums.set(column, 0n);
  }

  /** False when a money value is not a whole number of fen. */
  add(row: PackageRow): boolean {
    this.rows++;
    let ok = true;
    for (const column of this.moneyColumns) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        ok = false;
        continue;
      }
      this.sums.set(column, this.sums.get(column)! + BigInt(value));
    }
    return ok;
  }

  totals(): Record<string, string> {
    return Object.fromEntries([...this.sums].map(([column, sum]) => [column, sum.toString()]));
  }
}
