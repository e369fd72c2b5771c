/**
 * County side: what the verdicts on one page of uploaded rows read from the database, asked
 * once per page instead of once per row — the county's copies of the rows, their parents, and
 * for the unique rules (merge-keys.ts) the rows holding the page's keys. A page never holds the
 * same id twice, and its parents are in tables merged before it, so these answers stay true
 * while the page is judged; only the unique rules can change under it (a row of the page takes
 * or frees a value), so a row that might clash is checked exactly, as it always was.
 */
import type { SqlValue } from '../db/driver.js';
import type { FieldIssue } from '../../shared/domain/issue.js';
import type { LedgerTable, ParentLink } from './ledger-tables.js';
import { collisionKeys, keyText, type KeySpec, type UniqueKey } from './merge-keys.js';
import type { MergeContext } from './merge-record.js';
import type { PackageRow } from './streams.js';

/** A row with the township it came from and the township version last merged. */
export type WithOrigin = Record<string, SqlValue> & { _origin_township: string | null; _origin_version: number | null };

const originJoin = (table: string) => `LEFT JOIN record_origin o ON o.table_name = '${table}' AND o.record_id = t.id`;

/** Ids (or other key values) seen on a key, for the unique rules. */
type Holders = Map<string, Set<string>>;

function addHolder(holders: Holders, key: string, id: string): void {
  let ids = holders.get(key);
  if (!ids) holders.set(key, (ids = new Set()));
  ids.add(id);
}

const heldByOther = (ids: Set<string> | undefined, id: string) => ids !== undefined && (ids.size > 1 || !ids.has(id));

interface KeysHeld {
  holders: Holders[];
  references: Set<string>[];
}

export class PageLookups {
  /** Keys taken by rows written earlier in this page, per unique rule. */
  private readonly written: Holders[];

  private constructor(
    private readonly m: MergeContext,
    private readonly table: LedgerTable,
    private readonly held: Map<string, WithOrigin>,
    private readonly parents: Map<ParentLink, Map<string, WithOrigin>>,
    /** The table's unique rules and who held the page's keys when it was read; none for a table without rules. */
    private readonly keyed: { spec: KeySpec; keys: KeysHeld } | null,
  ) {
    this.written = (keyed?.spec.unique ?? []).map(() => new Map());
  }

  /**
   * The county's copies of the page's rows with their origins, their parents, and who holds
   * their keys: every query sent at once, so SQLite runs them back to back. Read before any row
   * of the page is written: the page's writes may then start while the rest of it is judged
   * (mergePage), and these answers are the ones one at a time saw.
   */
  static async load(m: MergeContext, table: LedgerTable, rows: readonly PackageRow[]): Promise<PageLookups> {
    const ids = [...new Set(rows.map((r) => r.id).filter((id): id is string => typeof id === 'string'))];
    const spec = collisionKeys[table.name];
    const [found, parents, keys] = await Promise.all([
      ids.length === 0 ? [] : m.io.q.tx.all<WithOrigin>(
        `SELECT t.*, o.township_code AS _origin_township, o.row_version AS _origin_version
         FROM json_each(?) j CROSS JOIN ${table.name} t ON t.id = j.value ${originJoin(table.name)}`,
        [JSON.stringify(ids)],
      ),
      Promise.all(table.parents.map((link) => parentsOf(m, link, rows))),
      spec ? keysHeld(m, table, spec, rows) : null,
    ]);
    return new PageLookups(
      m, table, new Map(found.map((r) => [String(r.id), r])),
      new Map(table.parents.map((link, i) => [link, parents[i]!])),
      spec && keys ? { spec, keys } : null,
    );
  }

  existing(id: string): WithOrigin | undefined {
    return this.held.get(id);
  }

  /** The parent row `key` names through one of the table's links, with its origin. */
  parent(link: ParentLink, key: string): WithOrigin | undefined {
    return this.parents.get(link)?.get(key);
  }

