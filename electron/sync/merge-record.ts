/**
 * County side: the verdict on one uploaded row, and the write when it is accepted (the table in
 * docs/PACKAGE-FORMAT.md, "County side"). A row breaking a rule is rejected with its reasons;
 * a row the county changed since it last merged the township's version is a conflict and is
 * left alone. Clashes with other live rows are reported as deferrable: the same package may
 * free the value later (a change of head, a corrected ID number), so the caller retries them.
 * Rows are judged a page at a time, with what they read from the database looked up once per
 * page (merge-page.ts) and their writes sent in batches, in the same order as one by one.
 */
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { ledgerTables, shapeIssues, type LedgerTable } from './ledger-tables.js';
import type { RowContext } from './ledger-validators.js';
import type { RecordAction, RecordState } from './manifest.js';
import { insertAsSent, updateAsSent, type MergeIo } from './merge-writer.js';
import { PageLookups } from './merge-page.js';
import { letIoRun, ROWS_BETWEEN_IO } from '../db/let-io-run.js';
import type { PackageRow } from './streams.js';

export interface MergeContext {
  io: MergeIo;
  township: string;
  packageId: string;
  /** Written as the reason of every audit row. */
  reason: string;
  row: RowContext;
  /** `table:key` of rows rejected in this package, to tell a child why its parent is missing. */
  rejected: Set<string>;
}

export interface Outcome {
  state: RecordState;
  action: RecordAction;
  issues: FieldIssue[];
  deferrable?: boolean;
  conflict?: { countyVersion: number; incomingVersion: number };
}

const accepted = (action: RecordAction): Outcome => ({ state: 'accepted', action, issues: [] });
const rejected = (issues: FieldIssue[], deferrable = false): Outcome => ({ state: 'rejected', action: 'none', issues, deferrable });

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The key values children use to find this row (its id, and e.g. a village's code). */
export function parentKeys(table: LedgerTable, row: PackageRow): string[] {
  const keys = new Set(['id']);
  for (const t of ledgerTables) for (const p of t.parents) if (p.table === table.name) keys.add(p.key);
  return [...keys].map((k) => `${table.name}:${String(row[k])}`);
}

function parentIssues(m: MergeContext, table: LedgerTable, row: PackageRow, look: PageLookups): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const link of table.parents) {
    const key = String(row[link.column]);
    const parent = look.parent(link, key);
    if (parent && parent.deleted_at === null && parent._origin_township === m.township) continue;
    const field = camel(link.column);
    const params = { table: ledgerTables.find((t) => t.name === link.table)?.label ?? link.table, key };
    if (!parent) {
      issues.push(issue(field, m.rejected.has(`${link.table}:${key}`) ? 'sync.parentRejected' : 'sync.parentMissing', params));
    } else if (parent.deleted_at !== null) {
      issues.push(issue(field, 'sync.parentDeleted', params));
    } else if (parent._origin_township !== m.township) {
      issues.push(issue(field, 'sync.parentOwnedByOther', params));
    }
  }
  return issues;
}

/**
 * What judgeRow finds in a row without the database: its shape and, for a live approved row,
 * its ledger's checks (pure functions of the row). Worked out for a whole page while SQLite
 * finishes the previous page and looks this one up; a check that throws throws where judgeRow
 * would call it.
 */
interface RowChecks {
  shape: FieldIssue[];
  validated: { issues: FieldIssue[] } | { error: unknown } | null;
}

function rowChecks(m: MergeContext, table: LedgerTable, row: PackageRow): RowChecks {
  const shape = shapeIssues(table, row);
  if (shape.length > 0 || row.deleted_at !== null || (table.review && row[table.review.column] !== table.review.approved)) return { shape, validated: null };
  try {
    return { shape, validated: { issues: table.validate(row, m.row) } };
  } catch (error) {
    return { shape, validated: { error } };
  }
}

function validated(m: MergeContext, table: LedgerTable, row: PackageRow, checks: RowChecks): FieldIssue[] {
  const v = checks.validated;
  if (!v) return table.validate(row, m.row);
  if ('error' in v) throw v.error;
  return v.issues;
}

