/**
 * Reads a clerk's sheet (.xlsx, or .csv/.txt in UTF-8, UTF-8 with BOM or GB18030) into headers
 * and rows of display strings. Row numbers are the ones Excel shows (header = 1), so every error
 * report can point at the row the clerk sees.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { extname } from 'node:path';
import { AppError } from '../../shared/domain/app-error.js';
import { cellText } from './cell-text.js';

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  rowNumber: number;
  cells: string[];
}

export interface SheetData {
  /** Excel's number of the header row (1 unless title lines stand above it). */
  headerRow?: number;
  headers: string[];
  rows: SheetRow[];
}

/** Headers such as "身份证\n号码" are common in hand-made sheets. */
export function cleanHeader(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** Chinese Excel saves CSV as GB18030 unless told otherwise; valid UTF-8 wins when it decodes. */
export function decodeText(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return content.subarray(3).toString('utf8');
  // Excel's "Unicode text (*.txt)" is UTF-16LE with a BOM; iconv-lite strips the BOM.
  if (content[0] === 0xff && content[1] === 0xfe) return iconv.decode(content, 'utf-16le');
  if (content[0] === 0xfe && content[1] === 0xff) return iconv.decode(content, 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return iconv.decode(content, 'gb18030');
  }
}

/** Excel's "text (tab delimited)" export, and some .csv files, use tabs. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

export interface ReadOptions {
  /**
   * Recognises the header row. 台账 sheets often carry a merged title line (e.g. "XX镇建档立卡户
   * 花名册") above the headers; the first of the first ten rows that passes is the header.
   */
  isHeader?: (cleanedCells: string[]) => boolean;
}

/**
 * Fully empty rows are dropped (their numbers are not reused), and every row is padded to one
 * width so cell i always sits under header i.
 */
function fromMatrix(matrix: SheetRow[], options: ReadOptions): SheetData {
  let nonEmpty = matrix.filter((r) => r.cells.some((c) => c !== ''));
  const { isHeader } = options;
  const headerIndex = isHeader ? nonEmpty.slice(0, 10).findIndex((r) => isHeader(r.cells.map(cleanHeader))) : 0;
  nonEmpty = nonEmpty.slice(Math.max(0, headerIndex));
  const [header, ...rows] = nonEmpty;
  if (!header) return { headers: [], rows: [] };
  // reduce, not Math.max(...rows): a spread of 100 000 rows overflows the stack.
  const width = nonEmpty.reduce((w, r) => Math.max(w, r.cells.findLastIndex((c) => c !== '') + 1), 0);
  const fit = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return { headerRow: header.rowNumber, headers: fit(header.cells).map(cleanHeader), rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: fit(r.cells) })) };
}

/** Undoes writeCsv's guard against formula injection ('=…, '+…, '-…, '@…). */
function unguard(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

function readCsv(content: Buffer, options: ReadOptions): SheetData {
  const text = decodeText(content);
  const records = parse(text, {
    delimiter: delimiterOf(text),
    bom: true,
    relax_column_count: true,
    // Hand-edited files hold stray quotes such as 5"; keep them as text instead of failing.
    relax_quotes: true,
    // Empty lines are kept so that record i is Excel row i + 1 (Excel shows them as empty rows;
    // a quoted line break stays inside its cell, so records, not lines, are Excel's rows).
    skip_empty_lines: false,
  }) as string[][];
  return fromMatrix(records.map((record, i) => ({ rowNumber: i + 1, cells: record.map((c) => unguard(c.trim())) })), options);
}

async function readXlsx(content: Buffer, options: ReadOptions): Promise<SheetData> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer extends ArrayBuffer`; a Node Buffer is what it reads at runtime.
  await workbook.xlsx.load(content as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const matrix: SheetRow[] = [];
  // Merged cells read as their top-left value, so a household's merged address fills each member row.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    matrix.push({ rowNumber, cells });
  });
  return fromMatrix(matrix, options);
}

export async function readSheet(content: Buffer, fileName: string, options: ReadOptions = {}): Promise<SheetData> {
  const ext = extname(fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt') throw new AppError('bad_request', 'file.unsupported', { fileName });
  try {
    return ext === '.xlsx' ? await readXlsx(content, options) : readCsv(content, options);
  } catch (err) {
    const detail = err instanceof Error ? err.message.slice(0, 200) : 'unknown';
    throw new AppError('bad_request', 'file.unreadable', { fileName, detail });
  }
}
