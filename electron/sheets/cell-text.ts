/** An exceljs cell value as the text the clerk sees. */
import type ExcelJS from 'exceljs';

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Integers beyond 15 digits (IDs typed as numbers) are written out in full, never as 3.7E+17. */
function numberText(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((p) => p.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}