  /**
   * The row's clashes with other live rows. When no rule can apply — no other row held its key
   * when the page was looked up, none written since took it, its references were live — that
   * is none; otherwise the ledger's own check runs on the database with the page written so far.
   */
  async clashes(row: PackageRow): Promise<FieldIssue[]> {
    if (this.keyed && !this.mayClash(this.keyed.spec, this.keyed.keys, row)) return [];
    await this.m.io.rows.flush();
    return this.table.collisions(this.m.io.q, row, this.m.row);
  }

  /** After the row's write is queued: the keys it now holds. */
  wrote(row: PackageRow): void {
    const id = String(row.id);
    (this.keyed?.spec.unique ?? []).forEach((rule, i) => {
      if (!rule.holds(row)) return;
      const key = keyText(row, rule.columns);
      if (key !== null) addHolder(this.written[i]!, key, id);
    });
  }

  private mayClash(spec: KeySpec, { holders, references }: KeysHeld, row: PackageRow): boolean {
    const id = String(row.id);
    for (const [i, rule] of spec.unique.entries()) {
      if (rule.applies && !rule.applies(row)) continue;
      const key = keyText(row, rule.columns);
      if (key === null || heldByOther(holders[i]!.get(key), id) || heldByOther(this.written[i]!.get(key), id)) return true;
    }
    for (const [i, ref] of spec.references.entries()) {
      const value = row[ref.column];
      if (value !== null && value !== undefined && !references[i]!.has(String(value))) return true;
    }
    return false;
  }
}

/** Who holds the page's keys: one query per unique rule and per reference, sent together. */
async function keysHeld(m: MergeContext, table: LedgerTable, spec: KeySpec, rows: readonly PackageRow[]): Promise<KeysHeld> {
  const [holders, references] = await Promise.all([
    Promise.all(spec.unique.map((rule) => holdersOf(m, table, rule, rows))),
    Promise.all(spec.references.map(async (ref) => {
      const values = [...new Set(rows.map((r) => r[ref.column]).filter((v) => v !== null && v !== undefined).map(String))];
      const found = values.length === 0 ? [] : await m.io.q.tx.all<{ _key: SqlValue }>(
        `SELECT c.${ref.key} AS _key FROM json_each(?) j CROSS JOIN ${ref.table} c ON c.${ref.key} = j.value WHERE ${ref.where}`,
        [JSON.stringify(values)],
      );
      return new Set(found.map((r) => String(r._key)));
    })),
  ]);
  return { holders, references };
}

async function holdersOf(m: MergeContext, table: LedgerTable, rule: UniqueKey, rows: readonly PackageRow[]): Promise<Holders> {
  const keys = new Map<string, unknown[]>();
  for (const row of rows) {
    if (rule.applies && !rule.applies(row)) continue;
    const key = keyText(row, rule.columns);
    if (key !== null) keys.set(key, rule.columns.map((c) => row[c]));
  }
  const holders: Holders = new Map();
  if (keys.size === 0) return holders;
  const on = rule.columns.map((c, i) => `c.${c} = j.value ->> ${i}`).join(' AND ');
  const found = await m.io.q.tx.all<PackageRow>(
    `SELECT c.id AS _id, ${rule.columns.map((c) => `c.${c}`).join(', ')} FROM json_each(?) j CROSS JOIN ${table.name} c ON ${on} WHERE ${rule.where}`,
    [JSON.stringify([...keys.values()])],
  );
  for (const r of found) {
    const key = keyText(r, rule.columns);
    if (key !== null) addHolder(holders, key, String(r._id));
  }
  return holders;
}

/** The parent rows the page's rows name through `link`, with their origins, by key. */
async function parentsOf(m: MergeContext, link: ParentLink, rows: readonly PackageRow[]): Promise<Map<string, WithOrigin>> {
  const keys = [...new Set(rows.map((r) => String(r[link.column])))];
  const found = await m.io.q.tx.all<WithOrigin & { _key: SqlValue }>(
    `SELECT t.${link.key} AS _key, t.id, t.deleted_at, o.township_code AS _origin_township, o.row_version AS _origin_version
     FROM json_each(?) j CROSS JOIN ${link.table} t ON t.${link.key} = j.value ${originJoin(link.table)}`,
    [JSON.stringify(keys)],
  );
  return new Map(found.map((r) => [String(r._key), r]));
}
