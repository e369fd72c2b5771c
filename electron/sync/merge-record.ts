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

async function parentIssues(m: MergeContext, table: LedgerTable, row: PackageRow, look: PageLookups): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const link of table.parents) {
    const key = String(row[link.column]);
    const field = camel(link.column);
    const params = { table: ledgerTables.find((t) => t.name === link.table)?.label ?? link.table, key };
    const parent = await look.parent(link, key);
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

/** The verdict on one row of a page, and its write (queued) when accepted. */
async function judgeRow(m: MergeContext, table: LedgerTable, row: PackageRow, look: PageLookups): Promise<Outcome> {
  const shape = shapeIssues(table, row);
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
    const issues = [...table.validate(row, m.row), ...(await parentIssues(m, table, row, look))];
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
export const PAGE_ROWS = 1000;

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
 * Judges a page of rows in order, as one at a time would: `settle` gets each verdict before the
 * next row is judged. The page's writes are under way when this returns: m.io.rows.flush()
 * (the next page, the end of the table) waits for them.
 */
export async function mergePage(m: MergeContext, table: LedgerTable, rows: readonly PackageRow[], settle: (row: PackageRow, outcome: Outcome) => Promise<void>): Promise<void> {
  // The previous page's rows and origins land before this page reads (a page may repeat an id).
  await m.io.rows.flush();
  await m.io.origins.flush();
  const look = await PageLookups.load(m, table, rows);
  for (const row of rows) await settle(row, await judgeRow(m, table, row, look));
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
