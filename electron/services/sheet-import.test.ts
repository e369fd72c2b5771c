import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { writeXlsx, writeCsv } from '../sheets/write-sheet.js';
import { readSheet } from '../sheets/read-sheet.js';
import { makeFixture, validId, type Fixture } from '../test/workstation-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  await f.cleanup();
});

const HEADERS = ['户编号', '村', '户类型', '主要致贫原因', '姓名', '证件号码', '与户主关系', '健康状况', '残疾类别', '残疾等级', '联系电话'];
const A1 = validId('19650312', 11);
const A2 = validId('19680720', 22);
const B1 = validId('19700101', 51);
const B2 = validId('19950505', 62);

function goodRows(): string[][] {
  return [
    ['H1', '张庄村', '建档立卡贫困户', '因病', '张三', A1, '户主', '长期慢性病', '', '', '13800000001'],
    ['H1', '张庄村', '建档立卡贫困户', '因病', '李四', A2.toLowerCase(), '配偶', '健康', '', '', ''],
    ['H2', '371502100202', '边缘户', '因残', '王五', B1, '户主', '残疾', '肢体', '二级', ''],
    ['H2', '371502100202', '边缘户', '因残', '王小五', B2, '子', '', '', '', ''],
  ];
}

const csvUpload = (rows: string[][], name = 'persons.csv') => ({ kind: 'persons' as const, fileName: name, contentBase64: writeCsv(HEADERS, rows).toString('base64') });

