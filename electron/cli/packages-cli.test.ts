import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from './main.js';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { approvedHousehold, outDir } from '../test/package-fixture.js';

let township: Fixture;
let dir: string;
let out: string[];
let countyDb: string;

beforeEach(async () => {
  township = await makeFixture();
  await approvedHousehold(township, 'H1', 11);
  // The CLI opens the database itself.
  await township.workstation.close();
  dir = await outDir(township, 'cli');
  countyDb = join(dir, 'county.sqlite');
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await township.cleanup();
});

async function run(args: string[]): Promise<{ code: number; json: Record<string, any>; text: string }> {
  out = [];
  const code = await main(args);
  const text = out.join('\n');
  let json = {};
  try {
    json = JSON.parse(text);
  } catch {
    // Not --json.
  }
  return { code, json, text };
}

describe('package commands', () => {
  it('keys, export, verify, import, receipt — with exit codes 0, 1 and 3', async () => {
    const countyKey = join(dir, 'county.tzkey');
    const townshipKey = join(dir, 'township.tzkey');
    expect((await run(['keys', '--db', countyDb, '--county', '371502', '--county-name', '示例县', '--export', countyKey, '--json'])).json).toMatchObject({ keys: { mode: 'county' } });
    const keys = await run(['keys', '--db', township.file, '--import', countyKey, '--export', townshipKey]);
    expect(keys.text).toMatch(/已登记县 示例县（371502）的公钥，指纹 [0-9A-F]{4}( [0-9A-F]{4}){15}/);
    expect((await run(['keys', '--db', countyDb, '--import', townshipKey])).code).toBe(0);

    const exported = await run(['export-package', '--db', township.file, '--out', dir, '--json']);
    expect(exported).toMatchObject({ code: 0, json: { ok: true, sequence: 1, encrypted: true, records: 5 } });
    const pkg = String(exported.json.path);

    // Without the county's key only the signature and stored hashes can be checked.
    expect((await run(['verify-package', pkg, '--json'])).json).toMatchObject({ ok: true, contentChecked: false, keyStatus: 'unknown' });
    expect((await run(['verify-package', pkg, '--db', countyDb, '--json'])).json).toMatchObject({ ok: true, contentChecked: true, keyStatus: 'registered' });

    const bad = join(dir, 'bad.tzpkg');
    const bytes = await readFile(pkg);
    await writeFile(bad, bytes.subarray(0, bytes.length - 100));
    const verifyBad = await run(['verify-package', bad]);
    expect(verifyBad.code).toBe(3);
    expect(verifyBad.text).toContain('数据包不完整（检查：文件结构');

    const imported = await run(['import-package', '--db', countyDb, bad, pkg, '--json']);
    expect(imported.code).toBe(3);
    expect(imported.json.packages.map((p: { status: string }) => p.status).sort()).toEqual(['imported', 'refused']);
    const again = await run(['import-package', '--db', countyDb, pkg]);
    expect(again.code).toBe(0);
    expect(again.text).toContain('这次没有任何改动');

    const receipt = await run(['make-receipt', '--db', countyDb, '--out', dir, '--json']);
    expect(receipt.json.receipts).toHaveLength(1);
    const back = await run(['import-receipt', '--db', township.file, String(receipt.json.receipts[0].path)]);
    expect(back).toMatchObject({ code: 0 });
    expect(back.text).toBe('已导入第 1 号数据包的回执：接收 5，退回 0，冲突 0');
    expect((await run(['make-receipt', '--db', countyDb, '--out', dir])).text).toBe('没有需要出具回执的数据包');

    // A township workstation cannot import packages: refused for setup, exit code 1.
    const wrongMode = await run(['import-package', '--db', township.file, pkg]);
    expect(wrongMode.code).toBe(1);
    expect(wrongMode.text).toContain('这台工作站不是县级工作站');
  });
});
