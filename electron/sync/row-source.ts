/**
 * The rows one table contributes to a package, read a page at a time in change order, so a
 * package of any size is never held in memory. Which rows: changed in (after, upTo] — by their
 * own change_seq, or their parent's when they travel with it — and eligible: approved, or a
 * tombstone. Every page is an index range scan (change_seq, id), never a scan from the start:
 * the cost of a package grows with its size, not with its size squared.
 */
import type { Connection, SqlValue } from '../db/driver.js';
import { ledgerTable, type LedgerTable } from './ledger-tables.js';
import type { PackageRow } from './streams.js';

const PAGE = 2000;
/** Parents per page when children travel with them (one IN list per page). */
const PARENT_PAGE = 500;

export interface ChangeRange {
  /** Exclusive; -1 for everything. */
  after: number;
  /** Inclusive: the change counter when the package was begun. */
  upTo: number;
}

/** The row may go up: no review on this ledger, approved, or deleted. */
function eligible(table: LedgerTable, alias = ''): string {
  if (!table.review) return '1';
  return `(${alias}deleted_at IS NOT NULL OR ${alias}${table.review.column} = '${table.review.approved}')`;
}

/** Rows of `table` changed in the range, in (change_seq, id) order: keyset pages on the index. */
async function* changedRows(conn: Connection, table: LedgerTable, range: ChangeRange, columns: string, page: number): AsyncIterable<PackageRow> {
  // One lower bound on the index (change_seq is an integer: `> after` is `>= after + 1`), so
  // each page starts where the last ended; the id breaks ties between equal change_seq.
  let key: [number, string] = [range.after + 1, ''];
  for (;;) {
    const rows = await conn.all<PackageRow>(
      `SELECT ${columns} FROM ${table.name}
       WHERE change_seq >= ? AND change_seq <= ? AND (change_seq > ? OR id > ?) AND ${eligible(table)}
       ORDER BY change_seq, id LIMIT ${page}`,
      [key[0], range.upTo, key[0], key[1]],
    );
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (rows.length < page || !last) return;
    key = [Number(last.change_seq), String(last.id)];
  }
}

const withKey = (table: LedgerTable) => [...table.columns, 'change_seq'].join(', ');

function strip(row: PackageRow): PackageRow {
  const { change_seq: _ignored, ...values } = row;
  return values;
}

export async function* tableRows(conn: Connection, table: LedgerTable, range: ChangeRange): AsyncIterable<PackageRow> {
  const link = table.travelsWith;
  if (!link) {
    for await (const row of changedRows(conn, table, range, withKey(table), PAGE)) yield strip(row);
    return;
  }
  const parent = ledgerTable(link.table);
  if (!parent) throw new Error(`${table.name} travels with an undeclared table ${link.table}`);
  // A page of parents that go up, then all their children (written up to the same point).
  let batch: string[] = [];
  const flush = async function* (): AsyncIterable<PackageRow> {
    const order = new Map(batch.map((key, i) => [key, i]));
    const children = await conn.all<PackageRow>(
      `SELECT ${table.columns.join(', ')} FROM ${table.name}
       WHERE ${link.column} IN (${batch.map(() => '?').join(', ')}) AND change_seq <= ? AND ${eligible(table)}`,
      [...batch, range.upTo] as SqlValue[],
    );
    children.sort((a, b) => order.get(String(a[link.column]))! - order.get(String(b[link.column]))! || String(a.id).localeCompare(String(b.id)));
    yield* children;
    batch = [];
  };
  for await (const p of changedRows(conn, parent, range, `id, change_seq, ${link.key}`, PARENT_PAGE)) {
    batch.push(String(p[link.key]));
    if (batch.length === PARENT_PAGE) yield* flush();
  }
  if (batch.length > 0) yield* flush();
}

export async function countRows(conn: Connection, table: LedgerTable, range: ChangeRange): Promise<number> {
  const link = table.travelsWith;
  const parent = link ? ledgerTable(link.table) : undefined;
  if (!link || !parent) {
    const row = await conn.get<{ n: number }>(`SELECT count(*) AS n FROM ${table.name} WHERE change_seq > ? AND change_seq <= ? AND ${eligible(table)}`, [range.after, range.upTo]);
    return row?.n ?? 0;
  }
  const row = await conn.get<{ n: number }>(
    `SELECT count(*) AS n FROM ${table.name} c WHERE c.change_seq <= ? AND ${eligible(table, 'c.')}
       AND c.${link.column} IN (SELECT ${link.key} FROM ${parent.name} WHERE change_seq > ? AND change_seq <= ? AND ${eligible(parent)})`,
    [range.upTo, range.after, range.upTo],
  );
  return row?.n ?? 0;
}
