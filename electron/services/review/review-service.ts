/**
 * Submit, approve, return and reopen, for one record or many selected in a grid. Each record
 * moves on its own (the others are not held back by one refusal), all in one transaction,
 * each with its audit row.
 */
import type { Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { transition, type ReviewAction, type ReviewState } from '../../../shared/domain/review.js';
import { nowIso, type ServiceContext } from '../context.js';
import { updateRecord } from '../record-store.js';
import { reviewTables } from './review-tables.js';

type Selection = MethodArgs<'review/submit'> & { reason?: string };
type Result = MethodOutput<'review/submit'>;

interface ReviewRow {
  id: string;
  review_state: ReviewState;
  created_by: string;
  deleted_at: string | null;
}

/** A clerk works on their own records; administrators may act for anyone. */
export function ownershipIssue(ctx: ServiceContext, createdBy: string): string | null {
  return ctx.account?.role === 'clerk' && createdBy !== ctx.actor ? 'review.notOwner' : null;
}

async function act(tx: Tx, ctx: ServiceContext, table: string, row: ReviewRow, action: ReviewAction, reason: string | null): Promise<string | null> {
  if (action === 'submit') {
    const notOwner = ownershipIssue(ctx, row.created_by);
    if (notOwner) return notOwner;
  }
  const moved = transition(row.review_state, action, reason);
  if (!moved.ok) return moved.code;
  const reviewing = action !== 'submit';
  await updateRecord(tx, ctx, table, row.id, null, {
    review_state: moved.to,
    review_reason: action === 'return' || action === 'reopen' ? reason : null,
    ...(reviewing ? { reviewed_by: ctx.actor, reviewed_at: nowIso(ctx) } : {}),
  });
  return null;
}

export async function reviewRecords(ctx: ServiceContext, action: ReviewAction, input: Selection): Promise<Result> {
  const { table } = reviewTables[input.table];
  return ctx.db.transaction(async (tx) => {
    const refused: Result['refused'] = [];
    let done = 0;
    for (const id of new Set(input.ids)) {
      const row = await tx.get<ReviewRow>(`SELECT id, review_state, created_by, deleted_at FROM ${table} WHERE id = ?`, [id]);
      const code = !row || row.deleted_at !== null ? 'not_found' : await act(tx, ctx, table, row, action, input.reason ?? null);
      if (code) refused.push({ id, code });
      else done++;
    }
    return { done, refused };
  });
}
