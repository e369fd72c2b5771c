import { checkRow, type ClaimRow, type RowCheck } from './claim-model.js';

/** A ledger row as the grid sees it: the row, its check, its line number. */
export interface GridRow {
  key: string;
  row: ClaimRow;
  check: RowCheck;
  /** 1-based line in the grid. */
  line: number;
}

const cache = new WeakMap<ClaimRow, RowCheck>();

/** Checks are worked out once per row version: unchanged rows keep their objects, so the grid redraws only what changed. */
export function toGridRows(rows: readonly ClaimRow[], previous: readonly GridRow[]): GridRow[] {
  const before = new Map(previous.map((g) => [g.key, g]));
  return rows.map((row, i) => {
    const old = before.get(row.key);
    if (old && old.row === row && old.line === i + 1) return old;
    let check = cache.get(row);
    if (!check) {
      check = checkRow(row);
      cache.set(row, check);
    }
    return { key: row.key, row, check, line: i + 1 };
  });
}
