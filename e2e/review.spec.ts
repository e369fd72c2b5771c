import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, ADMIN } from './fixtures.js';
import { HouseholdsPage } from './pages/households-page.js';
import { HouseholdEditor } from './pages/household-editor.js';
import { TrustPages } from './pages/trust-pages.js';
import { validId } from './ids.js';

const CLERK = { username: 'luru', password: 'luru-pass-1' };
const REVIEWER = { username: 'shenhe', password: 'shenhe-pass-1' };
const SHOTS = '/tmp/shots';

test.beforeEach(async ({ app }) => {
  const villages = `${app.dataDir}/villages.csv`;
  writeFileSync(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n');
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道', '--villages', villages);
  expect(init.status, init.stderr).toBe(0);
  mkdirSync(SHOTS, { recursive: true });
});

async function registerHousehold(page: import('@playwright/test').Page, householdNo: string, head: string, idNumber: string) {
  const editor = new HouseholdEditor(page);
  await page.keyboard.press('Alt+n');
  await expect(page.getByLabel('户编号')).toBeFocused();
  await editor.type(householdNo);
  await editor.enterTo('村');
  await editor.arrowTo('张庄村');
  await editor.enterTo('姓名', editor.member(0));
  await editor.type(head);
  await page.keyboard.press('Enter');
  await editor.type(idNumber);
  await page.keyboard.press('Control+s');
  await expect(editor.dialog).toBeHidden();
}

test('a household goes from the clerk to the reviewer, back with a reason, and is approved and locked', async ({ app, page }) => {
  const trust = new TrustPages(page);
  const list = new HouseholdsPage(page);

  // The administrator makes a clerk and a reviewer.
  await trust.signIn(app.url, ADMIN);
  await trust.nav('账号管理').click();
  await trust.addAccount(CLERK.username, '王录入', '录入员', CLERK.password);
  await trust.addAccount(REVIEWER.username, '李审核', '审核员', REVIEWER.password);
  await page.screenshot({ path: `${SHOTS}/trust-accounts.png` });
  await trust.signOut();

  // The clerk registers two households and submits both.
  await trust.signIn(app.url, CLERK);
  await expect(trust.nav('账号管理')).toHaveCount(0);
  await registerHousehold(page, '3715021002010001', '张三', validId('19650312', 11));
  await registerHousehold(page, '3715021002010002', '李四', validId('19700506', 21));
  await list.expectCount(2);
  await expect(await trust.reviewCell('3715021002010001')).toHaveText('草稿');
  await trust.select('3715021002010001');
  await trust.select('3715021002010002');
  await trust.reviewButton('提交审核').click();
  await expect(page.getByText('提交审核：2 户')).toBeVisible();
  await expect(await trust.reviewCell('3715021002010002')).toHaveText('待审核');
  // A clerk has no reviewer's buttons.
  await expect(trust.reviewButton('审核通过')).toHaveCount(0);
  await trust.signOut();

  // The reviewer returns the second with a reason; approving a returned one is refused in words.
  await trust.signIn(app.url, REVIEWER);
  await expect(page.getByRole('button', { name: '新增户' })).toHaveCount(0);
  await trust.select('3715021002010002');
  trust.shotReasonDialog = `${SHOTS}/trust-return-reason.png`;
  await trust.withReason('退回', '请补充帮扶责任人');
  await expect(await trust.reviewCell('3715021002010002')).toHaveText('退回：请补充帮扶责任人');
  await trust.select('3715021002010002');
  await trust.reviewButton('审核通过').click();
  const refused = page.getByRole('dialog', { name: /审核通过：有记录未处理/ });
  await expect(refused).toContainText('户 3715021002010002：只有待审核的记录可以审核通过');
  await page.screenshot({ path: `${SHOTS}/trust-refused.png` });
  await refused.getByRole('button', { name: '关闭' }).click();
  await trust.signOut();

  // The clerk sees the returned household first, with the reason, fixes it and resubmits.
  await trust.signIn(app.url, CLERK);
  const firstRow = page.locator('.ag-row[row-index="0"]');
  await expect(firstRow.locator('[col-id="reviewState"]')).toHaveText('退回：请补充帮扶责任人');
  await expect(firstRow.locator('[col-id="householdNo"]')).toHaveText('3715021002010002');
  await page.screenshot({ path: `${SHOTS}/trust-returned-first.png` });
  await list.row('3715021002010002').first().dblclick();
  await expect(page.getByRole('note').filter({ hasText: '审核员退回：请补充帮扶责任人' })).toBeVisible();
  await page.getByLabel('帮扶责任人').fill('赵帮扶');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('dialog')).toBeHidden();
  await trust.select('3715021002010002');
  await trust.reviewButton('提交审核').click();
  await expect(await trust.reviewCell('3715021002010002')).toHaveText('待审核');
  await trust.signOut();

  // The reviewer approves both; an approved household opens read-only.
  await trust.signIn(app.url, REVIEWER);
  await trust.select('3715021002010001');
  await trust.select('3715021002010002');
  await trust.reviewButton('审核通过').click();
  await expect(page.getByText('审核通过：2 户')).toBeVisible();
  await trust.signOut();

  await trust.signIn(app.url, CLERK);
  await expect(await trust.reviewCell('3715021002010002')).toHaveText('已审核');
  await list.row('3715021002010002').first().dblclick();
  await expect(page.getByTestId('editor-lock')).toHaveText('此户已审核通过，只能查看。如需修改，请审核员“重新打开”。');
  await expect(page.getByLabel('帮扶责任人')).toBeDisabled();
  await expect(page.getByRole('button', { name: '保存', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除此户' })).toHaveCount(0);
  // The history panel tells the story in words.
  await page.getByRole('button', { name: '修改记录' }).click();
  const history = page.getByTestId('history-panel');
  await expect(history).toContainText('审核状态：退回 → 待审核');
  await expect(history).toContainText('原因：（空） → 请补充帮扶责任人');
  await expect(history).toContainText('帮扶责任人：（空） → 赵帮扶');
  await expect(history).toContainText('shenhe');
  await page.screenshot({ path: `${SHOTS}/trust-readonly-history.png` });
});
