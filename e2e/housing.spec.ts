import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.js';
import { HouseholdsPage } from './pages/households-page.js';
import { HousingPage } from './pages/housing-page.js';
import { validId } from './ids.js';

const SHOTS = '/tmp/shots';

test.beforeEach(async ({ app }) => {
  const villages = `${app.dataDir}/villages.csv`;
  writeFileSync(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n371502100202,李楼村\n');
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道', '--villages', villages);
  expect(init.status, init.stderr).toBe(0);
  const persons = `${app.dataDir}/persons.csv`;
  writeFileSync(persons, `\uFEFF户编号,村,户类型,姓名,身份证号,与户主关系\n3715021002010001,张庄村,建档立卡贫困户,王大山,${validId('19550312', 11)},户主\n`);
  const imported = app.cli('import', '--db', app.dbFile, '--kind', 'persons', persons);
  expect(imported.status, imported.stdout + imported.stderr).toBe(0);
  mkdirSync(SHOTS, { recursive: true });
});

test('enters a housing repair by keyboard, refuses dates out of order, shows the stage, a photo and the progress report', async ({ app, page }) => {
  await new HouseholdsPage(page).open(app.url);
  const housing = new HousingPage(page);
  await housing.open();

  await page.keyboard.press('Alt+n');
  await expect(page.getByLabel('户编号', { exact: true })).toBeFocused();
  await housing.type('3715021002010001');
  await housing.fill('鉴定日期', '2020-03-01');
  await housing.fill('鉴定机构', '聊城市建筑设计院');
  await housing.choose('安全等级', 'D 级');
  await housing.choose('改造方式', '拆除重建');
  await housing.fill('计划年度', '2020');
  await housing.fill('中央补助', '14000');
  await housing.fill('省级补助', '3000');
  await housing.fill('村级公示日期', '2020-03-05');
  await housing.fill('开工日期', '2020-02-01');
  await housing.fill('竣工日期', '2020-06-01');
  await page.keyboard.press('Control+s');

  // Refused: the reason in Chinese under 开工日期; everything typed is still there.
  await expect(housing.note('开工日期')).toContainText('2020-02-01 早于村级公示日期 2020-03-05');
  await expect(page.getByLabel('开工日期', { exact: true })).toBeFocused();
  await expect(page.getByLabel('户编号', { exact: true })).toHaveValue('3715021002010001');
  await expect(page.getByLabel('中央补助', { exact: true })).toHaveValue('14000');
  await expect(page.getByLabel('竣工日期', { exact: true })).toHaveValue('2020-06-01');
  await page.screenshot({ path: `${SHOTS}/housing-error.png` });

  await housing.type('2020-04-01');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存户 3715021002010001 的危房改造')).toBeVisible();
  await expect(housing.editor.getByRole('status').filter({ hasText: '当前阶段' })).toHaveText('当前阶段：已竣工');
  await expect(housing.note('开工日期')).toHaveCount(0);

  // A photo before the works: stored, then shown as a thumbnail.
  const picture = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 180 } });
  await housing.editor.locator('label', { hasText: '添加改造前照片' }).locator('input[type=file]')
    .setInputFiles({ name: '改造前.png', mimeType: 'image/png', buffer: picture });
  const thumb = housing.editor.getByRole('img', { name: '改造前 改造前.png' });
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  // Copied into the data folder under its SHA-256, beside the small copy drawn for the thumbnail.
  const stored = readdirSync(join(app.dataDir, 'photos'));
  expect(stored).toContain(createHash('sha256').update(picture).digest('hex'));
  expect(stored).toHaveLength(2);
  await thumb.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/housing-saved.png` });
  // The thumbnail opens the photo itself.
  await housing.editor.getByRole('button', { name: '查看大图 改造前.png' }).click();
  const viewer = page.getByRole('dialog', { name: '改造前.png' });
  await expect(viewer.getByRole('img', { name: '改造前.png' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/housing-photo.png` });
  await viewer.getByRole('button', { name: '关闭' }).click();
  await expect(viewer).toBeHidden();

  await housing.editor.getByRole('button', { name: '关闭' }).click();
  await expect(housing.row('3715021002010001')).toContainText('已竣工');
  await expect(housing.row('3715021002010001')).toContainText('王大山');
  await page.screenshot({ path: `${SHOTS}/housing-grid.png` });

  // 日报 for the completion day: one household 已竣工 in 张庄村, moved from 在建.
  await page.getByRole('tab', { name: '进度报表' }).click();
  await page.getByLabel('报表日期', { exact: true }).fill('2020-06-01');
  await page.getByRole('button', { name: '生成' }).click();
  const sheet = page.getByRole('article', { name: '危房改造进度日报（2020-06-01）' });
  await expect(sheet).toBeVisible();
  // 张庄村: 待鉴定 0, 已鉴定 0, 已公示 0, 在建 0, 已竣工 1, 已验收 0, 已拨付 0, 合计 1.
  await expect(sheet.getByRole('table').first().getByRole('row').filter({ hasText: '张庄村' })).toHaveText(/张庄村\s*0\s*0\s*0\s*0\s*1\s*0\s*0\s*1/);
  await expect(sheet.getByRole('row').filter({ hasText: '3715021002010001' })).toContainText('在建');
  await expect(sheet.getByRole('row').filter({ hasText: '3715021002010001' })).toContainText('已竣工');
  await page.screenshot({ path: `${SHOTS}/housing-report.png` });

  // Printed: only the report sheet, without the navigation and the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: '生成' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/housing-print.png` });
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click();
  expect((await download).suggestedFilename()).toBe('危房改造进度日报-2020-06-01.xlsx');
});
