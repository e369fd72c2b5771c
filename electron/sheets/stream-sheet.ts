/**
 * The same sheets as read-sheet.ts, row by row instead of all at once: a 400,000-row slip file
 * is a few hundred MB of strings when held whole. Same header search, same row numbers (Excel's),
 * same cell text, empty rows skipped. Merged cells are the one thing a streamed .xlsx cannot
 * give (the merge list sits after the rows), so a workbook that has any is read whole instead.
 * The file comes as bytes or as the path of a stored upload, which is then read in pieces.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../shared/domain/app-error.js';
import { cellText } from './cell-text.js';
import { cleanHeader, readSheet, type ReadOptions, type SheetRow } from './read-sheet.js';
import { xlsxHasMergedCells } from './xlsx-merges.js';

export interface SheetStream {
  headerRow: number | undefined;
  headers: string[];
  /** The rows under the header, once. */
  rows: AsyncIterable<SheetRow>;
}

const CHUNK = 1 << 20;

/** The file's bytes, or the path of a stored upload (read in pieces, never whole). */
export type SheetSource = Buffer | { path: string };

function bomEncoding(head: Uint8Array): string | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Where a trailing incomplete UTF-8 sequence starts (the piece's length when it ends whole). */
function wholeUpTo(piece: Buffer): number {
  for (let i = piece.length - 1; i >= 0 && i >= piece.length - 4; i--) {
    const byte = piece[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return piece.length - i >= length ? piece.length : i;
  }
  return piece.length;
}

/** Whether a file is valid UTF-8 throughout, read a piece at a time (a character may span two pieces). */
async function isUtf8File(path: string): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const piece = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = wholeUpTo(piece);
    if (!isUtf8(piece.subarray(0, cut))) return false;
    carry = Buffer.from(piece.subarray(cut));
  }
  return carry.length === 0;
}

// Chinese Excel saves CSV as GB18030 unless told otherwise; valid UTF-8 wins when it is valid.
async function encodingOf(source: SheetSource): Promise<string> {
  if (Buffer.isBuffer(source)) return bomEncoding(source) ?? (isUtf8(source) ? 'utf8' : 'gb18030');
  const handle = await open(source.path);
  const head = Buffer.alloc(2);
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  return bomEncoding(head) ?? ((await isUtf8File(source.path)) ? 'utf8' : 'gb18030');
}

function* pieces(content: Buffer): Generator<Buffer> {
  for (let at = 0; at < content.length; at += CHUNK) yield content.subarray(at, at + CHUNK);
}

/** The decoded text in pieces, BOM dropped. */
async function* decodedChunks(source: SheetSource): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(await encodingOf(source), { stripBOM: true });
  const bytes: AsyncIterable<Buffer> | Iterable<Buffer> = Buffer.isBuffer(source) ? pieces(source) : createReadStream(source.path, { highWaterMark: CHUNK });
  for await (const piece of bytes) {
    const text = decoder.write(piece);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Undoes writeCsv's guard against formula injection ('=…, '+…, '-…, '@…). */
function unguard(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

async function* csvRows(source: SheetSource): AsyncGenerator<SheetRow> {
  const chunks = decodedChunks(source);
  const first = await chunks.next();
  if (first.done) return;
  const firstLine = first.value.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const parser = parse({
    // Excel's "text (tab delimited)" export, and some .csv files, use tabs.
    delimiter: count('\t') > count(',') ? '\t' : ',',
    relax_column_count: true,
    // Hand-edited files hold stray quotes such as 5"; keep them as text instead of failing.
    relax_quotes: true,
    // Record i is Excel row i + 1 (a quoted line break stays inside its cell).
    skip_empty_lines: false,
  });
  Readable.from((async function* () {
    yield first.value;
    yield* chunks;
  })()).pipe(parser);
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber++;
    yield { rowNumber, cells: record.map((c) => unguard(c.trim())) };
  }
}

async function* xlsxRows(source: SheetSource): AsyncGenerator<SheetRow> {
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : createReadStream(source.path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit', sharedStrings: 'cache', hyperlinks: 'cache', styles: 'cache', worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      yield { rowNumber: row.number, cells };
    }
    return; // the first sheet only, as readSheet
  }
}

async function* fromWhole(source: SheetSource, fileName: string): AsyncGenerator<SheetRow> {
  const sheet = await readSheet(Buffer.isBuffer(source) ? source : await readFile(source.path), fileName);
  yield { rowNumber: sheet.headerRow ?? 1, cells: sheet.headers };
  yield* sheet.rows;
}

const isEmpty = (row: SheetRow) => row.cells.every((c) => c === '');

function unreadable(fileName: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.message.slice(0, 200) : 'unknown';
  return new AppError('bad_request', 'file.unreadable', { fileName, detail });
}

/** Rows of the file, with reading errors as the same AppError readSheet gives. */
async function* guarded(rows: AsyncGenerator<SheetRow>, fileName: string): AsyncGenerator<SheetRow> {
  try {
    for await (const row of rows) if (!isEmpty(row)) yield row;
  } catch (err) {
    throw unreadable(fileName, err);
  }
}

/**
 * Finds the header (the first of the first ten non-empty rows that `isHeader` accepts, else the
 * first) and hands back the rest as a stream.
 */
export async function openSheetStream(file: SheetSource, fileName: string, options: ReadOptions = {}): Promise<SheetStream> {
  const ext = extname(fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt') throw new AppError('bad_request', 'file.unsupported', { fileName });
  let source: AsyncGenerator<SheetRow>;
  if (ext !== '.xlsx') source = csvRows(file);
  else source = (await xlsxHasMergedCells(file).catch((err: unknown) => { throw unreadable(fileName, err); })) ? fromWhole(file, fileName) : xlsxRows(file);
  const rows = guarded(source, fileName);

  const head: SheetRow[] = [];
  while (head.length < 10) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  const found = options.isHeader ? head.findIndex((r) => options.isHeader!(r.cells.map(cleanHeader))) : 0;
  const headerIndex = Math.max(0, found);
  const header = head[headerIndex];
  if (!header) {
    return { headerRow: undefined, headers: [], rows: (async function* () {})() };
  }
  const width = header.cells.findLastIndex((c) => c !== '') + 1;
  return {
    headerRow: header.rowNumber,
    headers: header.cells.slice(0, width).map(cleanHeader),
    rows: (async function* () {
      yield* head.slice(headerIndex + 1);
      yield* rows;
    })(),
  };
}
