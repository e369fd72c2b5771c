import { z } from 'zod';
import { method } from './define.js';
import { recordId } from './common.js';
import { reviewStates } from '../domain/review.js';

/** Ledgers whose records go through review; a new ledger joins here and in review-tables.ts. */
export const reviewableTable = z.enum(['household', 'housing_repair', 'school_aid', 'medical_claim', 'water_assessment', 'water_test']);
export type ReviewableTable = z.infer<typeof reviewableTable>;

export const reviewState = z.enum(reviewStates);

const selection = z.object({ table: reviewableTable, ids: z.array(recordId).min(1).max(1000) });
const withReason = selection.extend({ reason: z.string().trim().min(1).max(200) });

export const reviewResult = z.object({
  done: z.number().int(),
  /** Records left as they were, each with why (e.g. review.cannot.approve, review.notOwner). */
  refused: z.array(z.object({ id: recordId, code: z.string() })),
});

export const reviewApi = {
  'review/submit': method(selection, reviewResult),
  'review/approve': method(selection, reviewResult),
  'review/return': method(withReason, reviewResult),
  'review/reopen': method(withReason, reviewResult),
} as const;
