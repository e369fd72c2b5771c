/** The 饮水安全 page: its tabs, the two grids, the entry forms and the report. Located by role and label. */
import { expect, type Locator, type Page } from '@playwright/test';

export class WaterPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get assessments(): Locator {
    return this.page.getByRole('region', { name: '入户评价' });
  }

  get tests(): Locator {
    return this.page.getByRole('region', { name: '水质检测' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '饮水安全' }).click();
    await expect(this.page.getByRole('heading', { name: '饮水安全', level: 1 })).toBeVisible();
  }

  async tab(name: '入户评价' | '水质检测' | '供水工程' | '统计报表' | '评价标准与限值'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  async addSupply(name: string): Promise<void> {
    await this.tab('供水工程');
    await this.page.getByLabel('工程名称').fill(name);
    await this.page.getByRole('button', { name: '新增供水工程' }).click();
    await expect(this.page.getByRole('cell', { name, exact: true })).toBeVisible();
  }

  /** A test with the given results (parameter label → value), by the form. */
  async addTest(supply: string, date: string, values: Record<string, string>): Promise<void> {
    await this.tab('水质检测');
    await this.page.getByRole('button', { name: '新增检测' }).click();
    await this.dialog.getByLabel('供水工程').selectOption({ label: supply });
    await this.dialog.getByLabel('采样日期').fill(date);
    await this.dialog.getByLabel('检测机构', { exact: true }).fill('县疾控中心');
    for (const [parameter, value] of Object.entries(values)) await this.dialog.getByLabel(parameter, { exact: true }).fill(value);
    await this.page.keyboard.press('Control+s');
    await expect(this.dialog).toBeHidden();
  }

  row(grid: Locator, text: string): Locator {
    return grid.getByRole('row').filter({ hasText: text });
  }
}
