import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { household, makeFixture, member, validId, type Fixture } from '../test/workstation-fixture.js';
import { tabs, type Tab } from '../test/tabs.js';
import { HISTORY_COLUMNS } from './audit-history.js';
import { zhCN } from '../../shared/i18n/zh-CN.js';
import { en } from '../../shared/i18n/en.js';

let f: Fixture;
let clerk: Tab;
let reviewer: Tab;
let viewer: Tab;

const HEAD_ID = validId('19650312', 11);

beforeEach(async () => {
  f = await makeFixture();
  const t = tabs(f);
  await t.withAccounts();
  clerk = await t.signedIn('clerk');
  reviewer = await t.signedIn('reviewer');
  viewer = await t.signedIn('viewer');
});
afterEach(async () => {
  await f.cleanup();
});

async function householdWithHistory() {
  const h = await clerk.call('households/save', {
    household: household('H1', { bankAccount: '6228480012345678' }),
    members: [member('张三', HEAD_ID, 'head'), member('李四', validId('19680720', 22), 'spouse')],
  });
  const loaded = await clerk.call('households/get', { id: h.id });
  await clerk.call('households/save', {
    household: { ...loaded, cause: 'illness', helperName: '王五' },
    members: loaded.members.map((m) => (m.name === '李四' ? { ...m, health: 'chronic' } : m)),
  });
  await clerk.call('review/submit', { table: 'household', ids: [h.id] });
  await reviewer.call('review/return', { table: 'household', ids: [h.id], reason: '请补充帮扶单位' });
  return h.id;
}

describe('audit/history', () => {
  it('lists who changed which field of the household and its members, newest first, with before and after', async () => {
    const id = await householdWithHistory();
    const { entries, truncated } = await reviewer.call('audit/history', { table: 'household', id });
    expect(truncated).toBe(false);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));

    const [returned, submitted] = entries;
    expect(returned).toMatchObject({ actor: 'reviewer', action: 'update', table: 'household', subject: null });
    expect(returned!.changes).toEqual(expect.arrayContaining([
      { field: 'reviewState', kind: 'enum', enumName: 'reviewState', before: 'submitted', after: 'returned' },
      { field: 'reason', kind: 'text', enumName: null, before: null, after: '请补充帮扶单位' },
    ]));
    expect(submitted).toMatchObject({ actor: 'clerk', changes: [{ field: 'reviewState', before: 'draft', after: 'submitted' }] });

    const edit = entries.find((e) => e.table === 'household' && e.changes.some((c) => c.field === 'cause'));
    expect(edit?.changes).toEqual(expect.arrayContaining([
      { field: 'cause', kind: 'enum', enumName: 'povertyCause', before: null, after: 'illness' },
      { field: 'helperName', kind: 'text', enumName: null, before: null, after: '王五' },
    ]));
    const memberEdit = entries.find((e) => e.subject === '李四' && e.action === 'update');
    expect(memberEdit?.changes).toEqual([{ field: 'health', kind: 'enum', enumName: 'health', before: 'healthy', after: 'chronic' }]);

    // The first save: the household and both members created, no stamps or keys among the fields.
    const created = entries.filter((e) => e.action === 'insert');
    expect(created.map((e) => e.subject).sort()).toEqual([null, '张三', '李四'].sort());
    for (const e of created) {
      expect(e.changes.every((c) => c.before === null)).toBe(true);
      expect(e.changes.map((c) => c.field)).not.toContain('rowVersion');
    }
    expect(created.find((e) => e.subject === '张三')?.changes).toContainEqual({ field: 'idNumber', kind: 'text', enumName: null, before: null, after: HEAD_ID });
  });

  it('masks ID and card numbers for a role that may not reveal them, and refuses nobody who may read', async () => {
    const id = await householdWithHistory();
    for (const tab of [viewer, clerk]) {
      const { entries } = await tab.call('audit/history', { table: 'household', id });
      const all = entries.flatMap((e) => e.changes);
      const idChange = all.find((c) => c.field === 'idNumber' && c.after?.endsWith(HEAD_ID.slice(-4)));
      expect(idChange?.after).toBe(`${HEAD_ID.slice(0, 6)}********${HEAD_ID.slice(-4)}`);
      expect(all.find((c) => c.field === 'bankAccount')?.after).toBe('************5678');
      expect(JSON.stringify(entries)).not.toContain(HEAD_ID);
    }
    const full = await reviewer.call('audit/history', { table: 'household', id });
    expect(full.entries.flatMap((e) => e.changes).find((c) => c.field === 'bankAccount')?.after).toBe('6228480012345678');
  });

  it('shows a deletion with its reason and a reveal of a number, and nothing of another household', async () => {
    const id = await householdWithHistory();
    const other = await clerk.call('households/save', { household: household('H2'), members: [member('赵六', validId('19700101', 33), 'head')] });
    await reviewer.call('persons/reveal', { householdId: id, personId: null, field: 'bankAccount' });
    const loaded = await clerk.call('households/get', { id: other.id });
    await clerk.call('households/delete', { id: other.id, rowVersion: loaded.rowVersion, reason: '重复录入' });

    const mine = await viewer.call('audit/history', { table: 'household', id });
    expect(mine.entries[0]).toMatchObject({ action: 'reveal', actor: 'reviewer', changes: [] });
    expect(mine.entries.some((e) => e.subject === '赵六')).toBe(false);
    const theirs = await viewer.call('audit/history', { table: 'household', id: other.id });
    expect(theirs.entries.find((e) => e.action === 'delete' && e.table === 'household')).toMatchObject({ reason: '重复录入', changes: [] });
  });

  it('labels every field it can show in both languages', () => {
    for (const spec of Object.values(HISTORY_COLUMNS).flatMap((c) => Object.values(c))) {
      expect(zhCN.field, spec.field).toHaveProperty(spec.field);
      expect(en.field, spec.field).toHaveProperty(spec.field);
      if (spec.enumName) expect(zhCN.enum, spec.enumName).toHaveProperty(spec.enumName);
    }
  });

  it('is refused without a sign-in', async () => {
    const id = await householdWithHistory();
    const stranger = tabs(f).tab();
    expect(await stranger.fail('audit/history', { table: 'household', id })).toMatchObject({ kind: 'unauthorized' });
  });
});
