/** The 户籍台账 list: toolbar, grid and its pinned count row. Located by role and label. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ADMIN } from '../fixtures.js';

export class HouseholdsPage {
  readonly search: Locator;
  readonly grid: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: '快速查找' }).or(page.getByLabel('快速查找'));
    this.grid = page.getByRole('region', { name: '户列表' });
    this.status = page.getByRole('status').filter({ hasText: /共 \d+ 户/ });
  }

  async open(url: string, account: { username: string; password: string } = ADMIN): Promise<void> {
    await this.page.goto(url);
    await this.page.getByLabel('用户名').fill(account.username);
    await this.page.getByLabel('密码').fill(account.password);
    await this.page.getByLabel('密码').press('Enter');
    await expect(this.page.getByRole('navigation')).toContainText('户籍台账');
  }

  async expectCount(count: number): Promise<void> {
    await expect(this.status).toHaveText(`共 ${count} 户`);
  }

  row(text: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: text });
  }

  async quickSearch(text: string): Promise<void> {
    await this.search.fill(text);
  }
}
