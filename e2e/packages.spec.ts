/**
 * Upload packages across two real workstations (two browser-mode servers): the township exports,
 * the county imports (with a tampered copy refused in Chinese), answers with a receipt, and the
 * township sees each household's county state in its register.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, launchWorkstation, type AppServer } from './fixtures.js';
import { api, PackagesPage } from './pages/packages-page.js';
import type { Page } from '@playwright/test';
import { HouseholdsPage } from './pages/households-page.js';

/** Where an entry's bytes start in a stored ZIP: after its local header, name and extra field. */
function entryData(zip: Buffer, name: string): number {
  const at = zip.indexOf(Buffer.from(name, 'utf8'));
  expect(zip.readUInt32LE(at - 30)).toBe(0x04034b50);
  return at + name.length + zip.readUInt16LE(at - 2);
}

interface PageRows { rows: { id: string; householdNo: string }[]; total: number }

test('township → county → receipt → township, and a package with one byte changed is refused', async ({ app, secondApp, page, browser }) => {
  test.setTimeout(120_000);
  const demo = app.cli('demo', '--db', app.dbFile, '--households', '3', '--seed', '7', '--org', '371502100', '--name', '东城街道');
  expect(demo.status, demo.stderr).toBe(0);
  const dir = app.dataDir;

  // Township: two of the three households are approved, so only they go up.
  const township = new PackagesPage(page);
  await township.open(app.url);
  const { rows } = await api<PageRows>(page, 'households/page', { startRow: 0, endRow: 10, sort: [{ column: 'householdNo', direction: 'asc' }] });
  expect(rows).toHaveLength(3);
  const approved = rows.slice(0, 2);
  const pendingReview = rows[2]!;
  await api(page, 'review/submit', { table: 'household', ids: approved.map((r) => r.id) });
  await api(page, 'review/approve', { table: 'household', ids: approved.map((r) => r.id) });
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: '数据包' }).click();
  const townshipFingerprint = await township.fingerprint('本工作站的签名密钥');
  expect(townshipFingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  await expect(township.card('县里的公钥')).toContainText('尚未登记县里的公钥');
  await expect(township.card('导出数据包')).toContainText('不加密');
  await township.shot('township-start');
  const townshipKey = join(dir, 'township.tzkey');
  await township.download(township.card('本工作站的签名密钥').getByRole('button', { name: '导出公钥文件（.tzkey）' }), townshipKey);

  // County: its own browser context (cookies do not tell ports apart), set up as the county.
  const countyContext = await browser.newContext();
  const county = new PackagesPage(await countyContext.newPage());
  await county.open(secondApp.url);
  const setupCard = county.card('设为县级工作站');
  await setupCard.getByLabel('县代码').fill('371502');
  await setupCard.getByLabel('县名称').fill('示例县');
  await setupCard.getByRole('button', { name: '设为县级工作站' }).click();
  await county.page.getByRole('dialog').getByRole('button', { name: '设为县级工作站' }).click();
  await expect(county.page.getByText('县级工作站：示例县（371502）', { exact: true })).toBeVisible();
  await expect(county.card('乡镇和公钥')).toContainText('还没有登记乡镇的公钥');
  await county.shot('county-start');

  // The county registers the township's key after comparing the fingerprint, and hands out its own.
  await county.choose('乡镇的公钥文件', townshipKey);
  await county.shot('county-register-key');
  await county.confirmKey(townshipFingerprint);
  await expect(county.card('乡镇和公钥')).toContainText('东城街道');
  await expect(county.card('乡镇和公钥')).toContainText(townshipFingerprint);
  const countyFingerprint = await county.fingerprint('本工作站的签名密钥');
  const countyKey = join(dir, 'county.tzkey');
  await county.download(county.card('本工作站的签名密钥').getByRole('button', { name: '导出公钥文件（.tzkey）' }), countyKey);

  // Township: registers the county's key; the package is now encrypted to it.
  await township.choose('县里的公钥文件', countyKey);
  await township.confirmKey(countyFingerprint);
  await expect(township.card('县里的公钥')).toContainText('已登记：示例县（371502）');
  const exportCard = township.card('导出数据包');
  await expect(exportCard).toContainText('加密给 示例县');
  await expect(exportCard).toContainText('下一个数据包：第 1 号');
  await expect(exportCard.getByRole('row', { name: /^户 2$/ })).toBeVisible();
  await township.shot('township-export');
  const packagePath = join(dir, 'package.tzpkg');
  const packageName = await township.download(exportCard.getByRole('button', { name: '导出数据包' }), packagePath);
  expect(packageName).toBe('371502100-000001-incremental.tzpkg');
  await expect(exportCard).toContainText('已导出第 1 号数据包（增量');
  await expect(township.card('导出记录和回执')).toContainText('等待县里回执');

  // A copy with one byte changed inside the household file.
  const zip = readFileSync(packagePath);
  const tampered = Buffer.from(zip);
  tampered[entryData(zip, 'data/household.ndjson.gz.enc') + 5]! ^= 0x01;
  const tamperedPath = join(dir, '0-改过一个字节.tzpkg');
  writeFileSync(tamperedPath, tampered);
  const goodPath = join(dir, packageName);
  writeFileSync(goodPath, zip);

  // County: both at once; the changed copy is refused naming the check and the file, the real one goes in.
  await county.choose('乡镇数据包文件', [goodPath, tamperedPath]);
  await expect(county.card('导入乡镇数据包').getByRole('status')).toHaveText('已处理 2 / 2 个文件');
  const refused = county.outcome('0-改过一个字节.tzpkg');
  await expect(refused).toContainText('拒收');
  await expect(refused).toContainText('文件 data/household.ndjson.gz.enc 的 SHA-256 与清单不符（检查：文件哈希）');
  const imported = county.outcome(packageName);
  await expect(imported).toContainText('已导入');
  await expect(imported).toContainText(/接收 \d+ 条（新增 \d+，更新 0，删除 0，无变化 0），退回 0 条，冲突 0 条/);
  const townships = county.card('乡镇和公钥');
  await expect(townships.getByRole('row', { name: /东城街道/ }).getByRole('cell').nth(2)).toHaveText('1');
  await expect(townships.getByRole('row', { name: /东城街道/ }).getByRole('cell').nth(4)).toHaveText('2');
  await expect(county.card('冲突')).toContainText('没有未处理的冲突');
  await county.shot('county-imported');

  // The same package again changes nothing and says so.
  await county.choose('乡镇数据包文件', goodPath);
  await expect(county.outcome(packageName)).toContainText('重复');
  await expect(county.outcome(packageName)).toContainText('这个数据包已于');

  const receiptPath = join(dir, 'receipt.tzrct');
  await county.download(county.card('已导入的数据包').getByRole('button', { name: '生成回执' }), receiptPath);
  await county.shot('county-receipt');

  // The county sees the township's register as it arrived: rows to read, no buttons to enter or review.
  await county.page.getByRole('navigation').getByRole('button', { name: '户籍台账' }).click();
  const countyList = new HouseholdsPage(county.page);
  for (const r of approved) await expect(countyList.row(r.householdNo)).toBeVisible();
  await expect(countyList.row(pendingReview.householdNo)).toHaveCount(0);
  await expect(county.page.getByRole('button', { name: '新增户' })).toHaveCount(0);
  await expect(county.page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  await county.page.screenshot({ path: '/tmp/shots/packages-county-households.png' });
  await county.page.getByRole('navigation').getByRole('button', { name: '数据包' }).click();

  // Township: imports the receipt; the history and each household show what the county said.
  await township.choose('回执文件', receiptPath);
  await expect(township.card('导入县里的回执').getByRole('status')).toContainText(/已导入第 1 号数据包的回执：接收 \d+ 条，退回 0 条，冲突 0 条/);
  await expect(township.card('导出记录和回执')).toContainText(/收到：接收 \d+，退回 0，冲突 0/);
  await township.shot('township-receipt');

  await page.getByRole('navigation').getByRole('button', { name: '户籍台账' }).click();
  const list = new HouseholdsPage(page);
  await list.expectCount(3);
  for (const r of approved) await expect(list.row(r.householdNo)).toContainText('已接收');
  await expect(list.row(pendingReview.householdNo)).not.toContainText('已接收');
  await page.screenshot({ path: '/tmp/shots/packages-households-county-state.png' });
  // The editor says it too, where a rejection would list its reasons.
  await list.row(approved[0]!.householdNo).dblclick();
  await expect(page.getByRole('dialog')).toContainText('县里已接收这一户（第 1 号数据包）');
  await page.screenshot({ path: '/tmp/shots/packages-editor-county-state.png' });
  await countyContext.close();
});

