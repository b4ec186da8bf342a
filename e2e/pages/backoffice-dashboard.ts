import { type Locator, type Page, expect } from '@playwright/test';

/** The back-office's first page: live API status and shop settings. */
export class BackofficeDashboard {
  readonly heading: Locator;
  readonly apiStatus: Locator;
  readonly shop: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.apiStatus = page.getByRole('region', { name: 'API status' });
    this.shop = page.getByRole('region', { name: 'Shop' });
  }

  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.heading).toBeVisible();
  }

  /** The value shown next to a label in one of the dashboard's cards. */
  valueOf(card: Locator, label: string): Locator {
    return card.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }
}
