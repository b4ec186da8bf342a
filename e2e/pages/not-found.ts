import type { Locator, Page } from '@playwright/test';

/** The page either app shows at an address no route claims. */
export class NotFoundPage {
  readonly heading: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /not found/i });
  }
}
