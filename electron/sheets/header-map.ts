/** Finds the columns a sheet has, under any of their accepted spellings. */

/**
 * NFKC folds full-width forms into half-width ones — （） into (), ＩＤ into ID — since clerks type
 * both; whitespace (line breaks inside a header cell, U+3000) and Latin case do not matter.
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export interface HeaderMapping {
  /** Field key → 0-based column index. */
  columns: Map<string, number>;
  /** Non-empty headers no field claims (including a repeat of a claimed one). */
  ignored: string[];
  /** Required keys the sheet lacks. */
  missing: string[];
}

export function mapHeaders(
  headers: string[],
  aliases: Record<string, readonly string[]>,
  required: readonly string[] = [],
): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const [key, names] of Object.entries(aliases)) {
    // When two keys list the same spelling, the first key keeps it.
    for (const name of names) if (!lookup.has(normaliseHeader(name))) lookup.set(normaliseHeader(name), key);
  }
  const columns = new Map<string, number>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const key = lookup.get(normaliseHeader(header));
    // The first column wins when a sheet repeats a header.
    if (key !== undefined && !columns.has(key)) columns.set(key, index);
    else if (header.trim() !== '') ignored.push(header);
  });
  return { columns, ignored, missing: required.filter((key) => !columns.has(key)) };
}
