import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { household, makeFixture, member, validId, type Fixture } from '../../test/workstation-fixture.js';
import { tabs, type Tab } from '../../test/tabs.js';

let f: Fixture;
let clerk: Tab;
let reviewer: Tab;
let t: ReturnType<typeof tabs>;

beforeEach(async () => {
  f = await makeFixture();
  t = tabs(f);
  await t.withAccounts([{ username: 'clerk2', role: 'clerk' }]);
  clerk = await t.signedIn('clerk');
  reviewer = await t.signedIn('reviewer');
});
afterEach(async () => {
  await f.cleanup();
});

async function newHousehold(by: Tab, no: string, seq: number) {
  return by.call('households/save', { household: household(no), members: [member(`户主${seq}`, validId('19650312', seq), 'head')] });
}

describe('review workflow through the API', () => {
  it('clerk submits, reviewer approves; an approved household is locked until reopened with a reason', async () => {
    const h = await newHousehold(clerk, 'H1', 11);
    expect(await clerk.call('review/submit', { table: 'household', ids: [h.id] })).toEqual({ done: 1, refused: [] });
    expect(await clerk.fail('review/approve', { table: 'household', ids: [h.id] })).toMatchObject({ kind: 'forbidden' });
    expect(await reviewer.call('review/approve', { table: 'household', ids: [h.id] })).toEqual({ done: 1, refused: [] });

    const loaded = await clerk.call('households/get', { id: h.id });
    expect(loaded).toMatchObject({ reviewState: 'approved', reviewedBy: 'reviewer' });
    const locked = await clerk.fail('households/save', { household: { ...loaded, cause: 'illness' }, members: loaded.members });
    expect(locked.issues).toEqual([expect.objectContaining({ code: 'review.locked' })]);
    // Saving without a change is not an edit: a re-import of the same sheet passes.
    await clerk.call('households/save', { household: loaded, members: loaded.members });
    expect(await clerk.fail('households/delete', { id: h.id, rowVersion: loaded.rowVersion, reason: 'x' })).toMatchObject({ kind: 'validation' });

    expect(await reviewer.fail('review/reopen', { table: 'household', ids: [h.id], reason: ' ' })).toMatchObject({ kind: 'validation' });
    expect(await reviewer.call('review/reopen', { table: 'household', ids: [h.id], reason: '户主电话需补录' })).toEqual({ done: 1, refused: [] });
    const reopened = await clerk.call('households/get', { id: h.id });
    expect(reopened).toMatchObject({ reviewState: 'returned', reviewReason: '户主电话需补录' });
    await clerk.call('households/save', { household: { ...reopened, cause: 'illness' }, members: reopened.members });
  });

  it('acts on many selected records at once and says which were refused and why', async () => {
    const a = await newHousehold(clerk, 'H1', 11);
    const b = await newHousehold(clerk, 'H2', 21);
    const c = await newHousehold(clerk, 'H3', 31);
    await clerk.call('review/submit', { table: 'household', ids: [a.id, b.id] });
    const result = await reviewer.call('review/return', { table: 'household', ids: [a.id, b.id, c.id], reason: '请核对身份证号' });
    expect(result).toEqual({ done: 2, refused: [{ id: c.id, code: 'review.cannot.return' }] });
  });

  it('keeps a clerk to their own records; the list shows returned records first with the reason', async () => {
    const mine = await newHousehold(clerk, 'H1', 11);
    const clerk2 = await t.signedIn('clerk2');
    const theirs = await newHousehold(clerk2, 'H2', 21);
    expect(await clerk.call('review/submit', { table: 'household', ids: [mine.id, theirs.id] })).toEqual({ done: 1, refused: [{ id: theirs.id, code: 'review.notOwner' }] });
    const other = await clerk.call('households/get', { id: theirs.id });
    const refused = await clerk.fail('households/save', { household: { ...other, cause: 'other' }, members: other.members });
    expect(refused.issues).toEqual([expect.objectContaining({ code: 'review.notOwner', params: { owner: 'clerk2' } })]);

    await reviewer.call('review/return', { table: 'household', ids: [mine.id], reason: '缺少帮扶责任人' });
    const page = await clerk.call('households/page', { startRow: 0, endRow: 10, sort: [{ column: 'reviewState', direction: 'asc' }] });
    expect(page.rows.map((r) => [r.householdNo, r.reviewState, r.reviewReason])).toEqual([
      ['H1', 'returned', '缺少帮扶责任人'],
      ['H2', 'draft', null],
    ]);
    expect((await clerk.call('households/page', { startRow: 0, endRow: 10, reviewState: 'returned' })).total).toBe(1);
  });

  it('audits every move with who and the reason', async () => {
    const h = await newHousehold(clerk, 'H1', 11);
    await clerk.call('review/submit', { table: 'household', ids: [h.id] });
    await reviewer.call('review/return', { table: 'household', ids: [h.id], reason: '退回原因' });
    const rows = await f.workstation.db.all<{ actor: string; after_json: string }>("SELECT actor, after_json FROM audit_log WHERE table_name = 'household' AND action = 'update' ORDER BY seq");
    expect(rows.map((r) => [r.actor, JSON.parse(r.after_json).review_state, JSON.parse(r.after_json).review_reason ?? null])).toEqual([
      ['clerk', 'submitted', null],
      ['reviewer', 'returned', '退回原因'],
    ]);
  });
});
