/** The 危房改造 page: the ledger grid, the repair editor (keyboard first) and the progress report. */
import { expect, type Locator, type Page } from '@playwright/test';

export class HousingPage {
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('region', { name: '危房改造列表' });
  }

  get editor(): Locator {
    return this.page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '危房改造' }).click();
    await expect(this.page.getByRole('heading', { name: '危房改造', level: 1 })).toBeVisible();
  }

  row(text: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: text });
  }

  /** The label of the focused field. */
  private focusedLabel(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      return label?.textContent?.trim() ?? el.closest('label')?.textContent?.trim() ?? '';
    });
  }

  /** Presses Enter until the field named `label` has focus, as a clerk moves through the form. */
  async enterTo(label: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      if ((await this.focusedLabel()) === label) return;
      await this.page.keyboard.press('Enter');
    }
    throw new Error(`Enter never reached the field ${label}`);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
  }

  /** Types into the field named `label`, reached by Enter. */
  async fill(label: string, text: string): Promise<void> {
    await this.enterTo(label);
    await this.type(text);
  }

  /** Chooses in the focused select with the arrow keys. */
  async choose(label: string, option: string): Promise<void> {
    await this.enterTo(label);
    for (let i = 0; i < 12; i++) {
      const current = await this.page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : null;
      });
      if (current === option) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`option ${option} not reached`);
  }

  /** The note under a field: its error, in Chinese. */
  note(label: string): Locator {
    return this.editor.locator('.field').filter({ has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }
}
