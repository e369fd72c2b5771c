import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { household, makeFixture, member, validId, VILLAGE_B, type Fixture } from '../../test/workstation-fixture.js';
import { readSheet } from '../../sheets/read-sheet.js';
import { main } from '../../cli/main.js';

let f: Fixture;
let supplyId: string;
beforeEach(async () => {
  f = await makeFixture();
  for (const [no, seq] of [['H1', 11], ['H2', 21]] as const) {
    await f.call('households/save', { household: household(no), members: [member(`户主${seq}`, validId('19650312', seq), 'head')] });
  }
  supplyId = (await f.call('water/supplies/save', { villageCode: '371502100201', name: '张庄水厂', supplyType: 'centralized' })).id;
  await f.call('water/supplies/save', { villageCode: VILLAGE_B, name: '村东井', supplyType: 'dispersed' });
});
afterEach(async () => {
  await f.cleanup();
});

const csv = (text: string) => ({ fileName: 'sheet.csv', contentBase64: Buffer.from(`\uFEFF${text}`).toString('base64') });

const ASSESSMENTS = '户编号,评价日期,供水方式,供水工程,自来水入户,取水水平距离（米）,人均日用水量（升）,全年缺水天数,现场查看（望闻问尝）\n' +
  'H1,2021-05-10,集中供水,张庄水厂,是,,60,0,\n' +
  'H2,2021/5/11,分散供水,李楼村/村东井,否,1000,40,10,合格\n';

describe('the assessments sheet', () => {
  it('imports, computes the indicators, and a re-import changes nothing', async () => {
    const first = await f.call('import/commit', { ...csv(ASSESSMENTS), kind: 'water-assessment' });
    expect(first).toMatchObject({ committed: true, rows: 2, validRows: 2, records: { added: 2, updated: 0, unchanged: 0 }, issues: [] });
    const page = await f.call('water/assessments/page', { startRow: 0, endRow: 10 });
    // H1: no test of its supply yet, so 水质 fails; H2: no tap and 1000 m to the well, so 方便程度 fails.
    expect(page.rows.map((r) => [r.householdNo, r.results.quality, r.results.convenience, r.passed])).toEqual([['H1', false, true, false], ['H2', true, false, false]]);
    const again = await f.call('import/commit', { ...csv(ASSESSMENTS), kind: 'water-assessment' });
    expect(again.records).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('reports every bad row with its column and reason and writes nothing (all or nothing)', async () => {
    const bad = '户编号,评价日期,供水方式,供水工程,自来水入户,人均日用水量（升）,全年缺水天数\n' +
      'H1,2021-05-10,集中供水,张庄水厂,是,60,0\n' +
      'H9,2021-02-30,自来水,不存在的水厂,是,很多,0\n' +
      'H2,2021-05-10,集中供水,,是,60,0\n';
    const result = await f.call('import/commit', { ...csv(bad), kind: 'water-assessment' });
    expect(result.committed).toBe(false);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, '评价日期', 'invalid'], [3, '供水方式', 'notInList'], [3, '人均日用水量（升）', 'invalid'],
      [3, '户编号', 'water.householdNoUnknown'], [3, '供水工程', 'water.supplyNameUnknown'],
      [4, '供水工程', 'water.supplyRequired'],
    ]);
    expect((await f.call('water/assessments/page', { startRow: 0, endRow: 10 })).total).toBe(0);
    const some = await f.call('import/commit', { ...csv(bad), kind: 'water-assessment', skipInvalid: true });
    expect(some).toMatchObject({ committed: true, validRows: 1 });
    expect(Buffer.from(some.rejects!.contentBase64, 'base64').toString()).toContain('户编号 H9 不在户籍台账中');
  });

  it('exports the ledger with its results in the import format, and offers a template', async () => {
    await f.call('import/commit', { ...csv(ASSESSMENTS), kind: 'water-assessment' });
    const file = await f.call('export/sheet', { kind: 'water-assessment', format: 'xlsx' });
    const sheet = await readSheet(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    expect(sheet.headers.slice(0, 5)).toEqual(['户编号', '户主', '村', '评价日期', '供水方式']);
    expect(sheet.rows[0]?.cells.slice(0, 6)).toEqual(['H1', '户主11', '张庄村', '2021-05-10', '集中供水', '张庄村/张庄水厂']);
    const reimport = await f.call('import/commit', { fileName: file.fileName, contentBase64: file.contentBase64, kind: 'water-assessment' });
    expect(reimport).toMatchObject({ committed: true, records: { unchanged: 2 } });
    const template = await f.call('templates/get', { kind: 'water-assessment' });
    expect(template.fileName).toBe('饮水安全入户评价导入模板.xlsx');
  });
});