describe('persons import', () => {
  it('previews exactly what a commit does, without writing', async () => {
    const preview = await f.call('import/preview', csvUpload(goodRows()));
    expect(preview).toMatchObject({ rows: 4, validRows: 4, issues: [], households: { added: 2 }, persons: { added: 4 } });
    const count = await f.workstation.db.get<{ n: number }>('SELECT count(*) AS n FROM household');
    expect(count?.n).toBe(0);
  });

  it('commits, and re-importing the same sheet creates nothing', async () => {
    const first = await f.call('import/commit', csvUpload(goodRows()));
    expect(first).toMatchObject({ committed: true, households: { added: 2 }, persons: { added: 4 }, rejects: null });
    const again = await f.call('import/commit', csvUpload(goodRows()));
    expect(again).toMatchObject({ committed: true, households: { added: 0, updated: 0, unchanged: 2 }, persons: { added: 0, unchanged: 4 } });
    const page = await f.call('households/page', { startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => [r.householdNo, r.headName, r.memberCount, r.villageName])).toEqual([
      ['H1', '张三', 2, '张庄村'],
      ['H2', '王五', 2, '李楼村'],
    ]);
  });

  it('reports every bad row with row number, column and reason, and imports nothing by default', async () => {
    const rows = goodRows();
    rows[1]![5] = A2.slice(0, 17) + (A2[17] === '1' ? '2' : '1'); // row 3: bad check character
    rows[3]![2] = '富裕户'; // row 5: not a household type
    const result = await f.call('import/commit', csvUpload(rows));
    expect(result.committed).toBe(false);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, '身份证号', 'idNumber.checksum'],
      [5, '户类型', 'notInList'],
    ]);
    const count = await f.workstation.db.get<{ n: number }>('SELECT count(*) AS n FROM person');
    expect(count?.n).toBe(0);
  });

  it('with skipInvalid imports whole valid households and returns the rejected rows with reasons', async () => {
    const rows = goodRows();
    rows[3]![5] = '12345'; // row 5 (H2) is bad, so H2 is held back whole
    const result = await f.call('import/commit', { ...csvUpload(rows), skipInvalid: true });
    expect(result).toMatchObject({ committed: true, validRows: 2, households: { added: 1 }, persons: { added: 2 } });
    const rejects = await readSheet(Buffer.from(result.rejects!.contentBase64, 'base64'), result.rejects!.fileName);
    expect(rejects.headers.at(-1)).toBe('错误原因');
    expect(rejects.rows.map((r) => [r.cells[0], r.cells.at(-1)])).toEqual([
      ['4', '同一户的其他行有错误，整户未导入'],
      ['5', '身份证号：应为 18 位（17 位数字加校验位），现为 5 位'],
    ]);
  });

  it('checks the household as a whole: one head, counting members already registered', async () => {
    await f.call('import/commit', csvUpload(goodRows().slice(0, 2)));
    const extraHead = [['H1', '张庄村', '', '', '赵六', validId('19800808', 71), '户主', '', '', '', '']];
    const result = await f.call('import/preview', csvUpload(extraHead));
    expect(result.issues).toEqual([expect.objectContaining({ row: 2, column: '与户主关系', code: 'household.manyHeads' })]);
  });

  it('refuses an ID number held by another household, and one repeated in the sheet', async () => {
    await f.call('import/commit', csvUpload(goodRows().slice(0, 2)));
    const rows = [
      ['H3', '张庄村', '', '', '甲', validId('19810101', 81), '户主', '', '', '', ''],
      ['H3', '张庄村', '', '', '乙', A2, '配偶', '', '', '', ''],
      ['H4', '张庄村', '', '', '丙', validId('19810101', 81), '户主', '', '', '', ''],
    ];
    const result = await f.call('import/preview', csvUpload(rows));
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'idNumber.heldByOther'],
      [4, 'idNumber.duplicateInSheet'],
    ]);
  });

  it('lists a missing required column and ignores unknown ones', async () => {
    const upload = { kind: 'persons' as const, fileName: 'x.csv', contentBase64: writeCsv(['户编号', '村', '姓名', '备注栏'], [['H1', '张庄村', '张三', '']]).toString('base64') };
    const result = await f.call('import/preview', upload);
    expect(result.issues.map((i) => i.column)).toEqual(['身份证号', '与户主关系']);
    expect(result.ignoredColumns).toEqual(['备注栏']);
  });

  it('reads GB18030 CSV, as Chinese Excel saves it, and .xlsx', async () => {
    const text = [HEADERS, ...goodRows()].map((r) => r.join(',')).join('\r\n');
    const gb = { kind: 'persons' as const, fileName: 'gb.csv', contentBase64: iconv.encode(text, 'gb18030').toString('base64') };
    expect(await f.call('import/preview', gb)).toMatchObject({ validRows: 4, issues: [] });
    const xlsx = await writeXlsx('Sheet1', HEADERS, goodRows(), { textColumns: [5] });
    const result = await f.call('import/commit', { kind: 'persons', fileName: 'p.xlsx', contentBase64: xlsx.toString('base64') });
    expect(result).toMatchObject({ committed: true, persons: { added: 4 } });
  });

  it('exports the register in the import format, and the export imports back unchanged', async () => {
    await f.call('import/commit', csvUpload(goodRows()));
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await f.call('export/sheet', { kind: 'persons', format });
      const sheet = await readSheet(Buffer.from(file.contentBase64, 'base64'), file.fileName);
      expect(sheet.rows).toHaveLength(4);
      expect(sheet.rows[0]!.cells[sheet.headers.indexOf('身份证号')]).toBe(A1);
      expect(sheet.rows[2]!.cells[sheet.headers.indexOf('残疾等级')]).toBe('二级');
      const back = await f.call('import/commit', { kind: 'persons', fileName: file.fileName, contentBase64: file.contentBase64 });
      expect(back).toMatchObject({ committed: true, issues: [], households: { added: 0, updated: 0, unchanged: 2 } });
    }
    const csv = await f.call('export/sheet', { kind: 'persons', format: 'csv' });
    expect(Buffer.from(csv.contentBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('serves a template whose headers the import recognises', async () => {
    const template = await f.call('templates/get', { kind: 'persons' });
    const preview = await f.call('import/preview', { kind: 'persons', ...template });
    expect(preview.ignoredColumns).toEqual([]);
    expect(preview.rows).toBe(1);
  });
});

describe('villages import', () => {
  it('adds and renames villages, and refuses codes outside the township whole', async () => {
    const sheet = (rows: string[][]) => ({ fileName: 'v.csv', contentBase64: writeCsv(['村代码', '村名'], rows).toString('base64') });
    expect(await f.call('villages/import', sheet([['371502100203', '王屯村'], ['371502100201', '张庄']]))).toEqual({ added: 1, renamed: 1, issues: [] });
    const bad = await f.call('villages/import', sheet([['371502100204', '后寨村'], ['371502999001', '外乡村']]));
    expect(bad.added).toBe(0);
    expect(bad.issues).toEqual([expect.objectContaining({ row: 3, column: '村代码', code: 'village.notInTownship' })]);
    expect((await f.call('villages/list', {})).map((v) => v.name)).toEqual(['张庄', '李楼村', '王屯村']);
  });
});

describe('sheets as clerks make them', () => {
  it('finds the header below a title line and keeps Excel row numbers', async () => {
    const rows = [['XX镇建档立卡户花名册', '', '', '', '', '', '', '', '', '', ''], HEADERS, ...goodRows()];
    const xlsx = await writeXlsx('花名册', rows[0]!, rows.slice(1));
    const bad = await f.call('import/preview', { kind: 'persons', fileName: 't.xlsx', contentBase64: xlsx.toString('base64') });
    expect(bad).toMatchObject({ rows: 4, validRows: 4, issues: [] });
    const withError = rows.map((r) => [...r]);
    withError[3]![6] = '朋友';
    const xlsx2 = await writeXlsx('花名册', withError[0]!, withError.slice(1));
    const result = await f.call('import/preview', { kind: 'persons', fileName: 't.xlsx', contentBase64: xlsx2.toString('base64') });
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([[4, '与户主关系']]);
  });

  it('guards exported CSV cells against formula injection and reads them back unchanged', async () => {
    const rows = goodRows();
    rows[0]![4] = '=HYPERLINK("x")';
    await f.call('import/commit', csvUpload(rows));
    const csv = await f.call('export/sheet', { kind: 'persons', format: 'csv' });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const back = await f.call('import/commit', { kind: 'persons', fileName: csv.fileName, contentBase64: csv.contentBase64 });
    expect(back).toMatchObject({ households: { unchanged: 2 }, persons: { unchanged: 4 } });
  });
});