/** The verdict on one row of a page, and its write (queued) when accepted. */
async function judgeRow(m: MergeContext, table: LedgerTable, row: PackageRow, look: PageLookups, checks: RowChecks): Promise<Outcome> {
  const shape = checks.shape;
  if (shape.length > 0) return rejected(shape);
  const id = String(row.id);
  const incoming = row.row_version as number;
  const existing = look.existing(id);
  if (existing) {
    const originVersion = existing._origin_version;
    if (existing._origin_township !== m.township || originVersion === null) return rejected([issue('id', 'sync.ownedByOther', { township: existing._origin_township ?? '-' })]);
    // A replay, or an older package arriving late: the county already has this version or newer.
    if (incoming <= originVersion) return accepted('unchanged');
    const countyVersion = Number(existing.row_version);
    if (countyVersion !== originVersion) {
      return {
        state: 'conflict', action: 'none', issues: [issue('id', 'sync.conflict', { county: countyVersion, incoming })],
        conflict: { countyVersion, incomingVersion: incoming },
      };
    }
  } else if (row.deleted_at !== null) {
    // Deleted before the county ever had it: nothing to do.
    return accepted('none');
  }
  if (row.deleted_at === null) {
    // A reviewed ledger sends only approved records (and tombstones): anything else is refused.
    if (table.review && row[table.review.column] !== table.review.approved) {
      return rejected([issue(camel(table.review.column), 'sync.notApproved', { state: String(row[table.review.column]) })]);
    }
    const issues = [...validated(m, table, row, checks), ...parentIssues(m, table, row, look)];
    if (issues.length > 0) return rejected(issues);
    const clashes = await look.clashes(row);
    if (clashes.length > 0) return rejected(clashes, true);
  }
  const action = existing ? await updateAsSent(m.io, table, existing, row, m.reason) : (await insertAsSent(m.io, table, row, m.reason), 'inserted' as const);
  look.wrote(row);
  await m.io.origins.add([table.name, id, m.township, incoming, m.packageId]);
  return accepted(action);
}

/** Rows a page holds at most: one look-up per page and table, a page in memory. */
export const PAGE_ROWS = 5000;
/** Rows judged between two sends of their writes within a page. */
const SEND_EVERY = 250;
/** Rows checked (shape, validators: about 5 µs each) between two turns of the event loop. */
const CHECKS_BETWEEN_IO = 250;

/** The rows in pages of at most PAGE_ROWS, a page never holding one id twice (the second sees the first written). */
export async function* pagesOf(rows: AsyncIterable<PackageRow> | Iterable<PackageRow>): AsyncIterable<PackageRow[]> {
  let page: PackageRow[] = [];
  let ids = new Set<string>();
  for await (const row of rows) {
    const id = String(row.id);
    if (page.length >= PAGE_ROWS || ids.has(id)) {
      yield page;
      page = [];
      ids = new Set();
    }
    page.push(row);
    ids.add(id);
  }
  if (page.length > 0) yield page;
}

/**
 * The same items, the next one asked for as soon as one is handed out: the next page is read
 * from the file (inflated, parsed, tallied) while the database works on this one. An error
 * reading ahead surfaces where it would have without the read-ahead, when that item is due.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = it.next();
      // Reported when awaited; never left unhandled meanwhile.
      next.catch(() => undefined);
      yield item.value;
    }
  } finally {
    // Stopped early (a failed page): the source closes once its current read settles.
    await next.then(() => it.return?.(), () => undefined);
  }
}

/**
 * Judges a page of rows in order, as one at a time would: `settle` gets each verdict before the
 * next row is judged. The page's writes are under way when this returns: m.io.rows.flush()
 * (the next page, the end of the table) waits for them.
 */
export async function mergePage(m: MergeContext, table: LedgerTable, rows: readonly PackageRow[], settle: (row: PackageRow, outcome: Outcome) => Promise<void>): Promise<void> {
  // The previous page's rows and origins land before this page reads (a page may repeat an id).
  const lookups = (async () => {
    await m.io.rows.flush();
    await m.io.origins.flush();
    return PageLookups.load(m, table, rows);
  })();
  // Reported where it is awaited, below; never left unhandled meanwhile.
  lookups.catch(() => undefined);
  // What needs no database is worked out while SQLite finishes the previous page and looks this
  // one up; the yields let its callbacks start the look-ups as soon as the writes are in.
  const checks: RowChecks[] = [];
  for (let i = 0; i < rows.length; i++) {
    checks.push(rowChecks(m, table, rows[i]!));
    if (i % CHECKS_BETWEEN_IO === CHECKS_BETWEEN_IO - 1) await letIoRun();
  }
  const look = await lookups;
  for (let i = 0; i < rows.length; i++) {
    await settle(rows[i]!, await judgeRow(m, table, rows[i]!, look, checks[i]!));
    // The writes so far go to the database while the rest of the page is judged.
    if (i % SEND_EVERY === SEND_EVERY - 1) m.io.rows.send();
    if (i % ROWS_BETWEEN_IO === ROWS_BETWEEN_IO - 1) await letIoRun();
  }
  // Written while the next page is read from the file; flush() waits for them.
  m.io.rows.send();
}

/** The verdict on a single row (a page of one). */
export async function mergeRow(m: MergeContext, table: LedgerTable, row: PackageRow): Promise<Outcome> {
  let outcome: Outcome | undefined;
  await mergePage(m, table, [row], async (_row, o) => {
    outcome = o;
  });
  await m.io.rows.flush();
  return outcome!;
}
