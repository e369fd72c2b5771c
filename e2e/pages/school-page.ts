/** The 教育资助 page: its tabs, batch entry rows, the form dialog and the report. Located by role and label. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SchoolPage {
  readonly batchSave: Locator;
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.batchSave = page.getByRole('button', { name: '保存本批（Ctrl+S）' });
    this.grid = page.getByRole('region', { name: '教育资助记录' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '教育资助' }).click();
    await expect(this.page.getByRole('heading', { name: '教育资助' })).toBeVisible();
  }

  async tab(name: '资助台账' | '批量录入' | '统计报表' | '资助标准'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  batchCell(row: number, cell: '身份证号' | '金额（元）'): Locator {
    return this.page.getByLabel(`第 ${row} 行 ${cell}`, { exact: true });
  }

  batchRow(row: number): Locator {
    return this.page.locator('.school-batch-table tbody tr').nth(row - 1);
  }
}
