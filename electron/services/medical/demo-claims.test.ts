import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.js';

let dir: string;
let out: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-demo-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<Record<string, unknown>> {
  out = [];
  expect(await main([...args, '--json'])).toBe(0);
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

describe('taizhang demo: medical claims', () => {
  it('are generated deterministically through the same checks, with the report adding up', async () => {
    const reports = [];
    for (const name of ['a', 'b']) {
      const db = join(dir, `${name}.sqlite`);
      const demo = await run(['demo', '--db', db, '--households', '60', '--seed', '7']);
      expect(demo.medicalClaims).toBeGreaterThan(10);
      const report = (await run(['report', '--db', db, '--kind', 'medical-layers', '--year', '2020'])).report as {
        totals: { claims: number; layersTotalFen: number; selfPayFen: number; totalCostFen: number; overCeiling: number };
      };
      expect(report.totals.layersTotalFen + report.totals.selfPayFen).toBe(report.totals.totalCostFen);
      reports.push(report);
    }
    expect(reports[1]).toEqual(reports[0]);
  });
});
