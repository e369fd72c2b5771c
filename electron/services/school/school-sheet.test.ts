import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { household, makeFixture, member, validId, type Fixture } from '../../test/workstation-fixture.js';
import { readSheet } from '../../sheets/read-sheet.js';
import { main } from '../../cli/main.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
  await f.call('households/save', {
    household: household('H0001'),
    members: [member('王父', FATHER, 'head'), member('王小明', PUPIL, 'son'), member('王大姐', STUDENT, 'daughter')],
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await f.cleanup();
});

const FATHER = validId('19780312', 11);
const PUPIL = validId('20120501', 31);
const STUDENT = validId('20010203', 42);
const HEADERS = '姓名,身份证号,学年,学期,学段,学校,资助项目,金额（元）,发放日期,外省就读';

const csv = (...lines: string[]) => ({ fileName: 'aid.csv', contentBase64: Buffer.from(`\uFEFF${[HEADERS, ...lines].join('\n')}\n`).toString('base64') });
const good = [
  `王小明,${PUPIL},2020-2021,秋季,小学,张庄小学,生活补助,500,2020/10/20,否`,
  `王大姐,${STUDENT},2020-2021,秋季,高等教育,河北大学,雨露计划补助,"1,500.00",2020-10-20,是`,
];
const count = async () => (await f.workstation.db.get<{ n: number }>('SELECT count(*) AS n FROM school_aid'))!.n;

describe('school sheet import', () => {
  it('previews without writing, then commits every good row', async () => {
    const preview = await f.call('import/preview', { ...csv(...good), kind: 'school' });
    expect(preview).toMatchObject({ rows: 2, validRows: 2, records: { added: 2 }, issues: [] });
    expect(await count()).toBe(0);
    const commit = await f.call('import/commit', { ...csv(...good), kind: 'school' });
    expect(commit).toMatchObject({ committed: true, records: { added: 2 } });
    expect(await count()).toBe(2);
  });

  it('is all or nothing: one bad row refuses the sheet with row, column and reason; skipInvalid keeps the good ones', async () => {
    const rows = [
      ...good,
      `王小明,${PUPIL},2020-2021,秋季,小学,张庄小学,生活补助,500,2020-10-20,否`,
      `李某,${validId('20100101', 51)},2020-2021,秋季,小学,,生活补助,abc,,否`,
      `王小明,${PUPIL},2020-2021,冬季,小学,,生活补助,500,,否`,
      `张三,${STUDENT},2020-2021,春季,高等教育,,雨露计划补助,1500,,是`,
    ];
    const refused = await f.call('import/commit', { ...csv(...rows), kind: 'school' });
    expect(refused.committed).toBe(false);
    expect(await count()).toBe(0);
    expect(refused.issues.map((i) => `${i.row}:${i.column}:${i.code}`)).toEqual([
      '4:资助项目:school.duplicateInSheet',
      '5:身份证号:school.unknownPerson',
      '5:金额（元）:money.format',
      '6:学期:notInList',
      '7:姓名:school.nameMismatch',
    ]);
    const partial = await f.call('import/commit', { ...csv(...rows), kind: 'school', skipInvalid: true });
    expect(partial).toMatchObject({ committed: true, validRows: 2, records: { added: 2 } });
    const rejects = await readSheet(Buffer.from(partial.rejects!.contentBase64, 'base64'), 'r.csv');
    expect(rejects.rows.map((r) => r.cells[0])).toEqual(['4', '5', '6', '7']);
  });

  it('reports a missing required column by its header', async () => {
    const sheet = { fileName: 'x.csv', contentBase64: Buffer.from(`身份证号,资助项目\n${PUPIL},生活补助\n`).toString('base64') };
    const result = await f.call('import/preview', { ...sheet, kind: 'school' });
    expect(result.issues.map((i) => i.column)).toEqual(['学年', '学期', '学段', '金额（元）']);
  });

  it('exports in the import format, and the export imports again as unchanged', async () => {
    await f.call('import/commit', { ...csv(...good), kind: 'school' });
    const file = await f.call('export/sheet', { kind: 'school', format: 'xlsx' });
    const sheet = await readSheet(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    expect(sheet.headers.slice(0, 10).join(',')).toBe(HEADERS);
    expect(sheet.rows.map((r) => r.cells.slice(0, 8))).toContainEqual(['王小明', PUPIL, '2020-2021', '秋季', '小学', '张庄小学', '生活补助', '500.00']);
    const again = await f.call('import/commit', { fileName: file.fileName, contentBase64: file.contentBase64, kind: 'school' });
    expect(again).toMatchObject({ committed: true, records: { added: 0, unchanged: 2 }, issues: [] });
    expect(again.ignoredColumns).toEqual(['户编号', '村', '审核状态', '提示']);
    const template = await f.call('templates/get', { kind: 'school' });
    const t = await readSheet(Buffer.from(template.contentBase64, 'base64'), template.fileName);
    expect(t.headers.slice(0, 11)).toEqual([...HEADERS.split(','), '备注']);
  });
});

describe('CLI', () => {
  it('import --kind school, export --kind school and report --kind school-aid --json', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await f.workstation.close();
    const sheet = join(f.dir, 'aid.csv');
    await writeFile(sheet, Buffer.from(csv(...good).contentBase64, 'base64'));
    expect(await main(['import', '--db', f.file, '--kind', 'school', sheet, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, records: { added: 2 } });
    out.length = 0;
    const exported = join(f.dir, 'aid-out.csv');
    expect(await main(['export', '--db', f.file, '--kind', 'school', '--out', exported])).toBe(0);
    expect((await readFile(exported, 'utf8')).split('\n')).toHaveLength(4);
    out.length = 0;
    expect(await main(['report', '--db', f.file, '--kind', 'school-aid', '--year', '2020', '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n')) as { report: { total: unknown } };
    expect(report.report.total).toEqual({ count: 2, persons: 2, amountFen: 200000 });
    out.length = 0;
    expect(await main(['report', '--db', f.file, '--kind', 'school-aid', '--year', '2020'])).toBe(0);
    expect(out.join('\n')).toContain('合计：2 人次（2 人）0.2 万元');
  });
});
