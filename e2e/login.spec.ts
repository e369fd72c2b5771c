import { mkdirSync } from 'node:fs';
import { test, expect, ADMIN } from './fixtures.js';
import { TrustPages } from './pages/trust-pages.js';

const SHOTS = '/tmp/shots';
const VIEWER = { username: 'chakan', password: 'chakan-pass-1' };

test.beforeEach(({ app }) => {
  mkdirSync(SHOTS, { recursive: true });
  const added = app.cli('add-account', '--db', app.dbFile, '--username', VIEWER.username, '--name', '只读查看', '--role', 'viewer', '--password', VIEWER.password);
  expect(added.status, added.stderr).toBe(0);
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道');
  expect(init.status, init.stderr).toBe(0);
});

test('five wrong passwords lock the account, even against the right one, in Chinese', async ({ app, page }) => {
  await page.goto(app.url);
  const alert = page.getByRole('alert');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('用户名').fill(VIEWER.username);
    await page.getByLabel('密码').fill(`wrong-pass-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(alert).toContainText(i < 5 ? '用户名或密码不正确' : '账号已锁定');
  }
  await page.getByLabel('用户名').fill(VIEWER.username);
  await page.getByLabel('密码').fill(VIEWER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(alert).toContainText('密码连续输错，账号已锁定');
  await page.screenshot({ path: `${SHOTS}/trust-locked.png` });
});

test('a viewer sees no write buttons, and a write through the API is refused', async ({ app, page }) => {
  const trust = new TrustPages(page);
  await trust.signIn(app.url, VIEWER);
  await expect(page.getByRole('button', { name: '新增户' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: '审核操作' })).toHaveCount(0);
  for (const name of ['账号管理', '备份与恢复', '设置']) await expect(trust.nav(name)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/trust-viewer.png` });

  // The screen hides the buttons; the server refuses the call whatever the screen showed.
  const response = await page.evaluate(async () => {
    const token = sessionStorage.getItem('taizhang.token') ?? '';
    const r = await fetch('/api/households/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-taizhang-token': token },
      body: JSON.stringify({ household: { householdNo: 'X1', villageCode: '371502100201', status: 'registered_poor' }, members: [] }),
    });
    return r.json() as Promise<{ ok: boolean; error?: { kind: string; code: string } }>;
  });
  expect(response).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden', code: 'forbidden' }) });
  // Anyone changes their own password from the header.
  await page.getByRole('button', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改我的密码' });
  await dialog.getByLabel('当前密码').fill(VIEWER.password);
  await dialog.getByLabel('新密码（至少 8 位）').fill('chakan-pass-2');
  await dialog.getByLabel('再次输入新密码').fill('chakan-pass-3');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  await expect(dialog).toContainText('两次输入的新密码不一致');
  await page.screenshot({ path: `${SHOTS}/trust-change-password.png` });
  await dialog.getByLabel('再次输入新密码').fill('chakan-pass-2');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await trust.signOut();
  await trust.signIn(app.url, { username: VIEWER.username, password: 'chakan-pass-2' });

  // The administrator, by contrast, has every page.
  await trust.signOut();
  await trust.signIn(app.url, ADMIN);
  for (const name of ['账号管理', '备份与恢复', '设置']) await expect(trust.nav(name)).toBeVisible();
});
