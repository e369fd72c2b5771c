/** The review lock every water record shares with the register: drafts and returned records only, a clerk's own. */
import type { Tx } from '../../db/driver.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue } from '../../../shared/domain/issue.js';
import { isEditable, type ReviewState } from '../../../shared/domain/review.js';
import type { ServiceContext } from '../context.js';
import { ownershipIssue } from '../review/review-service.js';

export async function assertEditable(tx: Tx, ctx: ServiceContext, table: 'water_assessment' | 'water_test', id: string, field: string): Promise<void> {
  const row = await tx.get<{ review_state: ReviewState; created_by: string }>(`SELECT review_state, created_by FROM ${table} WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('not_found', 'not_found', { table });
  if (!isEditable(row.review_state)) throw AppError.validation([issue(field, 'review.locked', { state: row.review_state })]);
  const notOwner = ownershipIssue(ctx, row.created_by);
  if (notOwner) throw AppError.validation([issue(field, notOwner, { owner: row.created_by })]);
}
