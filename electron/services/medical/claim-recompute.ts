/**
 * A claim's proposal and warnings depend on the person's earlier claims that year (deductibles
 * consumed, caps reached). When a claim is written or deleted, the person's other claims of that
 * year are evaluated again and any whose proposal or warnings changed are updated, with their
 * audit rows, in the same transaction: a claim typed late for March must not leave June's
 * proposal as if March never happened. Typed amounts are never touched; submitted and approved
 * claims are updated too, since the proposal is the workstation's arithmetic, not the clerk's
 * entry (the audit row shows what moved).
 */
import type { SqlValue, Tx } from '../../db/driver.js';
import type { ServiceContext } from '../context.js';
import { updateRecord } from '../record-store.js';
import { evaluateClaim, lookupsOn } from './claim-check.js';
import { CLAIM_SELECT, claimValues, toClaim, type ClaimRecord } from './claim-mapping.js';

const isDerived = (column: string) => column.startsWith('proposed_') || column === 'warnings';

/** Re-evaluates the live claims of `personId` in `year` other than `exceptId`; returns how many changed. */
export async function recomputePersonYear(tx: Tx, ctx: ServiceContext, personId: string, year: number, exceptId: string | null): Promise<number> {
  const records = await tx.all<ClaimRecord>(
    `${CLAIM_SELECT} WHERE c.person_id = ? AND c.policy_year = ? AND c.deleted_at IS NULL AND c.id <> ?
     ORDER BY c.admission_date, c.discharge_date, c.id`,
    [personId, year, exceptId ?? ''],
  );
  const lookups = lookupsOn(tx);
  let changed = 0;
  for (const record of records) {
    const claim = toClaim(record);
    const evaluation = await evaluateClaim(lookups, claim);
    // A claim that no longer passes (its year's rules were changed since) keeps what it has.
    if (!evaluation.derived) continue;
    const derived = Object.entries(claimValues(claim, evaluation.derived)).filter(([column]) => isDerived(column));
    const differing: Record<string, SqlValue> = Object.fromEntries(derived.filter(([column, value]) => record[column] !== value));
    if (Object.keys(differing).length === 0) continue;
    await updateRecord(tx, ctx, 'medical_claim', claim.id, null, differing);
    changed++;
  }
  return changed;
}
