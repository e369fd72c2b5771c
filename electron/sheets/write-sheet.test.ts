import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readSheet } from './read-sheet.js';
import { writeCsv, writeXlsx, type Cell } from './write-sheet.js';

const HEADERS = ['户编号', '姓名', '身份证号', '人口数', '年收入（元）', '备注'];
const ROWS: Cell[][] = [
  ['0012', '张三', '371502199001011234', 4, 12345.67, '他说"好",\n第二行'],
  ['0013', '李四', '11010119900307451X', null, 0, null],
];
const TEXT_COLUMNS = [0, 2];

describe('writeXlsx', () => {
  it('round-trips through readSheet with every digit of IDs kept', async () => {
    const content = await writeXlsx('户籍台账', HEADERS, ROWS, { textColumns: TEXT_COLUMNS });
    const data = await readSheet(content, 'export.xlsx');
    expect(data.headers).toEqual(['户编号', '姓名', '身份证号', '人口数', '年收入（元）', '备注']);
    expect(data.rows).toEqual([
      { rowNumber: 2, cells: ['0012', '张三', '371502199001011234', '4', '12345.67', '他说"好",\n第二行'] },
      { rowNumber: 3, cells: ['0013', '李四', '11010119900307451X', '', '0', ''] },
    ]);
  });

  it('stores text columns as text with format @, bold frozen header, sensible widths', async () => {
    const columnWidths: number[] = [];
    columnWidths[1] = 30; // only the name column is set; the others are sized to content
    const content = await writeXlsx('户籍:台账/2024', HEADERS, [[12, '张三', 371502199001011, 4, 1, '']], { textColumns: TEXT_COLUMNS, columnWidths });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('户籍_台账_2024');
    const id = sheet.getCell('C2');
    expect(id.value).toBe('371502199001011');
    expect(id.numFmt).toBe('@');
    expect(sheet.getCell('A2').value).toBe('12');
    expect(sheet.getCell('D2').value).toBe(4);
    expect(sheet.getCell('D2').numFmt).not.toBe('@');
    // Cells typed later under an ID column must stay text as well.
    expect(sheet.getColumn(3).numFmt).toBe('@');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(15 + 2); // 15 digits plus margin
    for (let c = 1; c <= HEADERS.length; c++) expect(sheet.getColumn(c).width).toBeLessThanOrEqual(50);
    // "年收入（元）" is six CJK characters: twelve units wide, plus margin.
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(12);
  });

  it('writes a header-only sheet', async () => {
    const data = await readSheet(await writeXlsx('空', ['姓名'], []), 'a.xlsx');
    expect(data).toEqual({ headerRow: 1, headers: ['姓名'], rows: [] });
  });
});

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const content = writeCsv(['姓名', '备注'], [['张三', '一组']]);
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(content.subarray(3).toString('utf8')).toBe('姓名,备注\r\n张三,一组\r\n');
  });

  it('quotes fields per RFC 4180', () => {
    const content = writeCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'line\nbreak', null], [1.5, '', 'plain', 0]]);
    expect(content.subarray(3).toString('utf8')).toBe('a,b,c,d\r\n"x,y","say ""hi""","line\nbreak",\r\n1.5,,plain,0\r\n');
  });

  it('round-trips through readSheet', async () => {
    const data = await readSheet(writeCsv(HEADERS, ROWS), 'export.csv');
    expect(data.headers).toEqual(HEADERS);
    expect(data.rows).toEqual([
      { rowNumber: 2, cells: ['0012', '张三', '371502199001011234', '4', '12345.67', '他说"好",\n第二行'] },
      { rowNumber: 3, cells: ['0013', '李四', '11010119900307451X', '', '0', ''] },
    ]);
  });
});
