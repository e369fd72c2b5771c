import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { HouseholdsPage } from './pages/households-page.js';
import { validId } from './ids.js';

test('imports a sheet: both bad rows reported with row, column and reason; nothing imported until chosen', async ({ app, page }) => {
  const villages = `${app.dataDir}/v.csv`;
  writeFileSync(villages, '村代码,村名\n371502100201,张庄村\n');
  expect(app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道', '--villages', villages).status).toBe(0);

  const good = validId('19700101', 51);
  // A check character of 0 that is wrong for these 17 digits.
  const badCheck = validId('19710101', 61).slice(0, 17) + '0';
  const sheet = `${app.dataDir}/户籍.csv`;
  writeFileSync(sheet, [
    '户编号,村,户类型,姓名,身份证号,与户主关系',
    `A1,张庄村,边缘户,赵一,${good},户主`,
    `A2,张庄村,边缘户,钱二,${badCheck},户主`,
    `A3,张庄村,富裕户,孙三,${validId('19720101', 71)},户主`,
  ].join('\n'));

  const list = new HouseholdsPage(page);
  await list.open(app.url);
  await page.getByRole('button', { name: '导入' }).click();
  // The sheet goes up once, as the body of /upload; the preview and the commit name it by id.
  const apiBodies: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/import/')) apiBodies.push(r.postData() ?? '');
  });
  const upload = page.waitForRequest((r) => r.url().includes('/upload?name=') && r.method() === 'POST');
  await page.getByLabel('选择要导入的文件').setInputFiles(sheet);
  expect(decodeURIComponent((await upload).url())).toContain('/upload?name=户籍.csv');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('有错误的行（2 处）')).toBeVisible();
  const rows = dialog.getByRole('row');
  const idRow = rows.filter({ hasText: '校验位错误' });
  await expect(idRow.getByRole('gridcell')).toHaveText(['3', '身份证号', /^校验位错误：应为 \d，输入的是 0$/]);
  await expect(rows.filter({ hasText: '富裕户' }).getByRole('gridcell')).toHaveText(['4', '户类型', '不是可选的值：富裕户']);
  await expect(dialog.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('import-preview.png') });

  await dialog.getByRole('button', { name: /仅导入有效行/ }).click();
  await expect(dialog.getByRole('button', { name: /下载未导入的行/ })).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).first().click();
  await list.expectCount(1);
  await expect(list.row('A1')).toContainText('赵一');
  expect(apiBodies).toHaveLength(2);
  for (const body of apiBodies) expect(JSON.parse(body)).toMatchObject({ fileName: '户籍.csv', uploadId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(new Set(apiBodies.map((b) => (JSON.parse(b) as { uploadId: string }).uploadId)).size).toBe(1);
});
