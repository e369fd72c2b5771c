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
import { AppError } from '../../../shared/domain/app-error.js';
import { issue } from '../../../shared/domain/issue.js';
import { loadPolicyYear } from '../medical-policy.js';
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

/**
 * Every person's live claims of `year`, worked out again under the year's current rules, in one
 * transaction: what an administrator runs after changing the rules, so that stored proposals and
 * warnings match them. Slow on a big year (each claim reads its earlier ones), so it is a separate
 * action rather than part of saving the rules.
 */
export async function reproposeYear(ctx: ServiceContext, year: number): Promise<{ year: number; claims: number; changed: number }> {
  return ctx.db.transaction(async (tx) => {
    if (!(await loadPolicyYear(tx, year))) throw AppError.validation([issue('year', 'medical.noPolicyYear', { year })]);
    const persons = await tx.all<{ person_id: string; claims: number }>(
      'SELECT person_id, count(*) AS claims FROM medical_claim WHERE policy_year = ? AND deleted_at IS NULL GROUP BY person_id', [year],
    );
    let claims = 0;
    let changed = 0;
    for (const p of persons) {
      claims += p.claims;
      changed += await recomputePersonYear(tx, ctx, p.person_id, year, null);
    }
    return { year, claims, changed };
  });
}
