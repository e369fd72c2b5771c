/** The 数据包 page: cards located by their headings, files through their labelled pickers. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ADMIN } from '../fixtures.js';

export class PackagesPage {
  constructor(readonly page: Page) {}

  /** Signs in and opens 数据包 from the navigation. */
  async open(url: string, account: { username: string; password: string } = ADMIN): Promise<void> {
    await this.page.goto(url);
    await this.page.getByLabel('用户名').fill(account.username);
    await this.page.getByLabel('密码').fill(account.password);
    await this.page.getByLabel('密码').press('Enter');
    await this.page.getByRole('navigation').getByRole('button', { name: '数据包' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: '数据包' })).toBeVisible();
  }

  card(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The grouped fingerprint shown in a card. */
  async fingerprint(cardTitle: string): Promise<string> {
    return ((await this.card(cardTitle).getByLabel('公钥指纹').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Clicks a button that saves a file and keeps the file at `path`. */
  async download(button: Locator, path: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    await download.saveAs(path);
    return download.suggestedFilename();
  }

  async choose(inputLabel: string, files: string | string[]): Promise<void> {
    await this.page.getByLabel(inputLabel, { exact: true }).setInputFiles(files);
  }

  /** The key-file dialog: shows the fingerprint to compare, then registers. */
  async confirmKey(expectedFingerprint: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByLabel('公钥指纹')).toHaveText(expectedFingerprint);
    await dialog.getByRole('button', { name: /^一致/ }).click();
    await expect(dialog).toBeHidden();
  }

  outcome(fileName: string): Locator {
    return this.card('导入乡镇数据包').getByRole('listitem').filter({ hasText: fileName });
  }

  /** The whole page: the main area scrolls inside the window, so the window grows for the shot. */
  async shot(name: string): Promise<void> {
    const size = this.page.viewportSize() ?? { width: 1400, height: 900 };
    const height = await this.page.locator('.app-main').evaluate((el) => el.scrollHeight + 60);
    await this.page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await this.page.screenshot({ path: `/tmp/shots/packages-${name}.png` });
    await this.page.setViewportSize(size);
  }
}

/** Calls the API as the signed-in page does (for setting up data the test is not about). */
export async function api<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.evaluate(async ([m, i]) => {
    const token = sessionStorage.getItem('taizhang.token') ?? '';
    const r = await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-taizhang-token': token }, body: JSON.stringify(i) });
    return (await r.json()) as { ok: boolean; result?: unknown; error?: unknown };
  }, [method, input] as const);
  if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.result as T;
}
