/**
 * What packages and receipts need of a container: write named entries from streams, then read
 * them back by name as streams. The ZIP implementation (zip-writer.ts, zip-reader.ts) plugs in
 * here; nothing else knows about ZIP.
 */
export type Chunks = AsyncIterable<Uint8Array>;

export interface ArchiveWriter {
  /** Adds one entry, stored as given (payloads arrive already compressed). */
  add(name: string, data: Chunks | Uint8Array): Promise<void>;
  /** Writes the directory and closes the file. */
  close(): Promise<void>;
  /** Closes and removes a half-written file. */
  abort(): Promise<void>;
}

export interface ArchiveEntry {
  name: string;
  /** Bytes as stored in the archive. */
  size: number;
}

export interface ArchiveReader {
  entries(): ArchiveEntry[];
  has(name: string): boolean;
  /** Streams one entry's bytes; throws ArchiveError when the archive ends early. */
  read(name: string): Chunks;
  /** A small entry in full (manifest, signature); refuses one larger than `max` bytes. */
  readAll(name: string, max: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** The container itself is broken; `problem` says how, `entry` where. */
export class ArchiveError extends Error {
  constructor(readonly problem: 'truncated' | 'notZip' | 'corrupt' | 'unsupported' | 'tooLarge', readonly entry: string | null = null) {
    super(`archive ${problem}${entry ? ` at ${entry}` : ''}`);
    this.name = 'ArchiveError';
  }
}
