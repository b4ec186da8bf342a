import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** The storefront's home page, with the shell's header and footer. */
export class StorefrontHome {
  readonly greeting: Locator;
  readonly header: Locator;
  readonly footer: Locator;

  constructor(private readonly page: Page) {
    this.greeting = page.getByRole('heading', { level: 1 });
    this.header = page.getByRole('banner');
    this.footer = page.getByRole('contentinfo');
  }

  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.greeting).toBeVisible();
    await expectAccessible(this.page, 'the storefront home');
  }
}
