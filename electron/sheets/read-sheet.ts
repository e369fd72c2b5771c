/**
 * Reads a clerk's sheet (.xlsx, or .csv in UTF-8, UTF-8 with BOM or GB18030) into headers and
 * rows of display strings. Row numbers are the ones Excel shows (header = 1), so every error
 * report can point at the row the clerk sees.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { extname } from 'node:path';
import { AppError } from '../../shared/domain/app-error.js';
import { cellText } from './cell-text.js';

export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

export interface SheetData {
  headers: string[];
  rows: SheetRow[];
}

/** Headers such as "身份证\n号码" are common in hand-made sheets. */
export function cleanHeader(raw: string): string {
  return raw.replace(/\s+/g, '').trim();
}

/** Chinese Excel saves CSV as GB18030 unless told otherwise; valid UTF-8 wins when it parses. */
export function decodeText(content: Buffer): string {
  const hasBom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  if (hasBom) return content.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return iconv.decode(content, 'gb18030');
  }
}

function fromMatrix(matrix: { rowNumber: number; cells: string[] }[]): SheetData {
  const [header, ...rest] = matrix;
  if (!header) return { headers: [], rows: [] };
  const rows = rest.filter((r) => r.cells.some((c) => c !== ''));
  return { headers: header.cells.map(cleanHeader), rows };
}

function readCsv(content: Buffer): SheetData {
  const records = parse(decodeText(content), { relax_column_count: true, skip_empty_lines: false, bom: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  // `info.lines` is the line a record ends on; quoted newlines make it differ from the index.
  let line = 1;
  const matrix = records.map(({ record, info }) => {
    const row = { rowNumber: line, cells: record.map((c) => c.trim()) };
    line = info.lines + 1;
    return row;
  });
  return fromMatrix(matrix);
}

async function readXlsx(content: Buffer): Promise<SheetData> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const matrix: { rowNumber: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    matrix.push({ rowNumber, cells });
  });
  // The header is the first non-empty row; rows above it (a title line) are not data.
  return fromMatrix(matrix);
}

export async function readSheet(content: Buffer, fileName: string): Promise<SheetData> {
  const ext = extname(fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt') throw new AppError('bad_request', 'file.unsupported', { fileName });
  try {
    return ext === '.xlsx' ? await readXlsx(content) : readCsv(content);
  } catch (err) {
    throw new AppError('bad_request', 'file.unreadable', { fileName, detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
}
