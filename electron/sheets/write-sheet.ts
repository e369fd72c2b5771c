/** Writes sheets that Chinese Excel opens correctly. */
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface XlsxOptions {
  /** Columns (0-based) stored as text so Excel keeps every digit of IDs and card numbers. */
  textColumns?: number[];
  /** Widths in Excel's character units; columns left out are sized to their content. */
  columnWidths?: number[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** Enough rows to size a column without measuring a 100 000-row export. */
const SAMPLE_ROWS = 500;

/** Display width in Excel character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

function autoWidth(header: string, rows: Cell[][], column: number): number {
  let width = displayWidth(header);
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    const cell = row[column];
    if (cell !== null && cell !== undefined) width = Math.max(width, displayWidth(String(cell)));
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
}

/** Excel refuses sheet names with []:*?/\, longer than 31 characters, or quoted at either end. */
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31).replace(/^'+|'+$/g, '');
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet1' : cleaned;
}

export async function writeXlsx(sheetName: string, headers: string[], rows: Cell[][], options: XlsxOptions = {}): Promise<Buffer> {
  const textColumns = new Set(options.textColumns ?? []);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  // The column style '@' also covers cells the clerk types later, below the exported rows.
  sheet.columns = headers.map((header, i) => ({
    header,
    width: options.columnWidths?.[i] ?? autoWidth(header, rows, i),
    ...(textColumns.has(i) ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((cell, i) => (cell !== null && textColumns.has(i) ? String(cell) : cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180: quote fields holding a delimiter, quote or line break; double inner quotes. */
function csvField(value: Cell): string {
  if (value === null) return '';
  // A text cell starting with = + - @ would run as a formula in Excel (CSV injection); the
  // apostrophe makes it text, and readSheet takes it off again.
  const text = typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 with BOM (without it Chinese Excel reads the file as GB18030 and shows mojibake) and CRLF.
 * Long digit strings (ID numbers) are written as-is; Excel may still display them as 3.7E+17
 * when it opens a CSV, so the .xlsx export is the one to open in Excel.
 */
export function writeCsv(headers: string[], rows: Cell[][]): Buffer {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
