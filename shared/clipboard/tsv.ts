/**
 * Rows copied from Excel or WPS arrive on the clipboard as tab-separated text: one line per
 * row, a cell that holds a tab, a line break or a quote is wrapped in double quotes (quotes
 * inside doubled). Pure, so the grid's paste handler and its tests share it.
 */

/** Splits clipboard text into rows of cells; blank lines (Excel adds a trailing one) are dropped. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  const s = text.replace(/\r\n?/g, '\n');

  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    if (row.some((c) => c.trim() !== '')) rows.push(row);
    row = [];
  };

  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      endCell();
    } else if (ch === '\n') {
      endRow();
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * A date as clerks and spreadsheets write it ("2020-3-5", "2020/03/05", "2020.3.5",
 * "20200305", "2020年3月5日") → "2020-03-05"; anything else comes back trimmed, unchanged, for
 * the validation to refuse with a reason.
 */
export function normaliseDate(raw: string): string {
  const text = raw.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = compact ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return text;
  const [, y, m, d] = parts;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}
