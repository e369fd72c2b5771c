import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, type AppServer } from './fixtures.js';
import { MedicalPage } from './pages/medical-page.js';
import { validId } from './ids.js';

const ZHANG = validId('19550312', 11);
const LI = validId('19600720', 22);

test.beforeEach(async ({ app }) => {
  const villages = `${app.dataDir}/villages.csv`;
  writeFileSync(villages, '\uFEFF村代码,村名\n371502100201,张庄村\n371502100202,李楼村\n');
  const init = app.cli('init', '--db', app.dbFile, '--org', '371502100', '--name', '东城街道', '--villages', villages);
  expect(init.status, init.stderr).toBe(0);
  const persons = `${app.dataDir}/户籍.csv`;
  writeFileSync(persons, [
    '户编号,村,户类型,姓名,身份证号,与户主关系,参加基本医疗保险',
    `3715021002010001,张庄村,建档立卡贫困户,张三,${ZHANG},户主,是`,
    `3715021002020001,李楼村,建档立卡贫困户,李四,${LI},户主,是`,
  ].join('\n'));
  const imported = app.cli('import', '--db', app.dbFile, '--kind', 'persons', persons);
  expect(imported.status, imported.stdout + imported.stderr).toBe(0);
});

interface Slip {
  person: string;
  name: string;
  visitType: string;
  hospital: string;
  level: string;
  admission: string;
  discharge: string;
  diagnosis: string;
  total: string;
  inScope: string;
  layers: [string, string, string, string, string, string];
  accident: string;
  invoice: string;
  settlement: string;
}

/** One slip, typed the way a clerk does: Alt+N to the empty line, then Enter after every cell. */
async function typeSlip(medical: MedicalPage, page: Page, slip: Slip): Promise<void> {
  await page.keyboard.press('Alt+n');
  await medical.pickPerson(slip.person, slip.name);
  await medical.choose('visitType', slip.visitType);
  await medical.fill('hospitalName', slip.hospital);
  await medical.choose('hospitalLevel', slip.level);
  await medical.fill('admissionDate', slip.admission);
  await medical.fill('dischargeDate', slip.discharge);
  await medical.fill('diagnosis', slip.diagnosis);
  await medical.fill('totalCost', slip.total);
  await medical.fill('inScopeCost', slip.inScope);
  const layerCols = ['basicInsurance', 'criticalIllness', 'hospitalWaiver', 'medicalAssistance', 'supplementaryCommercial', 'catastrophicReassistance'];
  for (const [i, col] of layerCols.entries()) await medical.fill(col, slip.layers[i]!);
  await medical.fill('accidentInsurance', slip.accident);
  await medical.fill('invoiceNo', slip.invoice);
  await medical.fill('settlementDate', slip.settlement);
}

