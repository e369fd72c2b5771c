import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/domain/app-error.js';
import { readSheet, type ReadOptions, type SheetData } from './read-sheet.js';
import { openSheetStream, type SheetSource } from './stream-sheet.js';

const ID = '371502199001011234';

/** The stream collected and padded as readSheet pads, so the two can be compared whole. */
async function streamed(content: SheetSource, fileName: string, options: ReadOptions = {}): Promise<SheetData> {
  const stream = await openSheetStream(content, fileName, options);
  const rows = [];
  for await (const row of stream.rows) rows.push(row);
  if (stream.headerRow === undefined) return { headers: [], rows: [] };
  const width = [stream.headers, ...rows.map((r) => r.cells)].reduce((w, cells) => Math.max(w, cells.findLastIndex((c) => c !== '') + 1), 0);
  const fit = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return { headerRow: stream.headerRow, headers: fit(stream.headers), rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: fit(r.cells) })) };
}

const uploads = mkdtempSync(join(tmpdir(), 'taizhang-stream-sheet-'));
afterAll(() => rmSync(uploads, { recursive: true, force: true }));
let stored = 0;

/** The same bytes as a stored upload: read from disk in pieces (encoding found over the whole file). */
function asStoredFile(content: Buffer, fileName: string): { path: string } {
  const path = join(uploads, `${++stored}${extname(fileName)}`);
  writeFileSync(path, content);
  return { path };
}

async function same(content: Buffer, fileName: string, options: ReadOptions = {}): Promise<SheetData> {
  const whole = await readSheet(content, fileName, options);
  expect(await streamed(content, fileName, options)).toEqual(whole);
  expect(await streamed(asStoredFile(content, fileName), fileName, options)).toEqual(whole);
  return whole;
}

