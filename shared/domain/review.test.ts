import { describe, expect, it } from 'vitest';
import { isEditable, reviewActions, reviewStates, transition } from './review.js';

describe('review workflow', () => {
  it('moves draft → submitted → approved, and back to returned only with a reason', () => {
    expect(transition('draft', 'submit', null)).toEqual({ ok: true, to: 'submitted' });
    expect(transition('submitted', 'approve', null)).toEqual({ ok: true, to: 'approved' });
    expect(transition('submitted', 'return', '  ')).toEqual({ ok: false, code: 'review.reasonRequired' });
    expect(transition('submitted', 'return', '身份证号有误')).toEqual({ ok: true, to: 'returned' });
    expect(transition('returned', 'submit', null)).toEqual({ ok: true, to: 'submitted' });
    expect(transition('approved', 'reopen', null)).toEqual({ ok: false, code: 'review.reasonRequired' });
    expect(transition('approved', 'reopen', '补充材料')).toEqual({ ok: true, to: 'returned' });
  });

  it('refuses every other move', () => {
    const allowed = new Set(['draft:submit', 'returned:submit', 'submitted:approve', 'submitted:return', 'approved:reopen']);
    for (const state of reviewStates) {
      for (const action of reviewActions) {
        const result = transition(state, action, 'reason');
        expect(result.ok, `${state}:${action}`).toBe(allowed.has(`${state}:${action}`));
        if (!result.ok) expect(result.code).toBe(`review.cannot.${action}`);
      }
    }
  });

  it('locks submitted and approved records', () => {
    expect(reviewStates.filter(isEditable)).toEqual(['draft', 'returned']);
  });
});