const FIRST: Slip = {
  person: ZHANG, name: '张三', visitType: '1', hospital: '县人民医院', level: '2', admission: '20200302', discharge: '2020/3/10',
  diagnosis: '肺炎', total: '10000', inScope: '9000', layers: ['6800', '', '', '', '', ''], accident: '', invoice: 'FP-0001', settlement: '2020-03-10',
};
const SECOND: Slip = {
  person: '李四', name: '李四', visitType: '2', hospital: '东城卫生院', level: '1', admission: '2020-05-06', discharge: '2020-05-06',
  diagnosis: '高血压', total: '500', inScope: '480', layers: ['432', '', '', '30', '', ''], accident: '', invoice: 'FP-0002', settlement: '2020-05-06',
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('enters two slips by keyboard alone, refuses a duplicate, flags the ceiling, and the report adds them up', async ({ app, page }: { app: AppServer; page: Page }) => {
  test.slow();
  const medical = new MedicalPage(page);
  await medical.open(app.url);

  await typeSlip(medical, page, FIRST);
  await expect(medical.status).toContainText('已保存：张三 2020-03-02');
  // 9000 − 6800 = 2200 in scope left to the person: 24.44 % of 9000, above the 10 % ceiling.
  await expect.poll(() => medical.lineText(1)).toMatch(/张三.*3,200\.00.*24\.44%.*\d+ 处提醒/);
  // The next line is open for the next slip, on the person cell.
  await medical.expectEditing('person');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await expect(medical.panel).toContainText('超过 10% 的上限');
  await shot(page, 'medical-ledger-ceiling');

  await typeSlip(medical, page, SECOND);
  await expect(medical.status).toContainText('已保存：李四 2020-05-06');

  // The same hospital and invoice number again: refused, pointing at the first slip.
  await typeSlip(medical, page, { ...FIRST, person: LI, name: '李四', admission: '2020-06-01', discharge: '2020-06-03' });
  await expect(medical.status).toContainText('未保存');
  await expect(medical.panel).toContainText('重复：县人民医院 的票据号 FP-0001 已录入');
  await expect(medical.panel.getByRole('button', { name: '打开已有记录' })).toBeVisible();
  await shot(page, 'medical-ledger-duplicate');

  await medical.panel.getByRole('button', { name: '打开已有记录' }).click();
  const form = page.getByTestId('claim-form');
  await expect(form).toBeVisible();
  await expect(form.getByLabel('医院名称')).toHaveValue('县人民医院');
  await shot(page, 'medical-form');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await medical.tab('分层统计');
  await page.getByLabel('年度', { exact: true }).selectOption('2020');
  const report = page.getByTestId('medical-report');
  await expect(report).toContainText('2020 年度');
  const totals = report.getByRole('row').filter({ has: page.getByRole('cell', { name: '合计', exact: true }) });
  // 人次 2; total cost 10,500.00; basic insurance 2 visits, 7,232.00; medical assistance 1, 30.00; self-pay 3,238.00; 1 above ceiling.
  await expect(totals).toContainText('10,500.00');
  await expect(totals).toContainText('7,232.00');
  await expect(totals).toContainText('3,238.00');
  await expect(totals.getByRole('cell').nth(1)).toHaveText('2');
  await expect(totals.getByRole('cell').last()).toHaveText('1');
  await expect(page.getByTestId('report-summary')).toContainText('超过自付上限（人次）1');
  await expect(page.getByTestId('layer-chart')).toBeVisible();
  await shot(page, 'medical-report');
  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await sheet).suggestedFilename()).toBe('2020年医疗报销分层统计.xlsx');
  // A date range (by discharge date): March holds the first slip only.
  await page.getByLabel('统计期间').selectOption('range');
  await page.getByLabel('起').fill('2020-03-01');
  await page.getByLabel('止').fill('2020-03-31');
  await expect(report).toContainText('2020-03-01 至 2020-03-31');
  await expect(totals).toContainText('10,000.00');
  await expect(totals.getByRole('cell').nth(1)).toHaveText('1');
  await page.getByLabel('统计期间').selectOption('year');
  await page.getByLabel('年度', { exact: true }).selectOption('2020');
  await expect(totals).toContainText('10,500.00');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'medical-report-print');
  await page.emulateMedia({ media: 'screen' });

  await medical.tab('政策规则');
  await expect(page.getByTestId('policy-table')).toContainText('重特大疾病再救助');
  await page.getByLabel('政策年度').selectOption('2021');
  await page.getByLabel('个人自付上限（占政策范围内费用 %）').fill('12.5');
  await page.getByRole('button', { name: '保存政策' }).click();
  await expect(page.getByText('已保存 2021 年度政策规则')).toBeVisible();
  await shot(page, 'medical-policy');
  // The 2020 slips entered above, worked out again under the current 2020 rules (unchanged: nothing moves).
  await page.getByLabel('政策年度').selectOption('2020');
  await page.getByRole('button', { name: '按现行规则重新测算 2020 年度报销' }).click();
  await expect(page.getByTestId('repropose-result')).toHaveText(/^2020 年度共 [1-9]\d* 条报销已重新测算，其中 0 条的测算值或提醒有变化。$/);
  await shot(page, 'medical-policy-repropose');
});

test('a stay typed late re-proposes the later one, whose row is read again and still saves', async ({ app, page }: { app: AppServer; page: Page }) => {
  const medical = new MedicalPage(page);
  await medical.open(app.url);
  const JUNE: Slip = { ...FIRST, admission: '20200601', discharge: '2020/6/8', invoice: 'FP-0601', settlement: '2020-06-08' };
  await typeSlip(medical, page, JUNE);
  await expect(medical.status).toContainText('已保存：张三 2020-06-01');
  // The main process re-proposes June (March now consumes the deductibles first): the ledger
  // reads June again, so changing it afterwards saves instead of meeting a newer version.
  const juneReadAgain = page.waitForResponse((r) => r.url().includes('medical/get'));
  await typeSlip(medical, page, FIRST);
  await expect(medical.status).toContainText('已保存：张三 2020-03-02');
  await juneReadAgain;
  await page.keyboard.press('Escape');
  await medical.row('2020-06-01').getByRole('gridcell').first().click();
  await page.keyboard.press('Control+e');
  const form = page.getByTestId('claim-form');
  await expect(form.getByLabel('入院日期', { exact: true })).toHaveValue('2020-06-01');
  await form.getByLabel('诊断', { exact: true }).fill('肺炎复诊');
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();
  await expect(medical.row('肺炎复诊')).toHaveCount(1);
});

const SHEET_HEADER = '身份证号\t姓名\t就诊类型\t医院名称\t医院等级\t入院日期\t出院日期\t诊断\t医疗总费用\t政策范围内费用\t基本医疗保险\t大病保险\t医疗机构减免\t医疗救助\t商业补充保险\t重特大疾病再救助\t意外伤害保险\t票据号\t结算日期';

