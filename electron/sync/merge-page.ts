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

export class PageLookups {
  private readonly parents = new Map<ParentLink, Map<string, WithOrigin>>();
  private holders: Holders[] | null = null;
  private references: Set<string>[] | null = null;
  /** Keys taken by rows written earlier in this page, per unique rule. */
  private readonly written: Holders[];
  private readonly spec: KeySpec | undefined;

  private constructor(
    private readonly m: MergeContext,
    private readonly table: LedgerTable,
    private readonly rows: readonly PackageRow[],
    private readonly held: Map<string, WithOrigin>,
  ) {
    this.spec = collisionKeys[table.name];
    this.written = (this.spec?.unique ?? []).map(() => new Map());
  }

  /** The county's copies of the page's rows, with their origins: one query. */
  static async load(m: MergeContext, table: LedgerTable, rows: readonly PackageRow[]): Promise<PageLookups> {
    const ids = [...new Set(rows.map((r) => r.id).filter((id): id is string => typeof id === 'string'))];
    const found = ids.length === 0 ? [] : await m.io.q.tx.all<WithOrigin>(
      `SELECT t.*, o.township_code AS _origin_township, o.row_version AS _origin_version
       FROM json_each(?) j CROSS JOIN ${table.name} t ON t.id = j.value ${originJoin(table.name)}`,
      [JSON.stringify(ids)],
    );
    const look = new PageLookups(m, table, rows, new Map(found.map((r) => [String(r.id), r])));
    // Read now, before any row of the page is written: the page's writes may then start while
    // the rest of it is judged (mergePage), and these answers are the ones one at a time saw.
    if (look.spec) await look.keysHeld(look.spec);
    return look;
  }

  existing(id: string): WithOrigin | undefined {
    return this.held.get(id);
  }

  /** The parent row `key` names through `link`, with its origin; the page's parents load on first use. */
  async parent(link: ParentLink, key: string): Promise<WithOrigin | undefined> {
    let found = this.parents.get(link);
    if (!found) {
      const keys = [...new Set(this.rows.map((r) => String(r[link.column])))];
      const rows = await this.m.io.q.tx.all<WithOrigin & { _key: SqlValue }>(
        `SELECT t.${link.key} AS _key, t.id, t.deleted_at, o.township_code AS _origin_township, o.row_version AS _origin_version
         FROM json_each(?) j CROSS JOIN ${link.table} t ON t.${link.key} = j.value ${originJoin(link.table)}`,
        [JSON.stringify(keys)],
      );
      found = new Map(rows.map((r) => [String(r._key), r]));
      this.parents.set(link, found);
    }
    return found.get(key);
  }

  /**
   * The row's clashes with other live rows. When no rule can apply — no other row held its key
   * when the page was looked up, none written since took it, its references were live — that
   * is none; otherwise the ledger's own check runs on the database with the page written so far.
   */
  async clashes(row: PackageRow): Promise<FieldIssue[]> {
    if (this.spec && !(await this.mayClash(this.spec, row))) return [];
    await this.m.io.rows.flush();
    return this.table.collisions(this.m.io.q, row, this.m.row);
  }

  /** After the row's write is queued: the keys it now holds. */
  wrote(row: PackageRow): void {
    const id = String(row.id);
    (this.spec?.unique ?? []).forEach((rule, i) => {
      if (!rule.holds(row)) return;
      const key = keyText(row, rule.columns);
      if (key !== null) addHolder(this.written[i]!, key, id);
    });
  }

  private async mayClash(spec: KeySpec, row: PackageRow): Promise<boolean> {
    const { holders, references } = await this.keysHeld(spec);
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

  /** Who holds the page's keys, one query per rule, on first need. */
  private async keysHeld(spec: KeySpec): Promise<{ holders: Holders[]; references: Set<string>[] }> {
    if (!this.holders || !this.references) {
      this.holders = [];
      for (const rule of spec.unique) this.holders.push(await this.holdersOf(rule));
      this.references = [];
      for (const ref of spec.references) {
        const values = [...new Set(this.rows.map((r) => r[ref.column]).filter((v) => v !== null && v !== undefined).map(String))];
        const rows = values.length === 0 ? [] : await this.m.io.q.tx.all<{ _key: SqlValue }>(
          `SELECT c.${ref.key} AS _key FROM json_each(?) j CROSS JOIN ${ref.table} c ON c.${ref.key} = j.value WHERE ${ref.where}`,
          [JSON.stringify(values)],
        );
        this.references.push(new Set(rows.map((r) => String(r._key))));
      }
    }
    return { holders: this.holders, references: this.references };
  }

  private async holdersOf(rule: UniqueKey): Promise<Holders> {
    const keys = new Map<string, unknown[]>();
    for (const row of this.rows) {
      if (rule.applies && !rule.applies(row)) continue;
      const key = keyText(row, rule.columns);
      if (key !== null) keys.set(key, rule.columns.map((c) => row[c]));
    }
    const holders: Holders = new Map();
    if (keys.size === 0) return holders;
    const on = rule.columns.map((c, i) => `c.${c} = j.value ->> ${i}`).join(' AND ');
    const rows = await this.m.io.q.tx.all<PackageRow>(
      `SELECT c.id AS _id, ${rule.columns.map((c) => `c.${c}`).join(', ')} FROM json_each(?) j CROSS JOIN ${this.table.name} c ON ${on} WHERE ${rule.where}`,
      [JSON.stringify([...keys.values()])],
    );
    for (const r of rows) {
      const key = keyText(r, rule.columns);
      if (key !== null) addHolder(holders, key, String(r._id));
    }
    return holders;
  }
}
