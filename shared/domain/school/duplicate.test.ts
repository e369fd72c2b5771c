import { describe, expect, it } from 'vitest';
import { repeatedKeys, schoolAidKey } from './duplicate.js';

const a = { personId: 'p1', schoolYear: '2020-2021', term: 'autumn', item: 'living_allowance' } as const;

describe('school aid duplicate key', () => {
  it('differs when any of student, 学年, 学期 or 项目 differs', () => {
    const keys = new Set([
      schoolAidKey(a),
      schoolAidKey({ ...a, personId: 'p2' }),
      schoolAidKey({ ...a, schoolYear: '2021-2022' }),
      schoolAidKey({ ...a, term: 'spring' }),
      schoolAidKey({ ...a, item: 'tuition_waiver' }),
    ]);
    expect(keys.size).toBe(5);
  });
  it('points each repeat at the first row with its key, skipping rows without a key', () => {
    expect([...repeatedKeys([a, null, { ...a, term: 'spring' }, a, a]).entries()]).toEqual([[3, 0], [4, 0]]);
  });
});