describe('the tests sheet', () => {
  it('imports tests with their parameters, judges them, and marks households of a failed supply', async () => {
    await f.call('water/assessments/save', { householdId: (await f.call('households/page', { startRow: 0, endRow: 1 })).rows[0]!.id, assessedOn: '2021-05-10', supplyType: 'centralized', supplyId, tapInHome: true, litresPerPersonDay: 60, shortageDays: 0 });
    const sheet = '供水工程,采样日期,检测类型,检测机构,采样地点,浑浊度（NTU）,pH,总大肠菌群（MPN/100mL）\n' +
      '张庄水厂,2021-05-01,月检,县疾控中心,水厂,0.5,7.2,未检出\n' +
      '张庄水厂,2021-06-01,第三方入户抽检,第三方检测公司,入户,1.6,7.0,3\n';
    const result = await f.call('import/commit', { ...csv(sheet), kind: 'water-test' });
    expect(result).toMatchObject({ committed: true, records: { added: 2 } });
    const failed = await f.call('water/tests/page', { startRow: 0, endRow: 10, passed: false });
    expect(failed.rows[0]?.failures.map((x) => [x.parameter, x.excess])).toEqual([['total_coliforms', '3'], ['turbidity', '0.6']]);
    expect((await f.call('water/assessments/page', { startRow: 0, endRow: 10, needsReassessment: true })).total).toBe(1);
    expect((await f.call('import/commit', { ...csv(sheet), kind: 'water-test' })).records).toEqual({ added: 0, updated: 0, unchanged: 2 });

    const file = await f.call('export/sheet', { kind: 'water-test', format: 'csv' });
    const text = Buffer.from(file.contentBase64, 'base64').toString();
    expect(text).toContain('浑浊度 1.6，超过上限 1，超出 0.6');
  });

  it('refuses a row without any result and a value that is not a number', async () => {
    const sheet = '供水工程,采样日期,检测类型,检测机构,采样地点,浑浊度（NTU）\n张庄水厂,2021-05-01,月检,县疾控中心,水厂,\n张庄水厂,2021-05-02,月检,县疾控中心,水厂,浑\n';
    const result = await f.call('import/preview', { ...csv(sheet), kind: 'water-test' });
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, '检测结果', 'water.noValues'], [3, '浑浊度（NTU）', 'water.valueFormat']]);
  });
});

describe('the CLI', () => {
  it('imports, exports and reports with --json', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    try {
      const sheet = join(f.dir, 'a.csv');
      await writeFile(sheet, `\uFEFF${ASSESSMENTS}`);
      expect(await main(['import', '--db', f.file, '--kind', 'water-assessment', sheet, '--json'])).toBe(0);
      expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, records: { added: 2 } });
      out.length = 0;
      const xlsx = join(f.dir, 'tests.xlsx');
      expect(await main(['export', '--db', f.file, '--kind', 'water-test', '--out', xlsx])).toBe(0);
      expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');
      out.length = 0;
      expect(await main(['report', '--db', f.file, '--kind', 'water', '--year', '2021', '--json'])).toBe(0);
      expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, report: { year: 2021, assessments: { total: 2, passed: 0 } } });
      out.length = 0;
      expect(await main(['report', '--db', f.file, '--kind', 'water', '--year', '2021'])).toBe(0);
      expect(out.join('\n')).toContain('2021 年饮水安全统计');
    } finally {
      vi.restoreAllMocks();
    }
  });
});
