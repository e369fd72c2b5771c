/**
 * The review workflow every ledger record follows: 草稿 → 待审核 → 已审核, or 退回 with a reason.
 * An approved record is locked; only a reviewer reopens it, with a reason, and it goes back to
 * the clerk as 退回.
 */
export const reviewStates = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReviewState = (typeof reviewStates)[number];

export const reviewActions = ['submit', 'approve', 'return', 'reopen'] as const;
export type ReviewAction = (typeof reviewActions)[number];

const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewState[]; to: ReviewState; needsReason: boolean }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', needsReason: false },
  approve: { from: ['submitted'], to: 'approved', needsReason: false },
  return: { from: ['submitted'], to: 'returned', needsReason: true },
  reopen: { from: ['approved'], to: 'returned', needsReason: true },
};

export type TransitionResult = { ok: true; to: ReviewState } | { ok: false; code: string };

export function transition(state: ReviewState, action: ReviewAction, reason: string | null): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, code: `review.cannot.${action}` };
  if (rule.needsReason && !reason?.trim()) return { ok: false, code: 'review.reasonRequired' };
  return { ok: true, to: rule.to };
}

/** Only drafts and returned records can be changed; submitted ones wait for the reviewer. */
export function isEditable(state: ReviewState): boolean {
  return state === 'draft' || state === 'returned';
}
