/**
 * The household list at township scale (issue: 50,000 households, 150,000 people): one page
 * of the grid for the common sorts, filters and searches, through dispatch (contract
 * validation included). Run with `npm run bench`; the data is generated once per run.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkstation, type Workstation } from '../electron/app/workstation.js';
import { dispatch } from '../electron/api/dispatch.js';
import { generateDemoData } from '../electron/services/demo-data.js';
import type { MethodInput } from '../shared/contract/index.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 50_000);
let dir = '';
let w: Workstation;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-bench-'));
  w = await openWorkstation(join(dir, 'bench.sqlite'), { actor: 'bench' });
  await dispatch(w.ctx, 'settings/update', { orgCode: '371502100', orgName: '基准镇' });
  await generateDemoData(w.ctx, { households: HOUSEHOLDS, seed: 7 });
}, 600_000);

afterAll(async () => {
  await w.close();
  await rm(dir, { recursive: true, force: true });
});

async function page(query: Partial<MethodInput<'households/page'>>): Promise<void> {
  const response = await dispatch(w.ctx, 'households/page', { startRow: 0, endRow: 100, ...query });
  if (!response.ok) throw new Error(JSON.stringify(response.error));
}

describe(`households/page over ${HOUSEHOLDS} households`, () => {
  const options = { iterations: 20, warmupIterations: 3 };
  bench('first page, default order', () => page({}), options);
  bench('page 400 (rows 40,000-40,100)', () => page({ startRow: 40_000, endRow: 40_100 }), options);
  bench('sorted by head name', () => page({ sort: [{ column: 'headName', direction: 'asc' }] }), options);
  bench('sorted by member count', () => page({ sort: [{ column: 'memberCount', direction: 'desc' }] }), options);
  bench('quick search by a name', () => page({ quickSearch: '王秀' }), options);
  bench('one village, newest first', () => page({ villageCode: '371502100201', sort: [{ column: 'updatedAt', direction: 'desc' }] }), options);
});
