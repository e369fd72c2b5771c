import { test, expect } from './fixtures.js';
import { HouseholdsPage } from './pages/households-page.js';
import { HouseholdEditor } from './pages/household-editor.js';
import { validId } from './ids.js';

const HEAD = validId('19650312', 11);
const WIFE = validId('19680720', 22);
const SON = validId('19900101', 31);

test.beforeEach(async ({ app }) => {
  const villages = `${app.dataDir}/villages.csv`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n371502100202,李楼村\n');
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道', '--villages', villages);
  expect(init.status, init.stderr).toBe(0);
});

test('registers a household with three members by keyboard alone, and finds it after a restart', async ({ app, page }) => {
  const list = new HouseholdsPage(page);
  const editor = new HouseholdEditor(page);
  await list.open(app.url);
  await list.expectCount(0);

  await page.keyboard.press('Alt+n');
  await expect(page.getByLabel('户编号')).toBeFocused();
  await editor.type('3715021002010001');
  await editor.enterTo('村');
  await editor.arrowTo('张庄村');
  await editor.enterTo('主要致贫原因');
  await editor.arrowTo('因病');

  await editor.enterTo('姓名', editor.member(0));
  await editor.type('张三');
  await page.keyboard.press('Enter');
  await editor.type(HEAD);
  await expect(editor.member(0)).toContainText('1965-03-12');

  await page.keyboard.press('Control+Enter');
  await expect(editor.member(1)).toBeVisible();
  await editor.enterTo('姓名', editor.member(1));
  await editor.type('李四');
  await page.keyboard.press('Enter');
  await editor.type(WIFE.toLowerCase());
  await page.keyboard.press('Enter');
  await editor.arrowTo('配偶');

  await page.keyboard.press('Control+Enter');
  await editor.enterTo('姓名', editor.member(2));
  await editor.type('张小三');
  await page.keyboard.press('Enter');
  await editor.type(SON);
  await page.keyboard.press('Enter');
  await editor.arrowTo('子');

  await page.keyboard.press('Control+s');
  await expect(editor.dialog).toBeHidden();
  await list.expectCount(1);
  await expect(list.row('3715021002010001')).toContainText('张三');
  await expect(list.row('3715021002010001')).toContainText('371502********');
  await page.screenshot({ path: test.info().outputPath('register-saved.png') });

  await app.restart();
  await list.open(app.url);
  await list.quickSearch('李四');
  await list.expectCount(1);
  await expect(list.row('3715021002010001')).toContainText('张庄村');
});

test('shows the Chinese error for a wrong check character and keeps what was typed', async ({ app, page }) => {
  const list = new HouseholdsPage(page);
  const editor = new HouseholdEditor(page);
  await list.open(app.url);
  await page.keyboard.press('Alt+n');
  await editor.type('H-0002');
  await editor.enterTo('村');
  await editor.arrowTo('李楼村');
  await editor.enterTo('姓名', editor.member(0));
  await editor.type('王五');
  await page.keyboard.press('Enter');
  const wrong = HEAD.slice(0, 17) + (HEAD[17] === '1' ? '2' : '1');
  await editor.type(wrong);
  await editor.expectFieldError(`校验位错误：应为 ${HEAD[17]}，输入的是 ${wrong[17]}`);

  await page.keyboard.press('Control+s');
  await expect(editor.dialog).toBeVisible();
  await expect(editor.dialog.getByText(/第 1 位成员 身份证号：校验位错误/).first()).toBeVisible();
  await expect(page.getByLabel('户编号')).toHaveValue('H-0002');
  await expect(editor.member(0).getByLabel('姓名')).toHaveValue('王五');
  await expect(editor.member(0).getByLabel('身份证号')).toHaveValue(wrong);
  await page.screenshot({ path: test.info().outputPath('register-error.png') });
});
