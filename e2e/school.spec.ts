import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { HouseholdsPage } from './pages/households-page.js';
import { SchoolPage } from './pages/school-page.js';
import { validId } from './ids.js';

const FATHER = validId('19780312', 11);
const PUPIL = validId('20120501', 31); // 8 on 2020-09-01: primary school age
const SISTER = validId('20110203', 42); // 9 on 2020-09-01

test.beforeEach(async ({ app }) => {
  const villages = `${app.dataDir}/villages.csv`;
  writeFileSync(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n');
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道', '--villages', villages);
  expect(init.status, init.stderr).toBe(0);
  const persons = `${app.dataDir}/persons.csv`;
  writeFileSync(persons, `\uFEFF户编号,村,户类型,姓名,身份证号,与户主关系\nH1,张庄村,边缘户,王父,${FATHER},户主\nH1,张庄村,边缘户,王小明,${PUPIL},子\nH1,张庄村,边缘户,王小红,${SISTER},女\n`);
  const imported = app.cli('import', '--db', app.dbFile, '--kind', 'persons', persons);
  expect(imported.status, imported.stdout + imported.stderr).toBe(0);
});

test('batch-enters school aid by keyboard: a duplicate refused, an off-standard amount warned, the report totals', async ({ app, page }) => {
  await new HouseholdsPage(page).open(app.url);
  const school = new SchoolPage(page);
  await school.open();
  await school.tab('批量录入');

  // 学年, 学期, 学段 and 项目 once.
  await page.getByLabel('学年', { exact: true }).fill('2020-2021');
  await page.getByLabel('学期', { exact: true }).selectOption({ label: '秋季' });
  await page.getByLabel('学段', { exact: true }).selectOption({ label: '小学' });
  await page.getByLabel('资助项目', { exact: true }).selectOption({ label: '生活补助' });
  await page.getByLabel('学校', { exact: true }).fill('张庄小学');

  // Then ID number, Enter, amount, Enter — row after row.
  await school.batchCell(1, '身份证号').click();
  await page.keyboard.type(PUPIL);
  await page.keyboard.press('Enter');
  await expect(school.batchCell(1, '金额（元）')).toBeFocused();
  await page.keyboard.type('500');
  await page.keyboard.press('Enter');
  await expect(school.batchCell(2, '身份证号')).toBeFocused();
  await page.keyboard.type(SISTER);
  await page.keyboard.press('Enter');
  await page.keyboard.type('480');
  await page.keyboard.press('Enter');
  await page.keyboard.type(PUPIL);
  await page.keyboard.press('Enter');
  await page.keyboard.type('500');
  await page.keyboard.press('Control+s');

  await expect(page.getByText('已保存 2 行，1 行未保存')).toBeVisible();
  await expect(school.batchRow(1)).toContainText('王小明');
  await expect(school.batchRow(1)).toContainText('已保存');
  await expect(school.batchRow(2)).toContainText('与资助标准 500.00 元不同（填写的是 480.00 元）');
  await expect(school.batchRow(3)).toContainText('同一学生、学年、学期、资助项目已有一条记录');
  // The refused row keeps what was typed.
  await expect(school.batchCell(3, '身份证号')).toHaveValue(PUPIL);
  await page.screenshot({ path: '/tmp/shots/school-batch.png', fullPage: true });

  // The form refuses the same duplicate, naming the field; nothing typed is lost.
  await school.tab('资助台账');
  await expect(school.grid.getByRole('row').filter({ hasText: '王小红' })).toContainText('与资助标准');
  await page.keyboard.press('Alt+n');
  const dialog = page.getByRole('dialog', { name: '新增资助记录' });
  await dialog.getByLabel('身份证号').fill(PUPIL);
  await dialog.getByLabel('学年').fill('2020-2021');
  await dialog.getByLabel('学期').selectOption({ label: '秋季' });
  await dialog.getByLabel('学段').selectOption({ label: '小学' });
  await dialog.getByLabel('资助项目').selectOption({ label: '生活补助' });
  await dialog.getByLabel('金额').fill('500');
  await page.keyboard.press('Control+s');
  await expect(dialog.getByRole('alert')).toContainText('未保存');
  await expect(dialog).toContainText('不能重复录入');
  await expect(dialog.getByLabel('身份证号')).toHaveValue(PUPIL);
  await page.screenshot({ path: '/tmp/shots/school-form-duplicate.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: '共 2 条' })).toContainText('980.00');
  // Both records go to the reviewer together; a submitted record is locked.
  await school.grid.getByRole('row').filter({ hasText: '王小明' }).getByRole('gridcell').nth(1).click();
  await school.grid.getByRole('row').filter({ hasText: '王小红' }).getByRole('gridcell').nth(1).click();
  await page.getByRole('group', { name: '审核操作' }).getByRole('button', { name: '提交审核' }).click();
  await expect(school.grid.getByRole('row').filter({ hasText: '王小明' })).toContainText('待审核');
  await expect(school.grid.getByRole('row').filter({ hasText: '王小红' })).toContainText('待审核');
  await page.screenshot({ path: '/tmp/shots/school-ledger.png', fullPage: true });

  await school.tab('统计报表');
  await page.getByLabel('年度').selectOption('2020');
  const table = page.getByRole('table', { name: '教育资助统计表' });
  await expect(table.getByRole('row').filter({ hasText: '生活补助' })).toContainText('2');
  await expect(page.getByTestId('school-report-total-count')).toHaveText('2');
  await expect(page.getByTestId('school-report-total-amount')).toHaveText('980.00');
  await page.screenshot({ path: '/tmp/shots/school-report.png', fullPage: true });

  await school.tab('资助标准');
  await expect(page.getByText('这是示例值')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/school-standards.png', fullPage: true });
});
