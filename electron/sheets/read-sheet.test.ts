import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/domain/app-error.js';
import { readSheet } from './read-sheet.js';

const ID = '371502199001011234';

async function xlsxOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('户籍'));
  workbook.addWorksheet('第二页').getCell('A1').value = '不读';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('readSheet: xlsx', () => {
  it('reads the first worksheet as display strings with Excel row numbers', async () => {
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['姓名', '身份证\n号码', ' 出生日期 ', '人口数', '备注', '链接']);
      sheet.addRow([' 张三 ', ID, new Date(Date.UTC(1990, 0, 2)), 4, { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }, { text: '网站', hyperlink: 'http://example.cn' }]);
      sheet.addRow([]);
      sheet.addRow(['李四', '', null, { formula: '1+2', result: 3 }, 0.1 + 0.2, { error: '#N/A' }]);
      sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    });
    const data = await readSheet(content, '户籍台账.XLSX');
    expect(data.headers).toEqual(['姓名', '身份证号码', '出生日期', '人口数', '备注', '链接']);
    expect(data.rows).toEqual([
      { rowNumber: 2, cells: ['张三', ID, '1990-01-02', '4', '富文本', '网站'] },
      { rowNumber: 4, cells: ['李四', '', '', '3', '0.3', ''] },
    ]);
  });

  it('gives an ID Excel stored as a number as its full integer digits', async () => {
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['身份证号']);
      sheet.addRow([3.71502199001011e17]);
    });
    const data = await readSheet(content, 'a.xlsx');
    expect(data.rows[0]!.cells[0]).toBe('371502199001011008');
  });

  it('repeats a merged cell value in each row it covers and pads short rows', async () => {
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['户编号', '姓名', '住址']);
      sheet.addRow(['H1', '张三', '一组']);
      sheet.addRow(['H1', '张小三']);
      sheet.mergeCells('C2:C3');
    });
    const data = await readSheet(content, 'a.xlsx');
    expect(data.rows.map((r) => r.cells)).toEqual([['H1', '张三', '一组'], ['H1', '张小三', '一组']]);
  });

  it('rejects a file that is not a workbook', async () => {
    const err = await rejection(readSheet(Buffer.from('not a zip'), '台账.xlsx'));
    expect(err.kind).toBe('bad_request');
    expect(err.code).toBe('file.unreadable');
    expect(err.params).toMatchObject({ fileName: '台账.xlsx' });
    expect(String(err.params.detail)).not.toBe('');
  });
});

describe('readSheet: csv', () => {
  const text = '姓名,身份证号,备注\r\n张三,371502199001011234,一组\r\n\r\n李四,110101199003074514,\r\n';
  const expected = {
    headerRow: 1,
    headers: ['姓名', '身份证号', '备注'],
    rows: [
      { rowNumber: 2, cells: ['张三', ID, '一组'] },
      { rowNumber: 4, cells: ['李四', '110101199003074514', ''] },
    ],
  };

  it('reads UTF-8 with BOM', async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(await readSheet(content, 'a.csv')).toEqual(expected);
  });

  it('reads UTF-8 without BOM', async () => {
    expect(await readSheet(Buffer.from(text, 'utf8'), 'a.csv')).toEqual(expected);
  });

  it('reads GB18030, as Chinese Excel saves CSV', async () => {
    const content = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(content)).toThrow();
    expect(await readSheet(content, 'a.csv')).toEqual(expected);
  });

  it('reads GB18030 characters outside GBK (four-byte sequences)', async () => {
    const content = iconv.encode('姓名\n𠀀䶮\n', 'gb18030');
    expect((await readSheet(content, 'a.csv')).rows[0]!.cells).toEqual(['𠀀䶮']);
  });

  it('reads quoted fields holding commas, quotes and line breaks; numbers rows as Excel does', async () => {
    const csv = '"身份证\n号码",住址,备注\n' + `${ID},"一组,二号","他说""好""\n第二行"\n` + '\n,,\n' + 'X,Y,Z\n';
    const data = await readSheet(Buffer.from(csv, 'utf8'), 'a.csv');
    expect(data.headers).toEqual(['身份证号码', '住址', '备注']);
    // Excel shows a quoted line break inside one cell, so records (not lines) are its rows.
    expect(data.rows).toEqual([
      { rowNumber: 2, cells: [ID, '一组,二号', '他说"好"\n第二行'] },
      { rowNumber: 5, cells: ['X', 'Y', 'Z'] },
    ]);
  });

  it('tolerates ragged rows, stray quotes and tab-delimited .txt', async () => {
    const ragged = await readSheet(Buffer.from('a,b,c,\n1\n2,5"寸,3,,\n', 'utf8'), 'a.csv');
    expect(ragged).toEqual({ headerRow: 1, headers: ['a', 'b', 'c'], rows: [{ rowNumber: 2, cells: ['1', '', ''] }, { rowNumber: 3, cells: ['2', '5"寸', '3'] }] });
    const tabbed = await readSheet(iconv.encode('姓名\t备注\n张三\t一,二\n', 'gb18030'), 'a.txt');
    expect(tabbed.rows[0]!.cells).toEqual(['张三', '一,二']);
    const unicodeText = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('姓名\t备注\r\n张三\t一组\r\n', 'utf-16le')]);
    expect((await readSheet(unicodeText, 'a.txt')).rows[0]!.cells).toEqual(['张三', '一组']);
  });

  it('reads an empty file as no headers and no rows', async () => {
    expect(await readSheet(Buffer.alloc(0), 'a.csv')).toEqual({ headers: [], rows: [] });
  });
});

describe('readSheet: file types', () => {
  it.each(['台账.xls', '台账.et', '台账', 'a.pdf'])('rejects %s as unsupported', async (fileName) => {
    const err = await rejection(readSheet(Buffer.from('x'), fileName));
    expect(err.kind).toBe('bad_request');
    expect(err.code).toBe('file.unsupported');
    expect(err.params).toEqual({ fileName });
  });
});
