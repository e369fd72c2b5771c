/** Finds the columns a sheet has, under any of their accepted spellings. */

function normalise(header: string): string {
  return header
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export interface HeaderMapping {
  /** Field key → 0-based column index. */
  columns: Map<string, number>;
  /** Headers no field claims. */
  ignored: string[];
  /** Required keys the sheet lacks. */
  missing: string[];
}

export function mapHeaders(headers: string[], aliases: Record<string, readonly string[]>, required: readonly string[] = []): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const [key, names] of Object.entries(aliases)) for (const name of names) lookup.set(normalise(name), key);
  const columns = new Map<string, number>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const key = lookup.get(normalise(header));
    // The first column wins when a sheet repeats a header.
    if (key && !columns.has(key)) columns.set(key, index);
    else if (header !== '') ignored.push(header);
  });
  return { columns, ignored, missing: required.filter((key) => !columns.has(key)) };
}
