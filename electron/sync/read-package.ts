/**
 * Opening and checking a package, in the order of docs/PACKAGE-FORMAT.md: the archive, the
 * manifest and its signature, the list of files; then each file's stored bytes, and, when this
 * workstation can read it, its decoded rows, counts and money sums. Every failure is a
 * PackageRefused naming the check and the file. Rows are streamed, never collected.
 */
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { ArchiveReader, Chunks } from './archive.js';
import { checkAttachmentList, checkAttachments } from './attachment-check.js';
import { AttachmentRefs } from './attachments.js';
import { fingerprintOf, PayloadOpener, sha256Hex, verifyDetached } from './crypto.js';
import { ledgerTable } from './ledger-tables.js';
import { FORMAT_VERSION, MANIFEST_FILE, PACKAGE_FORMAT, SIGNATURE_FILE, manifestSchema, type Manifest, type TableEntry } from './manifest.js';
import { decline, decodeRefusal, isZlibError, refuse, refusalOfArchive } from './refusal.js';
import { ByteTally, RowTally, splitLines, through, type PackageRow } from './streams.js';
import { openZipReader } from './zip-reader.js';

const MAX_MANIFEST = 8 * 1024 * 1024;
/** Inflated bytes per hand-off from zlib's thread (its default, 16 KB, costs a round trip per 16 KB). */
const INFLATED_CHUNK = 256 * 1024;

export interface OpenedPackage {
  path: string;
  reader: ArchiveReader;
  manifest: Manifest;
  manifestSha256: string;
  close(): Promise<void>;
}

/** Parses a signed JSON document: format and version first, so an old reader says "upgrade". */
export function parseSigned<T>(bytes: Buffer, file: string, format: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } } }): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refuse('badManifest', { file, detail: 'JSON' });
  }
  const head = json as { format?: unknown; formatVersion?: unknown };
  if (head?.format === format && head.formatVersion !== FORMAT_VERSION) throw refuse('unsupportedFormat', { file, version: String(head.formatVersion) });
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw refuse('badManifest', { file, detail: parsed.error.issues[0]?.path.join('.') ?? '' });
  return parsed.data;
}

/** Steps 1-3 and 6: archive, manifest, signature by the manifest's own key, file list. */
export async function openPackage(path: string): Promise<OpenedPackage> {
  return withOpenedArchive(path, async (reader) => {
    for (const file of [MANIFEST_FILE, SIGNATURE_FILE]) if (!reader.has(file)) throw refuse('missingFile', { file });
    const bytes = await reader.readAll(MANIFEST_FILE, MAX_MANIFEST);
    const signature = await reader.readAll(SIGNATURE_FILE, 1024);
    const manifest = parseSigned(bytes, MANIFEST_FILE, PACKAGE_FORMAT, manifestSchema);
    if (fingerprintOf(manifest.source.publicKey) !== manifest.source.fingerprint.toUpperCase()) throw refuse('badManifest', { file: MANIFEST_FILE, detail: 'source.fingerprint' });
    if (!verifyDetached(bytes, signature, manifest.source.publicKey)) throw refuse('badSignature', { file: MANIFEST_FILE });
    const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.tables.map((t) => t.file), ...manifest.attachments.map((a) => a.file)]);
    for (const file of listed) if (!reader.has(file)) throw refuse('missingFile', { file });
    for (const entry of reader.entries()) if (!listed.has(entry.name)) throw refuse('unexpectedFile', { file: entry.name });
    for (const t of manifest.tables) {
      if (!ledgerTable(t.table)) throw decline('unknownTable', { table: t.table, file: t.file });
      if (manifest.encryption && (!t.iv || !t.tag)) throw refuse('badManifest', { file: MANIFEST_FILE, detail: `${t.table}.iv` });
    }
    checkAttachmentList(manifest);
    return { path, reader, manifest, manifestSha256: sha256Hex(bytes), close: () => reader.close() };
  });
}

/**
 * Opens a zip and runs the checks on it; a failed check closes the archive and becomes a
 * refusal naming the file, so callers never leak an open handle.
 */