test('rows pasted from Excel are saved one by one, the wrong one kept and explained; a sheet imports', async ({ app, page }) => {
  test.slow();
  const medical = new MedicalPage(page);
  await medical.open(app.url);
  const rows = [
    SHEET_HEADER,
    `${ZHANG}\t张三\t住院\t县人民医院\t县级\t2020/4/1\t2020/4/8\t骨折\t8000\t7000\t5200\t\t\t\t\t\t\tP-1\t2020/4/8`,
    // In-scope cost above the total: refused, kept in the grid with the reason.
    `${LI}\t李四\t门诊慢病\t东城卫生院\t乡镇卫生院\t2020-04-02\t2020-04-02\t糖尿病\t300\t350\t200\t\t\t\t\t\t\tP-2\t2020-04-02`,
  ].join('\r\n');
  await page.keyboard.press('Alt+n');
  await page.keyboard.press('Escape');
  await medical.grid.evaluate((grid, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    (document.activeElement ?? grid).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, rows);
  await expect(medical.status).toHaveText('粘贴了 2 行：保存 1 行，1 行有错误未保存（已保留在表中并标出）');
  await expect.poll(() => medical.lineText(2)).toMatch(/李四.*1 处错误/);
  await expect(medical.panel).toContainText('政策范围内费用 350.00 元超过医疗总费用 300.00 元');
  await shot(page, 'medical-paste');
  // The wrong cell explains itself on hover too.
  await medical.grid.locator('[row-index="1"] [col-id="check"]').hover();
  await expect(page.locator('.ag-tooltip')).toContainText('政策范围内费用 350.00 元超过医疗总费用 300.00 元');
  await shot(page, 'medical-tooltip');
  // Corrected in place and saved with Ctrl+S while the cell is still open.
  await medical.panel.getByRole('button', { name: /^政策范围内费用：/ }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[col-id]')?.getAttribute('col-id'))).toBe('inScopeCost');
  await page.keyboard.press('Enter');
  await page.keyboard.type('280');
  await page.keyboard.press('Control+s');
  await expect(medical.status).toContainText('已保存：李四 2020-04-02');
  await expect.poll(() => medical.lineText(2)).not.toContain('处错误');

  const sheet = `${app.dataDir}/报销.csv`;
  writeFileSync(sheet, `\uFEFF${[
    SHEET_HEADER,
    `${LI}\t李四\t住院\t市人民医院\t市级\t2020-07-01\t2020-07-09\t\t12000\t11000\t7000\t\t\t\t\t\t\tS-1\t2020-07-09`,
    // Before 张三's April stay typed above: April's proposal is worked out again.
    `${ZHANG}\t张三\t住院\t县人民医院\t县级\t2020-02-03\t2020-02-10\t\t30000\t28000\t20000\t\t\t\t\t\t\tS-0\t2020-02-10`,
    `${LI}\t李四\t住院\t市人民医院\t市级\t2020-07-20\t2020-07-10\t\t100\t100\t\t\t\t\t\t\t\tS-2\t`,
  ].join('\n').replaceAll('\t', ',')}\n`);
  await page.getByRole('button', { name: '导入' }).click();
  await page.getByLabel('选择要导入的文件').setInputFiles(sheet);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('有错误的行（1 处）')).toBeVisible();
  await expect(dialog.getByTestId('import-issues')).toContainText('早于入院日期');
  await shot(page, 'medical-import');
  await dialog.getByRole('button', { name: /仅导入有效行/ }).click();
  await expect(dialog.getByRole('button', { name: /下载未导入的行/ })).toBeVisible();
  await expect(dialog.getByTestId('import-reproposed')).toContainText('1 条');
  await shot(page, 'medical-import-done');
  await dialog.getByRole('button', { name: '关闭' }).first().click();
  await expect.poll(() => medical.grid.evaluate((g) => g.textContent ?? '')).toContain('市人民医院');

  await page.getByRole('button', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '导出为 Excel（.xlsx）' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('the form view: Enter walks the fields, Ctrl+S saves, the claim joins the ledger', async ({ app, page }) => {
  const medical = new MedicalPage(page);
  await medical.open(app.url);
  await page.getByRole('button', { name: '表单录入' }).click();
  const form = page.getByTestId('claim-form');
  await expect(form).toBeVisible();
  await expect(form.getByRole('combobox', { name: '身份证号或姓名' })).toBeFocused();
  await page.keyboard.type(ZHANG.slice(0, 10));
  await expect(page.getByRole('listbox', { name: '匹配的人员' }).getByRole('option', { selected: true })).toContainText('张三');
  await page.keyboard.press('Enter');
  await expect(form).toContainText('张庄村');
  await expect(form.getByLabel('就诊类型')).toBeFocused();
  const next = async (label: string, text: string) => {
    await page.keyboard.press('Enter');
    await expect(form.getByLabel(label, { exact: true })).toBeFocused();
    await page.keyboard.type(text);
  };
  await next('医院名称', '县中医院');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await next('入院日期', '2020-09-01');
  await next('出院日期', '2020-09-05');
  await next('诊断', '腰椎间盘突出');
  await next('医疗总费用', '6000');
  await next('政策范围内费用', '5000');
  await next('基本医疗保险', '3600');
  // 5000 − 3600 = 1400 in scope left: 28 %, shown while typing.
  await expect(form.getByRole('status')).toContainText('28%');
  await shot(page, 'medical-form-new');
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();
  await expect.poll(() => medical.grid.evaluate((g) => g.textContent ?? '')).toContain('县中医院');
  await expect(medical.grid).toContainText('2,400.00');
});
