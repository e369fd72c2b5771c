/**
 * The unique rules of each ledger as the county's page-at-a-time merge pre-checks them: which
 * stored rows hold which key. The rules themselves, with their reasons, stay in each ledger's
 * `collisions`; this only says when a row certainly clashes with nothing, so the page asks the
 * database once per rule instead of once per row. Anything that might clash is checked by the
 * ledger's own `collisions` against the database as it then is. A ledger with no entry here is
 * always checked row by row: slower, never wrong.
 */
import type { PackageRow } from './streams.js';

/** One unique rule: no two rows satisfying `holds` share the values of `columns`. */
export interface UniqueKey {
  /** The key's columns (a unique index on them makes the look-up an index search). */
  columns: readonly string[];
  /** The holders' condition in SQL, on alias `c` (as the ledger's collision query says it). */
  where: string;
  /** The same condition in JS, for rows written earlier in the page. */
  holds(values: PackageRow): boolean;
  /** Whether an incoming row is checked by this rule at all (default: always). */
  applies?(row: PackageRow): boolean;
}

/** A column that must name a live row of another table (optional: null names nothing). */
export interface ReferenceKey {
  column: string;
  table: string;
  key: string;
  /** On alias `c`. */
  where: string;
}

export interface KeySpec {
  unique: readonly UniqueKey[];
  references: readonly ReferenceKey[];
}

const live = (v: PackageRow) => v.deleted_at === null;
const liveKey = (...columns: string[]): UniqueKey => ({ columns, where: 'c.deleted_at IS NULL', holds: live });
const isActiveHead = (v: PackageRow) => v.relation === 'head' && v.removal_reason === null;

export const collisionKeys: Readonly<Record<string, KeySpec>> = {
  // The code is the village table's key: even a deleted village holds it.
  village: { unique: [{ columns: ['code'], where: '1', holds: () => true }], references: [] },
  household: { unique: [liveKey('household_no')], references: [] },
  person: {
    unique: [
      liveKey('id_number'),
      {
        columns: ['household_id'], where: "c.relation = 'head' AND c.deleted_at IS NULL AND c.removal_reason IS NULL",
        holds: (v) => live(v) && isActiveHead(v), applies: isActiveHead,
      },
    ],
    references: [],
  },
  housing_repair: { unique: [liveKey('household_id')], references: [] },
  housing_photo: { unique: [liveKey('repair_id', 'phase', 'sha256')], references: [] },
  school_aid: { unique: [liveKey('person_id', 'school_year', 'term', 'item')], references: [] },
  water_supply: { unique: [liveKey('village_code', 'name')], references: [] },
  water_assessment: {
    unique: [liveKey('household_id', 'year')],
    references: [{ column: 'supply_id', table: 'water_supply', key: 'id', where: 'c.deleted_at IS NULL' }],
  },
  water_test: { unique: [], references: [] },
  medical_claim: {
    unique: [
      { ...liveKey('hospital_name', 'invoice_no'), where: 'c.deleted_at IS NULL AND c.invoice_no IS NOT NULL', applies: (row) => row.invoice_no !== null },
      liveKey('person_id', 'hospital_name', 'admission_date'),
    ],
    references: [],
  },
};

/**
 * One text per key value, alike for a row as sent and as read back (numbers and text alike).
 * Two values may share a text (a separator inside a value): that only sends a row to the exact
 * check, never past it.
 */
export function keyText(values: PackageRow, columns: readonly string[]): string | null {
  let text = '';
  for (let i = 0; i < columns.length; i++) {
    const v = values[columns[i]!];
    // SQL's `=` matches no null: the rule cannot clash, but the row is left to the exact check.
    if (v === null || v === undefined) return null;
    text = i === 0 ? String(v) : `${text}\u0000${String(v)}`;
  }
  return text;
}
