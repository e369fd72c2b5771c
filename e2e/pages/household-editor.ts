/** The household editor, driven by keyboard the way a clerk types a paper slip. */
import { expect, type Locator, type Page } from '@playwright/test';

export class HouseholdEditor {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  member(index: number): Locator {
    return this.page.getByTestId(`member-row-${index}`);
  }

  /** The accessible name of the focused field (its label or aria-label). */
  private focusedLabel(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      if (labelled) return labelled;
      const id = el.id;
      const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
      return label?.textContent?.trim() ?? el.closest('label')?.textContent?.trim() ?? '';
    });
  }

  /** Presses Enter until the field named `label` has focus: no mouse, no fixed counts. */
  async enterTo(label: string, within: Locator = this.dialog): Promise<void> {
    for (let i = 0; i < 40; i++) {
      const focusedInside = await within.evaluate((el) => el.contains(document.activeElement));
      if (focusedInside && (await this.focusedLabel()) === label) return;
      await this.page.keyboard.press('Enter');
    }
    throw new Error(`Enter never reached the field ${label}`);
  }

  /** Types into the focused field, replacing what is there. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
  }

  /** Chooses in a focused select with the arrow keys, as a keyboard user does. */
  async arrowTo(optionLabel: string): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const current = await this.page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : null;
      });
      if (current === null) throw new Error('focus is not on a select');
      if (current === optionLabel) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`option ${optionLabel} not reached`);
  }

  async expectFieldError(text: string | RegExp): Promise<void> {
    await expect(this.dialog.getByText(text).first()).toBeVisible();
  }
}
