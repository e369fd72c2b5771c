import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ADMIN } from './fixtures.js';
import { TrustPages } from './pages/trust-pages.js';
import { HouseholdsPage } from './pages/households-page.js';
import { validId } from './ids.js';

const SHOTS = '/tmp/shots';

test.beforeEach(({ app }) => {
  mkdirSync(SHOTS, { recursive: true });
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道');
  expect(init.status, init.stderr).toBe(0);
});

/** A household through the API, as the signed-in page. */
async function saveHousehold(page: Page, householdNo: string, seq: number): Promise<void> {
  await page.evaluate(async ({ householdNo, idNumber }) => {
    await fetch('/api/villages/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-taizhang-token': sessionStorage.getItem('taizhang.token') ?? '' },
      body: JSON.stringify({ code: '371502100201', name: '张庄村' }),
    });
    const r = await fetch('/api/households/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-taizhang-token': sessionStorage.getItem('taizhang.token') ?? '' },
      body: JSON.stringify({ household: { householdNo, villageCode: '371502100201', status: 'registered_poor' }, members: [{ name: '张三', idNumber, relation: 'head' }] }),
    });
    const body = (await r.json()) as { ok: boolean };
    if (!body.ok) throw new Error(JSON.stringify(body));
  }, { householdNo, idNumber: validId('19650312', seq) });
}

test('the administrator backs up, names a USB folder and restores a chosen backup after seeing what it holds', async ({ app, page }) => {
  const trust = new TrustPages(page);
  const list = new HouseholdsPage(page);
  await trust.signIn(app.url, ADMIN);
  await saveHousehold(page, '3715021002010001', 11);
  await trust.nav('备份与恢复').click();

  await page.getByLabel('第二备份位置（如 U 盘）').fill('usb');
  await page.getByRole('button', { name: '保存位置' }).click();
  await expect(page.getByText('请填写完整路径')).toBeVisible();
  await page.getByLabel('第二备份位置（如 U 盘）').fill(join(app.dataDir, 'usb'));
  await page.getByRole('button', { name: '保存位置' }).click();
  await expect(page.getByText('第二备份位置已保存')).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('已备份（1 户，1 人）')).toBeVisible();
  const manual = page.locator('tr').filter({ hasText: '手动' });
  await expect(manual).toContainText('1 户，1 人');
  await expect(manual).toContainText('完好');
  await page.screenshot({ path: `${SHOTS}/trust-backups.png` });

  // A second household after the backup: the restore takes it away again.
  await saveHousehold(page, '3715021002010002', 21);
  await manual.getByRole('button', { name: '恢复…' }).click();
  const confirm = page.getByRole('dialog', { name: /恢复到 .* 的备份？/ });
  await expect(confirm).toContainText('这份备份有 1 户、1 人');
  await page.screenshot({ path: `${SHOTS}/trust-restore-confirm.png` });
  await confirm.getByRole('button', { name: '确认恢复' }).click();
  // The page reloads; the administrator is in the restored file too.
  await trust.nav('户籍台账').click();
  await list.expectCount(1);
});

test('a database that fails its start-up check shows the way back to the last good backup', async ({ app, page }) => {
  const trust = new TrustPages(page);
  await trust.signIn(app.url, ADMIN);
  await saveHousehold(page, '3715021002010001', 11);
  await trust.nav('备份与恢复').click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('已备份（1 户，1 人）')).toBeVisible();

  // A member whose household is gone: what a half-copied file or a failing disk leaves behind.
  const broken = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import sqlite3 from 'sqlite3';
    const db = new sqlite3.Database(${JSON.stringify(app.dbFile)});
    db.exec("PRAGMA foreign_keys = OFF; INSERT INTO person (id, household_id, name, id_number, sex, birth_date, relation, health, created_at, created_by, updated_at, updated_by) VALUES ('orphan', 'gone', '某', 'x', 'male', '1960-01-01', 'head', 'healthy', 'now', 't', 'now', 't')", (err) => { if (err) { console.error(err); process.exit(1); } db.close(); });
  `], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
  expect(broken.status, broken.stderr).toBe(0);
  await app.restart();

  await page.goto(app.url);
  const screen = page.getByTestId('integrity-screen');
  await expect(screen).toContainText('数据库检查未通过');
  await expect(screen).toContainText('foreign key: person');
  await expect(screen).toContainText(/最近一份完好的备份：.*1 户，1 人/);
  await page.screenshot({ path: `${SHOTS}/trust-integrity.png` });
  await screen.getByRole('button', { name: '恢复到这份备份' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
  await trust.signIn(app.url, ADMIN);
  await new HouseholdsPage(page).expectCount(1);
});
