/** An exceljs cell value as the text the clerk sees. */
import type ExcelJS from 'exceljs';

/** exceljs builds dates at UTC midnight of the day Excel shows, so the UTC date is the right one. */
function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * Integers are written out in full, never as 3.71502199001011e+17: an ID typed as a number has
 * already lost its last digits, and the full (wrong) digits let the importer's check digit catch it.
 * Other numbers are rounded to 15 significant digits, as Excel shows them (0.1+0.2 → 0.3).
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return BigInt(n).toString();
  // en-US, not the machine's locale: some locales write a decimal comma. Never exponent form.
  return Number(n.toPrecision(15)).toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
}

export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((p) => p.text).join('').trim();
    // Hyperlinks: the text may itself be rich text.
    if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
    // Formulas (plain, shared, array): the cached result; none cached → nothing to show.
    if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
      return cellText((value as { result?: ExcelJS.CellValue }).result);
    }
    // #N/A, #DIV/0! and the like carry no data.
    if ('error' in value) return '';
  }
  return String(value).trim();
}
