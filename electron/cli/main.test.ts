import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { validId } from '../test/workstation-fixture.js';

let dir: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-cli-'));
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const json = () => JSON.parse(out.join('\n')) as Record<string, unknown>;

describe('taizhang CLI', () => {
  it('a sheet that is not there is refused with its path, not a stack trace', async () => {
    const db = join(dir, 't.sqlite');
    expect(await main(['init', '--db', db, '--org', '371502100', '--name', '示例镇'])).toBe(0);
    const missing = join(dir, '没有这个文件.csv');
    out = [];
    expect(await main(['import', '--db', db, '--kind', 'persons', missing, '--json'])).toBe(1);
    expect(json()).toMatchObject({ ok: false, error: { code: 'file.notFound', params: { fileName: missing } } });
    out = [];
    err = [];
    expect(await main(['import', '--db', db, '--kind', 'persons', missing])).toBe(1);
    expect([...out, ...err].join('\n')).toContain(`找不到文件 ${missing}`);
  });

  it('init with a villages sheet, import, export, check, all with --json', async () => {
    const db = join(dir, 't.sqlite');
    const villages = join(dir, 'villages.csv');
    await writeFile(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n371502100202,李楼村\n');
    expect(await main(['init', '--db', db, '--org', '371502100', '--name', '示例镇', '--villages', villages, '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, villages: { added: 2 } });

    const sheet = join(dir, 'persons.csv');
    const head = validId('19650312', 11);
    const wife = validId('19680720', 22);
    await writeFile(sheet, `户编号,村,户类型,姓名,身份证号,与户主关系\nH1,张庄村,边缘户,张三,${head},户主\nH1,张庄村,边缘户,李四,${wife.toLowerCase()},配偶\n`);
    out = [];
    expect(await main(['import', '--db', db, '--kind', 'persons', sheet, '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, households: { added: 1 }, persons: { added: 2 } });

    out = [];
    expect(await main(['import', '--db', db, '--kind', 'persons', sheet, '--json'])).toBe(0);
    expect(json()).toMatchObject({ households: { added: 0, unchanged: 1 }, persons: { added: 0, unchanged: 2 } });

    const xlsx = join(dir, 'out.xlsx');
    out = [];
    expect(await main(['export', '--db', db, '--kind', 'persons', '--out', xlsx])).toBe(0);
    expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');

    out = [];
    expect(await main(['check', '--db', db, '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, counts: { households: 1, persons: 2 } });
  });

  it('rejects a bad sheet with exit code 1 and the reasons, writing nothing', async () => {
    const db = join(dir, 't.sqlite');
    expect(await main(['init', '--db', db, '--org', '371502100', '--name', '示例镇'])).toBe(0);
    await main(['demo', '--db', db, '--households', '3']);
    const sheet = join(dir, 'bad.csv');
    await writeFile(sheet, `户编号,村,姓名,身份证号,与户主关系\nH9,张庄村,王五,110105194912310021,户主\n`);
    out = [];
    expect(await main(['import', '--db', db, '--kind', 'persons', sheet])).toBe(1);
    expect(out.join('\n')).toMatch(/第 2 行 身份证号：校验位错误/);
  });

  it('answers bad usage with exit code 2', async () => {
    expect(await main(['import', '--db', join(dir, 'x.sqlite')])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['export', '--db', join(dir, 'x.sqlite'), '--kind', 'persons', '--out', 'x.pdf'])).toBe(2);
    expect(err.join('\n')).toMatch(/taizhang/);
  });

  it('demo generates valid households through the services', async () => {
    const db = join(dir, 'demo.sqlite');
    expect(await main(['demo', '--db', db, '--households', '120', '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, households: 120 });
    out = [];
    expect(await main(['check', '--db', db, '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, counts: { households: 120 } });
  });
});

describe('taizhang verify-audit', () => {
  it('passes on an untouched trail and names the first broken row after tampering', async () => {
    const db = join(dir, 'a.sqlite');
    expect(await main(['demo', '--db', db, '--households', '5'])).toBe(0);
    out = [];
    expect(await main(['verify-audit', '--db', db, '--json'])).toBe(0);
    expect(json()).toMatchObject({ ok: true, firstBreak: null });
    const sqlite3 = (await import('sqlite3')).default;
    await new Promise<void>((resolve, reject) => {
      const raw = new sqlite3.Database(db);
      raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 50;", (e) => raw.close(() => (e ? reject(e) : resolve())));
    });
    out = [];
    expect(await main(['verify-audit', '--db', db])).toBe(1);
    expect(out.join('\n')).toContain('第 #50 条断开：内容与哈希不符');
  });
});
