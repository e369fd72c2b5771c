/**
 * Records of the other ledgers that hang on a household or a person (a claim, a repair, a
 * water assessment…). Read from the ledger declarations, so a new ledger is covered without
 * touching the register: deleting a household or a member that still has live records would
 * leave those records pointing at nobody, so the register refuses and says which and how many.
 */
import type { Tx } from '../db/driver.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { ledgerTables } from '../sync/ledger-tables.js';

export interface LiveDependents {
  table: string;
  label: string;
  count: number;
}

/** Live rows of every ledger whose parent link points at one of `ids` of `parent`. */
export async function liveDependents(tx: Tx, parent: 'household' | 'person', ids: readonly string[]): Promise<LiveDependents[]> {
  if (ids.length === 0) return [];
  const found: LiveDependents[] = [];
  const marks = ids.map(() => '?').join(', ');
  for (const ledger of ledgerTables) {
    // Members belong to the register itself: they go with their household.
    if (ledger.name === 'person') continue;
    for (const link of ledger.parents.filter((p) => p.table === parent)) {
      const row = await tx.get<{ n: number }>(
        `SELECT count(*) AS n FROM "${ledger.name}" WHERE "${link.column}" IN (${marks}) AND deleted_at IS NULL`, [...ids],
      );
      if (row && row.n > 0) found.push({ table: ledger.name, label: ledger.label, count: row.n });
    }
  }
  return found;
}

/** One issue per ledger that still holds records, on `field`. */
export function dependentIssues(field: string, code: string, dependents: readonly LiveDependents[], params: Record<string, string | number> = {}): FieldIssue[] {
  return dependents.map((d) => issue(field, code, { ...params, ledger: d.label, count: d.count }));
}
