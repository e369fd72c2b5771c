/**
 * The rows one table contributes to a package, read a page at a time in change order (keyset
 * pagination on the change_seq index), so a package of any size is never held in memory.
 * Which rows: changed in (after, upTo] — by their own change_seq, or their parent's when they
 * travel with it — and eligible: approved, or a tombstone.
 */
import type { Connection, SqlValue } from '../db/driver.js';
import { ledgerTable, type LedgerTable } from './ledger-tables.js';
import type { PackageRow } from './streams.js';

const PAGE = 2000;

export interface ChangeRange {
  /** Exclusive; -1 for everything. */
  after: number;
  /** Inclusive: the change counter when the package was begun. */
  upTo: number;
}

/** `alias` is eligible to go up: no review on this ledger, approved, or deleted. */
function eligible(table: LedgerTable, alias: string): string {
  if (!table.review) return '1';
  return `(${alias}.deleted_at IS NOT NULL OR ${alias}.${table.review.column} = '${table.review.approved}')`;
}

interface Query {
  from: string;
  where: string;
  params: SqlValue[];
  /** The change_seq that orders and pages the rows. */
  orderKey: string;
}

function selection(table: LedgerTable, range: ChangeRange): Query {
  const link = table.travelsWith;
  if (!link) {
    return {
      from: `${table.name} c`,
      where: `c.change_seq > ? AND c.change_seq <= ? AND ${eligible(table, 'c')}`,
      params: [range.after, range.upTo],
      orderKey: 'c.change_seq',
    };
  }
  const parent = ledgerTable(link.table);
  if (!parent) throw new Error(`${table.name} travels with an undeclared table ${link.table}`);
  return {
    from: `${table.name} c JOIN ${parent.name} p ON p.${link.key} = c.${link.column}`,
    where: `p.change_seq > ? AND p.change_seq <= ? AND c.change_seq <= ? AND ${eligible(parent, 'p')} AND ${eligible(table, 'c')}`,
    params: [range.after, range.upTo, range.upTo],
    orderKey: 'p.change_seq',
  };
}

export async function* tableRows(conn: Connection, table: LedgerTable, range: ChangeRange): AsyncIterable<PackageRow> {
  const q = selection(table, range);
  const columns = table.columns.map((c) => `c.${c}`).join(', ');
  let last: [number, string] = [-2, ''];
  for (;;) {
    const page = await conn.all<PackageRow & { _k: number }>(
      `SELECT ${columns}, ${q.orderKey} AS _k FROM ${q.from}
       WHERE ${q.where} AND (${q.orderKey}, c.id) > (?, ?) ORDER BY ${q.orderKey}, c.id LIMIT ${PAGE}`,
      [...q.params, ...last],
    );
    for (const row of page) {
      const { _k, ...values } = row;
      yield values;
      last = [_k, String(values.id)];
    }
    if (page.length < PAGE) return;
  }
}

export async function countRows(conn: Connection, table: LedgerTable, range: ChangeRange): Promise<number> {
  const q = selection(table, range);
  const row = await conn.get<{ n: number }>(`SELECT count(*) AS n FROM ${q.from} WHERE ${q.where}`, q.params);
  return row?.n ?? 0;
}
