import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { household, makeFixture, member, validId, VILLAGE_B, type Fixture } from '../test/workstation-fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
  const heads = ['张一', '王二', '李三', '赵四', '钱五'];
  for (const [i, head] of heads.entries()) {
    const members = [member(head, validId(`1960010${i + 1}`, 11), 'head')];
    for (let k = 0; k < i; k++) members.push(member(`成员${i}${k}`, validId(`1990020${k + 1}`, 20 + i * 10 + k), 'other'));
    await f.call('households/save', { household: household(`H00${i + 1}`, { ...(i % 2 ? { villageCode: VILLAGE_B } : {}), status: i === 4 ? 'edge' : 'registered_poor' }), members });
  }
});
afterAll(async () => {
  await f.cleanup();
});

const page = (q: Record<string, unknown> = {}) => f.call('households/page', { startRow: 0, endRow: 100, ...q });

describe('households/page', () => {
  it('pages with a total and masks ID numbers', async () => {
    const first = await page({ endRow: 2 });
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => r.householdNo)).toEqual(['H001', 'H002']);
    expect(first.rows[0]!.headIdMasked).toMatch(/^371502\*{8}\d{3}[\dX]$/);
    const second = await page({ startRow: 2, endRow: 4 });
    expect(second.rows.map((r) => r.householdNo)).toEqual(['H003', 'H004']);
  });

  it('sorts by member count descending', async () => {
    const sorted = await page({ sort: [{ column: 'memberCount', direction: 'desc' }] });
    expect(sorted.rows.map((r) => r.memberCount)).toEqual([5, 4, 3, 2, 1]);
  });

  it('quick-searches head name, any ID number and household number', async () => {
    expect((await page({ quickSearch: '王二' })).rows.map((r) => r.householdNo)).toEqual(['H002']);
    expect((await page({ quickSearch: '成员31' })).rows.map((r) => r.householdNo)).toEqual(['H004']);
    expect((await page({ quickSearch: validId('19600103', 11) })).rows.map((r) => r.householdNo)).toEqual(['H003']);
    expect((await page({ quickSearch: 'h005' })).rows.map((r) => r.householdNo)).toEqual(['H005']);
  });

  it('filters by village, status, text and member count', async () => {
    expect((await page({ villageCode: VILLAGE_B })).total).toBe(2);
    expect((await page({ status: 'edge' })).rows.map((r) => r.headName)).toEqual(['钱五']);
    expect((await page({ textFilters: [{ column: 'headName', type: 'startsWith', value: '李' }] })).total).toBe(1);
    expect((await page({ memberCountFilter: { type: 'greaterThan', value: 3 } })).total).toBe(2);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect((await page({ quickSearch: '%' })).total).toBe(0);
  });
});
