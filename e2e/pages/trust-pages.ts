/** Signing in and out as different people, accounts, and the review actions on the household grid. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Person {
  username: string;
  password: string;
}

export class TrustPages {
  /** Where to take a picture of the next reason dialog, filled in. */
  shotReasonDialog: string | null = null;

  constructor(readonly page: Page) {}

  async signIn(url: string, who: Person): Promise<void> {
    await this.page.goto(url);
    await this.page.getByLabel('用户名').fill(who.username);
    await this.page.getByLabel('密码').fill(who.password);
    await this.page.getByLabel('密码').press('Enter');
    await expect(this.page.getByRole('navigation')).toContainText('户籍台账');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: '退出登录' }).click();
    await expect(this.page.getByRole('button', { name: '登录' })).toBeVisible();
  }

  nav(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name });
  }

  async addAccount(username: string, displayName: string, role: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: '新增账号' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新增账号' });
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill(displayName);
    await dialog.getByLabel('角色').selectOption({ label: role });
    await dialog.getByLabel('初始密码（至少 8 位）').fill(password);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.locator(`tr[data-username="${username}"]`)).toContainText(role);
  }

  /** Ticks the household's checkbox in the grid. */
  async select(householdNo: string): Promise<void> {
    const row = this.page.locator('.ag-row').filter({ hasText: householdNo }).first();
    const index = await row.getAttribute('row-index');
    await this.page.locator(`.ag-row[row-index="${index}"] input[type="checkbox"]`).first().check();
  }

  /** What the 审核状态 column says for the household. */
  async reviewCell(householdNo: string): Promise<Locator> {
    const row = this.page.locator('.ag-row').filter({ hasText: householdNo }).first();
    const index = await row.getAttribute('row-index');
    return this.page.locator(`.ag-row[row-index="${index}"] [col-id="reviewState"]`);
  }

  reviewButton(name: '提交审核' | '审核通过' | '退回' | '重新打开'): Locator {
    return this.page.getByRole('group', { name: '审核操作' }).getByRole('button', { name });
  }

  async withReason(action: '退回' | '重新打开', reason: string): Promise<void> {
    await this.reviewButton(action).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('原因').fill(reason);
    if (this.shotReasonDialog) await this.page.screenshot({ path: this.shotReasonDialog });
    await dialog.getByRole('button', { name: action }).click();
    await expect(dialog).toBeHidden();
  }
}
