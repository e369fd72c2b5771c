/** 医疗报销: the ledger grid driven by keyboard, its side panel, and the layer report. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ADMIN } from '../fixtures.js';

export class MedicalPage {
  readonly grid: Locator;
  readonly panel: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('region', { name: '报销记录' });
    this.panel = page.getByTestId('claim-panel');
    this.status = page.getByTestId('ledger-status');
  }

  async open(url: string, account: { username: string; password: string } = ADMIN): Promise<void> {
    await this.page.goto(url);
    await this.page.getByLabel('用户名').fill(account.username);
    await this.page.getByLabel('密码').fill(account.password);
    await this.page.getByLabel('密码').press('Enter');
    await this.page.getByRole('navigation').getByRole('button', { name: '医疗报销' }).click();
    await expect(this.page.getByRole('tab', { name: '报销录入' })).toHaveAttribute('aria-selected', 'true');
  }

  async tab(name: '报销录入' | '分层统计' | '政策规则'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The column id of the cell being edited (or focused). */
  private focusedColumn(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('[col-id]')?.getAttribute('col-id') ?? null);
  }

  async expectEditing(colId: string): Promise<void> {
    await expect.poll(() => this.focusedColumn()).toBe(colId);
  }

  /** Types into the open cell editor, replacing what is there, then Enter moves on. */
  async fill(colId: string, text: string): Promise<void> {
    await this.expectEditing(colId);
    await this.page.keyboard.press('ControlOrMeta+a');
    if (text) await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** In the person cell: type, wait for the match, Enter picks it. */
  async pickPerson(query: string, expectName: string): Promise<void> {
    await this.expectEditing('person');
    await this.page.keyboard.type(query);
    await expect(this.page.getByRole('listbox', { name: '匹配的人员' }).getByRole('option', { selected: true })).toContainText(expectName);
    await this.page.keyboard.press('Enter');
  }

  /** In a choice cell: the number of the choice (1 住院 …), then Enter. */
  async choose(colId: string, digit: string): Promise<void> {
    await this.expectEditing(colId);
    await this.page.keyboard.press(digit);
    await this.page.keyboard.press('Enter');
  }

  row(text: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: text });
  }

  /** All the text of grid line `line` (1-based): AG Grid splits a line into its pinned and centre parts. */
  lineText(line: number): Promise<string> {
    return this.grid.evaluate((grid, index) => Array.from(grid.querySelectorAll(`[role=row][row-index="${index}"]`)).map((r) => r.textContent ?? '').join(' '), line - 1);
  }
}