async function xlsxOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('报销'));
  workbook.addWorksheet('第二页').getCell('A1').value = '不读';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('openSheetStream reads what readSheet reads, row by row', () => {
  it('xlsx: display strings, dates, rich text, formulas, Excel row numbers, first sheet only', async () => {
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['姓名', '身份证\n号码', ' 入院日期 ', '金额', '备注']);
      sheet.addRow([' 张三 ', ID, new Date(Date.UTC(2020, 2, 2)), 12.5, { richText: [{ text: '富' }, { text: '文本' }] }]);
      sheet.addRow([]);
      sheet.addRow(['李四', 3.71502199001011e17, null, { formula: '1+2', result: 3 }, { error: '#N/A' }]);
      sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    });
    const data = await same(content, 'a.xlsx');
    expect(data.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('xlsx: Chinese text across the reader\'s chunk boundaries comes out whole (patched exceljs)', async () => {
    const words = ['冠县人民医院', '脑梗死', '东古城镇卫生院', '慢性阻塞性肺疾病', '聊城市第二人民医院'];
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['序号', '医院', '诊断']);
      for (let i = 0; i < 6_000; i++) sheet.addRow([i, `${words[i % 5]}${i}`, `${words[(i + 2) % 5]}—${i}号`]);
    });
    const data = await same(content, 'big.xlsx');
    expect(data.rows).toHaveLength(6_000);
    expect(data.rows.some((r) => r.cells.join('').includes('\uFFFD'))).toBe(false);
  });

  it('xlsx with merged cells: read whole, so each covered row gets the value', async () => {
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['户编号', '姓名', '住址']);
      sheet.addRow(['H1', '张三', '一组']);
      sheet.addRow(['H1', '张小三']);
      sheet.mergeCells('C2:C3');
    });
    expect((await same(content, 'a.xlsx')).rows.map((r) => r.cells[2])).toEqual(['一组', '一组']);
  });

  it('finds the header below a title line, as readSheet does', async () => {
    const csv = 'XX镇医疗报销台账,,\n\n身份证号,姓名,医疗总费用\n' + `${ID},张三,100\n`;
    const isHeader = (cells: string[]) => cells.includes('身份证号');
    const data = await same(Buffer.from(csv, 'utf8'), 'a.csv', { isHeader });
    expect(data).toMatchObject({ headerRow: 3, headers: ['身份证号', '姓名', '医疗总费用'], rows: [{ rowNumber: 4 }] });
  });

  it('csv: UTF-8 with and without BOM, GB18030, UTF-16 text, quoted line breaks, ragged rows, tabs', async () => {
    const text = '姓名,身份证号,备注\r\n张三,371502199001011234,一组\r\n\r\n李四,110101199003074514,\r\n';
    await same(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'a.csv');
    await same(Buffer.from(text, 'utf8'), 'a.csv');
    await same(iconv.encode(text, 'gb18030'), 'a.csv');
    await same(iconv.encode('姓名\n𠀀䶮\n', 'gb18030'), 'a.csv');
    await same(Buffer.from('"身份证\n号码",住址,备注\n' + `${ID},"一组,二号","他说""好""\n第二行"\n` + '\n,,\n' + 'X,Y,Z\n', 'utf8'), 'a.csv');
    await same(Buffer.from('a,b,c,\n1\n2,5"寸,3,,\n', 'utf8'), 'a.csv');
    await same(iconv.encode('姓名\t备注\n张三\t一,二\n', 'gb18030'), 'a.txt');
    await same(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('姓名\t备注\r\n张三\t一组\r\n', 'utf-16le')]), 'a.txt');
    await same(Buffer.alloc(0), 'a.csv');
  });

  it('csv: a GB18030 file longer than one decoding piece keeps every character', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},东古城镇卫生院${i},'=SUM(A1)`);
    const data = await same(iconv.encode(`序号,医院,公式\n${rows.join('\n')}\n`, 'gb18030'), 'big.csv');
    expect(data.rows[39_999]!.cells).toEqual(['39999', '东古城镇卫生院39999', '=SUM(A1)']);
  });

  it('csv from a stored file: UTF-8 characters across the 1 MB pieces, and a file whose only non-UTF-8 bytes come late', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},东古城镇卫生院${i}`);
    const utf8 = await same(Buffer.from(`序号,医院\n${rows.join('\n')}\n`, 'utf8'), 'utf8.csv');
    expect(utf8.rows[39_999]!.cells).toEqual(['39999', '东古城镇卫生院39999']);
    // One character exactly across the first piece's end (pieces are 1 MB): still UTF-8.
    const head = '名称\n';
    const across = `${head}${'a'.repeat(1024 * 1024 - 1 - Buffer.byteLength(head))}东\n`;
    expect((await same(Buffer.from(across, 'utf8'), 'across.csv')).rows[0]!.cells[0]!.endsWith('a东')).toBe(true);
    // ASCII for over a megabyte, then one GB18030 line: the encoding is decided over the whole file.
    const ascii = Array.from({ length: 60_000 }, (_, i) => `${i},hospital-${i}`).join('\n');
    const late = Buffer.concat([Buffer.from(`no,name\n${ascii}\n`), iconv.encode('60000,东古城镇卫生院\n', 'gb18030')]);
    const data = await same(late, 'late.csv');
    expect(data.rows.at(-1)!.cells).toEqual(['60000', '东古城镇卫生院']);
  });

  it('refuses what readSheet refuses, with the same errors', async () => {
    const notZip = await openSheetStream(Buffer.from('not a zip'), '台账.xlsx').then(() => null, (e: unknown) => e);
    expect(notZip).toBeInstanceOf(AppError);
    expect(notZip).toMatchObject({ code: 'file.unreadable', params: { fileName: '台账.xlsx' } });
    const unsupported = await openSheetStream(Buffer.from('x'), '台账.xls').then(() => null, (e: unknown) => e);
    expect(unsupported).toMatchObject({ code: 'file.unsupported', params: { fileName: '台账.xls' } });
    const storedNotZip = await openSheetStream(asStoredFile(Buffer.from('not a zip'), 'a.xlsx'), '台账.xlsx').then(() => null, (e: unknown) => e);
    expect(storedNotZip).toMatchObject({ code: 'file.unreadable', params: { fileName: '台账.xlsx' } });
  });
});