export async function withOpenedArchive<T>(path: string, check: (reader: ArchiveReader) => Promise<T>): Promise<T> {
  let reader: ArchiveReader;
  try {
    reader = await openZipReader(path);
  } catch (err) {
    throw refusalOfArchive(err, basename(path));
  }
  try {
    return await check(reader);
  } catch (err) {
    await reader.close();
    throw refusalOfArchive(err, basename(path));
  }
}

/** Step 7a: the entry's bytes, exactly as stored, against the manifest. */
export async function checkStored(reader: ArchiveReader, file: string, stored: { sha256: string; bytes: number }): Promise<void> {
  const tally = new ByteTally();
  try {
    for await (const chunk of tally.tap(reader.read(file))) void chunk;
  } catch (err) {
    throw refusalOfArchive(err, file);
  }
  if (tally.bytes !== stored.bytes) throw refuse('sizeMismatch', { file, expected: stored.bytes, actual: tally.bytes });
  if (tally.digest() !== stored.sha256.toLowerCase()) throw refuse('hashMismatch', { file });
}

export { isZlibError };

/**
 * Step 7b: the rows of one table file, decrypted and decompressed as they stream. The checks
 * on the whole file (hash, size, count, sums) run when the last row has been read: consume
 * the iteration to the end before trusting any of it.
 */
export async function* packageRows(pkg: OpenedPackage, entry: TableEntry, opener: PayloadOpener | null): AsyncIterable<PackageRow> {
  const { file } = entry;
  const encrypted = pkg.manifest.encryption !== null;
  if (encrypted && !opener) throw refuse('noDecryptionKey', { file });
  const table = ledgerTable(entry.table)!;
  const plain = new ByteTally();
  const tally = new RowTally(table.moneyColumns);
  try {
    let data: Chunks = pkg.reader.read(file);
    if (encrypted) data = through(data, opener!.decipherFor(file, Buffer.from(entry.iv!, 'base64'), Buffer.from(entry.tag!, 'base64')));
    for await (const { text, line } of splitLines(plain.tap(through(data, createGunzip({ chunkSize: INFLATED_CHUNK }))))) {
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        throw refuse('badLine', { file, line });
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row) || !tally.add(row as PackageRow)) throw refuse('badLine', { file, line });
      yield row as PackageRow;
    }
  } catch (err) {
    throw decodeRefusal(err, file, encrypted);
  }
  if (plain.bytes !== entry.bytes || plain.digest() !== entry.sha256.toLowerCase()) throw refuse('hashMismatch', { file });
  if (tally.rows !== entry.rows) throw refuse('countMismatch', { file, expected: entry.rows, actual: tally.rows });
  const sums = tally.totals();
  for (const column of new Set([...Object.keys(sums), ...Object.keys(entry.sums)])) {
    if (sums[column] !== entry.sums[column]) throw refuse('sumMismatch', { file, column, expected: entry.sums[column] ?? '-', actual: sums[column] ?? '-' });
  }
}

export interface ContentReport {
  /** False when the payload is encrypted to a key this workstation does not hold. */
  contentChecked: boolean;
  tables: { table: string; file: string; rows: number }[];
}

/** Step 7 for every file; rows are counted and summed, then dropped (keeping the hashes of the files they name). */
export async function checkContents(pkg: OpenedPackage, opener: PayloadOpener | null): Promise<ContentReport> {
  const { manifest } = pkg;
  for (const t of manifest.tables) await checkStored(pkg.reader, t.file, t.stored);
  for (const a of manifest.attachments) await checkStored(pkg.reader, a.file, a.stored);
  const readable = manifest.encryption === null || opener !== null;
  if (readable) {
    const refs = new AttachmentRefs();
    for (const t of manifest.tables) {
      const table = ledgerTable(t.table)!;
      for await (const row of packageRows(pkg, t, opener)) refs.add(table, row, t.file);
    }
    await checkAttachments(pkg, opener, refs);
  }
  return { contentChecked: readable, tables: manifest.tables.map((t) => ({ table: t.table, file: t.file, rows: t.rows })) };
}
