/**
 * The ledgers that travel in upload packages, declared once. Export, verification, merge and
 * receipts read everything from here; a new ledger joins by adding one declaration (and a
 * `change_seq` column in its migration). Order matters: parents before children, the order the
 * county merges in. Not here on purpose: `setting`, `audit_log`, accounts, and the
 * `medical_policy_*` rules (each county sets its own).
 */
import type { Query } from './statement-cache.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import type { PackageRow } from './streams.js';
import {
  householdCollisions, personCollisions, validateHousehold, validatePerson, validateVillage, villageCollisions, type RowContext,
} from './ledger-validators.js';

/** `flag` is 0 or 1; a trailing `?` allows null. */
export type ColumnType = 'text' | 'text?' | 'int' | 'int?' | 'flag';

/** A foreign key: `column` of this table holds `key` of `table`. */
export interface ParentLink {
  column: string;
  table: string;
  key: string;
}

export interface LedgerTable {
  name: string;
  /** How a reason names the ledger (所属的户…). */
  label: string;
  /** What travels, in file order: the declared columns then the stamps. */
  columns: readonly string[];
  types: Readonly<Record<string, ColumnType>>;
  /** Columns ending in `_fen`: summed in the manifest and checked by the county. */
  moneyColumns: readonly string[];
  parents: readonly ParentLink[];
  /** Rows go up only in this review state (tombstones always), once the ledger is reviewed. */
  review?: { column: string; approved: string };
  /** Rows go up with this parent, whose version covers them, rather than by their own change. */
  travelsWith?: ParentLink;
  /** Pure checks with the shared/ rules. */
  validate(row: PackageRow, ctx: RowContext): FieldIssue[];
  /** Clashes with other live rows at the county (unique rules). */
  collisions(q: Query, row: PackageRow, ctx: RowContext): Promise<FieldIssue[]>;
}

const STAMPS: Record<string, ColumnType> = {
  row_version: 'int', created_at: 'text', created_by: 'text', updated_at: 'text', updated_by: 'text', deleted_at: 'text?',
};

type Declaration = Omit<LedgerTable, 'columns' | 'types' | 'moneyColumns'> & { own: Record<string, ColumnType> };

function declare(d: Declaration): LedgerTable {
  const { own, ...rest } = d;
  const types = { ...own, ...STAMPS };
  const columns = Object.keys(types);
  return { ...rest, columns, types, moneyColumns: columns.filter((c) => c.endsWith('_fen')) };
}

export const ledgerTables: readonly LedgerTable[] = [
  declare({
    name: 'village',
    label: '村',
    own: { id: 'text', code: 'text', name: 'text' },
    parents: [],
    validate: validateVillage,
    collisions: villageCollisions,
  }),
  declare({
    name: 'household',
    label: '户',
    own: {
      id: 'text', household_no: 'text', village_code: 'text', status: 'text', exit_year: 'int?', cause: 'text?',
      dibao: 'flag', tekun: 'flag', helper_name: 'text?', helper_unit: 'text?', helper_phone: 'text?',
      bank_account: 'text?', address: 'text?', note: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    parents: [{ column: 'village_code', table: 'village', key: 'code' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateHousehold,
    collisions: householdCollisions,
  }),
  declare({
    name: 'person',
    label: '人员',
    own: {
      id: 'text', household_id: 'text', name: 'text', id_number: 'text', sex: 'text', birth_date: 'text', relation: 'text',
      health: 'text', disability_type: 'text?', disability_grade: 'text?', labor_ability: 'text?', school_status: 'text?',
      insured: 'flag', phone: 'text?', removal_reason: 'text?', position: 'int',
    },
    parents: [{ column: 'household_id', table: 'household', key: 'id' }],
    // Any member change bumps the household (household-service), so members go up with it.
    travelsWith: { column: 'household_id', table: 'household', key: 'id' },
    validate: validatePerson,
    collisions: personCollisions,
  }),
  // medical_claim (migration 0003, in progress): declare here once it has change_seq — parent
  // person via person_id, its *_fen columns are picked up as money columns automatically.
];

export function ledgerTable(name: string): LedgerTable | undefined {
  return ledgerTables.find((t) => t.name === name);
}

function typeIssue(column: string, type: ColumnType, value: unknown): FieldIssue | null {
  const nullable = type.endsWith('?');
  if (value === null) return nullable ? null : issue(column, 'required');
  const base = type.replace('?', '');
  const ok = base === 'text' ? typeof value === 'string'
    : base === 'flag' ? value === 0 || value === 1
      : typeof value === 'number' && Number.isSafeInteger(value);
  return ok ? null : issue(column, 'sync.badValue', { column });
}

/**
 * The row has exactly the declared columns, each of its type: whatever the database would
 * refuse is refused here first, so one bad row can never abort a package's transaction.
 */
export function shapeIssues(table: LedgerTable, row: PackageRow): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const column of Object.keys(row)) if (!(column in table.types)) issues.push(issue(column, 'sync.unknownColumn', { column }));
  for (const column of table.columns) {
    if (!(column in row)) {
      issues.push(issue(column, 'sync.missingColumn', { column }));
      continue;
    }
    const problem = typeIssue(column, table.types[column]!, row[column]);
    if (problem) issues.push(problem);
  }
  if (issues.length === 0 && (row.row_version as number) < 1) issues.push(issue('row_version', 'sync.badValue', { column: 'row_version' }));
  return issues;
}
