/** Writes sheets that Chinese Excel opens correctly. */
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface XlsxOptions {
  /** Columns (0-based) stored as text so Excel keeps every digit of IDs and card numbers. */
  textColumns?: number[];
  columnWidths?: number[];
}

export async function writeXlsx(sheetName: string, headers: string[], rows: Cell[][], options: XlsxOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({
    header,
    width: options.columnWidths?.[i] ?? Math.max(10, header.length * 2 + 2),
    ...(options.textColumns?.includes(i) ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const textColumns = new Set(options.textColumns ?? []);
  for (const row of rows) {
    sheet.addRow(row.map((cell, i) => (cell !== null && textColumns.has(i) ? String(cell) : cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 with BOM and CRLF, RFC 4180 quoting. Excel may still show long digit strings in
 * scientific notation: the .xlsx export is the one to open in Excel.
 */
export function writeCsv(headers: string[], rows: Cell[][]): Buffer {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
