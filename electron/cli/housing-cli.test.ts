import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { validId } from '../test/workstation-fixture.js';

let dir: string;
let out: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-cli-housing-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const json = () => JSON.parse(out.join('\n')) as Record<string, unknown>;

describe('taizhang CLI, housing repairs', () => {
  it('imports and exports the housing sheet and prints the progress report with --json', async () => {
    const db = join(dir, 't.sqlite');
    const villages = join(dir, 'villages.csv');
    await writeFile(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n');
    expect(await main(['init', '--db', db, '--org', '371502100', '--name', '示例镇', '--villages', villages])).toBe(0);
    const persons = join(dir, 'persons.csv');
    await writeFile(persons, `户编号,村,户类型,姓名,身份证号,与户主关系\nH1,张庄村,边缘户,张三,${validId('19650312', 11)},户主\n`);
    expect(await main(['import', '--db', db, '--kind', 'persons', persons])).toBe(0);

    const bad = join(dir, 'bad.csv');
    await writeFile(bad, '户编号,鉴定日期,安全等级,改造方式,开工日期,竣工日期\nH1,2020-03-01,D,拆除重建,2020-02-01,\n');
    out = [];
    expect(await main(['import', '--db', db, '--kind', 'housing', bad, '--json'])).toBe(1);
    expect(json()).toMatchObject({ ok: false, issues: [{ row: 2, column: '开工日期', code: 'housing.before.appraisalDate' }] });

    const sheet = join(dir, 'housing.csv');
    await writeFile(sheet, '户编号,鉴定日期,安全等级,改造方式,中央补助（元）,开工日期,竣工日期\nH1,2020-03-01,D,拆除重建,14000,2020-04-01,2020-06-01\n');
    out = [];
    expect(await main(['import', '--db', db, '--kind', 'housing', sheet, '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, households: { added: 1 } });

    const xlsx = join(dir, 'housing.xlsx');
    expect(await main(['export', '--db', db, '--kind', 'housing', '--out', xlsx])).toBe(0);
    expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');

    out = [];
    expect(await main(['report', '--db', db, '--kind', 'housing-progress', '--date', '2020-06-01', '--json'])).toBe(0);
    expect(json()).toMatchObject({
      ok: true,
      report: { date: '2020-06-01', previousDate: '2020-05-31', total: 1, totals: { completed: 1 }, moved: [{ householdNo: 'H1', from: 'under_construction', to: 'completed' }] },
    });
    out = [];
    expect(await main(['report', '--db', db, '--kind', 'housing-progress', '--date', '2020-06-01', '--period', 'weekly'])).toBe(0);
    expect(out.join('\n')).toContain('危房改造进度周报（2020-06-01，与 2020-05-25 相比）');
  });
});