test('a viewer sees the fingerprint and history but no buttons that change anything', async ({ app, page }) => {
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道');
  expect(init.status, init.stderr).toBe(0);
  const viewer = { username: 'viewer1', password: 'viewer-pass-1' };
  const added = app.cli('add-account', '--db', app.dbFile, '--username', viewer.username, '--name', '查看员', '--role', 'viewer', '--password', viewer.password);
  expect(added.status, added.stderr).toBe(0);
  const packages = new PackagesPage(page);
  await packages.open(app.url, viewer);
  await expect(packages.card('本工作站的签名密钥').getByLabel('公钥指纹')).toBeVisible();
  await expect(packages.card('导出数据包')).toContainText('下一个数据包：第 1 号');
  await expect(page.getByRole('button', { name: '导出数据包' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /导入县里的公钥文件/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /选择回执文件/ })).toHaveCount(0);
  await expect(packages.card('设为县级工作站')).toHaveCount(0);
  await packages.shot('viewer');
});

/** Runs the CLI and returns its --json answer. */
function cliJson<T>(app: AppServer, ...args: string[]): T {
  const r = app.cli(...args, '--json');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

async function approveAll(page: Page): Promise<void> {
  const { rows } = await api<PageRows>(page, 'households/page', { startRow: 0, endRow: 10 });
  const ids = rows.map((r) => r.id);
  await api(page, 'review/submit', { table: 'household', ids });
  await api(page, 'review/approve', { table: 'household', ids });
}

test('a township seen for the first time is trusted by fingerprint; what the county rejects shows its reason to the clerk', async ({ app, secondApp, page, browser }) => {
  test.setTimeout(120_000);
  // Two townships of one county holding the same people (the same demo seed): the second to
  // arrive at the county has its members rejected, since an ID number lives in one township.
  const other = await launchWorkstation();
  try {
    const dir = app.dataDir;
    for (const [w, org, name] of [[other.app, '371502200', '西城街道'], [app, '371502100', '东城街道']] as const) {
      const demo = w.cli('demo', '--db', w.dbFile, '--households', '2', '--seed', '7', '--org', org, '--name', name);
      expect(demo.status, demo.stderr).toBe(0);
    }
    const countyDb = secondApp.dbFile;
    cliJson(secondApp, 'keys', '--db', countyDb, '--county', '371502', '--county-name', '示例县');
    cliJson(secondApp, 'keys', '--db', countyDb, '--export', join(dir, 'county.tzkey'));
    cliJson(app, 'keys', '--db', app.dbFile, '--import', join(dir, 'county.tzkey'));
    cliJson(app, 'keys', '--db', app.dbFile, '--export', join(dir, 'east.tzkey'));
    cliJson(secondApp, 'keys', '--db', countyDb, '--import', join(dir, 'east.tzkey'));

    const east = new PackagesPage(page);
    await east.open(app.url);
    await approveAll(page);
    const westContext = await browser.newContext();
    const westPage = await westContext.newPage();
    await new PackagesPage(westPage).open(other.app.url);
    await approveAll(westPage);
    const westFingerprint = await new PackagesPage(westPage).fingerprint('本工作站的签名密钥');
    await westContext.close();

    const west = cliJson<{ path: string; fileName: string }>(other.app, 'export-package', '--db', other.app.dbFile, '--out', join(dir, 'west'));
    const eastPkg = cliJson<{ path: string; fileName: string }>(app, 'export-package', '--db', app.dbFile, '--out', join(dir, 'east'));

    // County: 西城街道's key is not registered: refused, then trusted once the fingerprint is compared.
    const countyContext = await browser.newContext();
    const county = new PackagesPage(await countyContext.newPage());
    await county.open(secondApp.url);
    await county.choose('乡镇数据包文件', west.path);
    const westOutcome = county.outcome(west.fileName);
    await expect(westOutcome).toContainText('拒收');
    await expect(westOutcome).toContainText(`乡镇 371502200（西城街道）的公钥尚未登记（检查：签名密钥，文件 manifest.json）。此包的公钥指纹：${westFingerprint}`);
    await westOutcome.getByRole('button', { name: '核对指纹后登记并导入…' }).click();
    await expect(county.page.getByRole('dialog').getByLabel('公钥指纹')).toHaveText(westFingerprint);
    await county.shot('county-trust');
    await county.page.getByRole('dialog').getByRole('button', { name: '一致，登记并导入' }).click();
    await expect(westOutcome).toContainText('已导入');
    await expect(county.card('乡镇和公钥')).toContainText('电话核对指纹');

    await county.choose('乡镇数据包文件', eastPkg.path);
    const eastOutcome = county.outcome(eastPkg.fileName);
    await expect(eastOutcome).toContainText('已导入');
    await expect(eastOutcome).toContainText(/退回 [1-9]\d* 条/);
    const receiptPath = join(dir, 'east.tzrct');
    const eastRow = county.card('已导入的数据包').getByRole('row', { name: /东城街道/ });
    await county.download(eastRow.getByRole('button', { name: '生成回执' }), receiptPath);
    await county.shot('county-two-townships');
    await countyContext.close();

    // 东城街道 imports the receipt; the editor lists each rejected member with the reason.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: '数据包' }).click();
    await east.choose('回执文件', receiptPath);
    await expect(east.card('导入县里的回执').getByRole('status')).toContainText(/退回 [1-9]\d* 条/);
    await page.getByRole('navigation').getByRole('button', { name: '户籍台账' }).click();
    const list = new HouseholdsPage(page);
    await list.expectCount(2);
    // The list shows the rejected members on their household's row.
    await expect(list.grid.getByTestId('members-rejected').first()).toContainText('成员退回：');
    await page.screenshot({ path: '/tmp/shots/packages-list-rejected-members.png' });
    await list.grid.getByRole('row').filter({ hasText: '371502' }).first().dblclick();
    const editor = page.getByRole('dialog');
    await expect(editor).toContainText('县里没有接收以下内容');
    await expect(editor).toContainText('这个身份证号已登记在乡镇 371502200 的人员名下');
    await page.screenshot({ path: '/tmp/shots/packages-editor-rejected.png' });
  } finally {
    await other.close();
  }
});
