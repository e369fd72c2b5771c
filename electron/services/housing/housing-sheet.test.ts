import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../../test/workstation-fixture.js';
import { writeCsv } from '../../sheets/write-sheet.js';
import { readSheet } from '../../sheets/read-sheet.js';
import { addHousehold, finishedRepair } from './housing-test-data.js';
import { sheetDate } from './housing-sheet.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
  await addHousehold(f, 'H001', '张三', 11);
  await addHousehold(f, 'H002', '李四', 13);
});
afterEach(() => f.cleanup());

const HEADERS = ['户编号', '鉴定日期', '安全等级', '改造方式', '中央补助（元）', '开工日期', '竣工日期', '铭牌已悬挂'];
const csv = (rows: string[][]) => ({ fileName: '危房改造.csv', contentBase64: writeCsv(HEADERS, rows).toString('base64'), kind: 'housing' as const });

describe('housing sheet import', () => {
  it('imports a sheet, parsing Chinese labels, yuan and date spellings', async () => {
    const result = await f.call('import/commit', csv([
      ['H001', '2020/3/1', 'D级', '拆除重建', '14,000.50', '2020年4月1日', '20200601', '是'],
      ['H002', '2020-05-01', 'C', '修缮加固', '', '', '', '否'],
    ]));
    expect(result).toMatchObject({ committed: true, rows: 2, validRows: 2, households: { added: 2, updated: 0, unchanged: 0 }, issues: [] });
    const page = await f.call('housing/page', { startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => [r.householdNo, r.stage, r.subsidyTotalFen])).toEqual([['H001', 'completed', 1_400_050], ['H002', 'appraised', 0]]);
  });

  it('refuses the whole sheet when a row is bad, naming row, column and reason', async () => {
    const upload = csv([
      ['H001', '2020-03-01', 'D', '拆除重建', '14000', '2020-02-01', '', ''],
      ['H002', '2020-05-01', 'E', '', '', '', '', ''],
      ['H009', '', '', '', '', '', '', ''],
    ]);
    const result = await f.call('import/commit', upload);
    expect(result.committed).toBe(false);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '开工日期', 'housing.before.appraisalDate'],
      [3, '安全等级', 'notInList'],
      [4, '户编号', 'housing.householdUnknown'],
    ]);
    expect((await f.call('housing/page', { startRow: 0, endRow: 10 })).total).toBe(0);
    const partial = await f.call('import/commit', { ...upload, skipInvalid: true });
    expect(partial.committed).toBe(true);
    expect(partial.validRows).toBe(0);
    expect(Buffer.from(partial.rejects!.contentBase64, 'base64').toString('utf8')).toContain('早于鉴定日期');
  });

  it('refuses one household twice in a sheet', async () => {
    const result = await f.call('import/preview', csv([['H001', '', '', '', '', '', '', ''], ['H001', '', '', '', '', '', '', '']]));
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[3, 'housing.duplicateInSheet']]);
  });

  it('exports a sheet that imports again unchanged, and a template with the same headers', async () => {
    await f.call('housing/save', { repair: finishedRepair('H001') });
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await f.call('export/sheet', { kind: 'housing', format });
      const again = await f.call('import/commit', { kind: 'housing', fileName: file.fileName, contentBase64: file.contentBase64 });
      expect(again).toMatchObject({ committed: true, households: { added: 0, updated: 0, unchanged: 1 }, issues: [], ignoredColumns: [] });
    }
    const template = await f.call('templates/get', { kind: 'housing' });
    const sheet = await readSheet(Buffer.from(template.contentBase64, 'base64'), template.fileName);
    expect(sheet.headers).toContain('县级公示日期');
    expect(sheet.rows[0]!.cells[0]).toBe('3715021000010001');
  });
});

describe('sheetDate', () => {
  it('reads the spellings clerks use and refuses others', () => {
    expect(['2020-3-1', '2020/03/01', '2020.3.1', '2020年3月1日', '20200301'].map(sheetDate)).toEqual(Array(5).fill('2020-03-01'));
    expect(sheetDate('3/1/2020')).toBeNull();
    expect(sheetDate('去年')).toBeNull();
  });
});
