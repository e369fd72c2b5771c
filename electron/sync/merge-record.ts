/**
 * County side: the verdict on one uploaded row, and the write when it is accepted (the table in
 * docs/PACKAGE-FORMAT.md, "County side"). A row breaking a rule is rejected with its reasons;
 * a row the county changed since it last merged the township's version is a conflict and is
 * left alone. Clashes with other live rows are reported as deferrable: the same package may
 * free the value later (a change of head, a corrected ID number), so the caller retries them.
 */
import type { SqlValue } from '../db/driver.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { ledgerTables, shapeIssues, type LedgerTable } from './ledger-tables.js';
import type { RowContext } from './ledger-validators.js';
import type { RecordAction, RecordState } from './manifest.js';
import { insertAsSent, updateAsSent, type MergeIo } from './merge-writer.js';
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

/** A row with the township it came from and the township version last merged (one query). */
type WithOrigin = Record<string, SqlValue> & { _origin_township: string | null; _origin_version: number | null };

function withOrigin(table: string, columns: string, key: string): string {
  return `SELECT ${columns}, o.township_code AS _origin_township, o.row_version AS _origin_version FROM ${table} t
    LEFT JOIN record_origin o ON o.table_name = '${table}' AND o.record_id = t.id WHERE t.${key} = ?`;
}

async function parentIssues(m: MergeContext, table: LedgerTable, row: PackageRow): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const link of table.parents) {
    const key = String(row[link.column]);
    const field = camel(link.column);
    const params = { table: ledgerTables.find((t) => t.name === link.table)?.label ?? link.table, key };
    const parent = await m.io.q.get<WithOrigin>(withOrigin(link.table, 't.id, t.deleted_at', link.key), [key]);
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

export async function mergeRow(m: MergeContext, table: LedgerTable, row: PackageRow): Promise<Outcome> {
  const shape = shapeIssues(table, row);
  if (shape.length > 0) return rejected(shape);
  const id = String(row.id);
  const incoming = row.row_version as number;
  const existing = await m.io.q.get<WithOrigin>(withOrigin(table.name, 't.*', 'id'), [id]);
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
    const issues = [...table.validate(row, m.row), ...(await parentIssues(m, table, row))];
    if (issues.length > 0) return rejected(issues);
    const clashes = await table.collisions(m.io.q, row, m.row);
    if (clashes.length > 0) return rejected(clashes, true);
  }
  const action = existing ? await updateAsSent(m.io, table, existing, row, m.reason) : (await insertAsSent(m.io, table, row, m.reason), 'inserted' as const);
  await m.io.origins.add([table.name, id, m.township, incoming, m.packageId]);
  return accepted(action);
}
