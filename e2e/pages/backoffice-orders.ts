import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** The back-office order list (with its URL filters) and an order's page with its actions. */
export class BackofficeOrders {
  constructor(private readonly page: Page) {}

  /** The current seller's orders, through the navbar. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Orders' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    await expectAccessible(this.page, 'the back-office orders');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Orders' });
  }

  /** Narrows the list to one order number (the filter lands in the URL). */
  async filterByNumber(number: number): Promise<void> {
    const field = this.page.getByRole('textbox', { name: 'Order number' });
    await field.fill(String(number));
    await field.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`[?&]number=${number}(&|$)`));
    await expect(this.table.getByRole('link', { name: `#${number}`, exact: true })).toBeVisible();
  }

  /** Opens an order of the list by its number. */
  async openOrder(number: number): Promise<void> {
    await this.table.getByRole('link', { name: `#${number}`, exact: true }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: new RegExp(`^Order #${number}\\b`) }),
    ).toBeVisible();
    await expectAccessible(this.page, `the back-office order #${number}`);
  }

  /** On an order's page: its status badge, in the heading. */
  status(): Locator {
    return this.page.getByRole('heading', { level: 1 }).locator('.mantine-Badge-label');
  }

  /** On an order's page: the buttons of what may be done now, in order. */
  async actions(): Promise<string[]> {
    const group = this.page.getByRole('group', { name: 'Order actions' });
    if ((await group.count()) === 0) return [];
    return (await group.getByRole('button').allTextContents()).map((t) => t.trim());
  }

  /** Runs an action that needs no details ("Accept", "Mark packed", "Complete"...). */
  async act(label: string, expectedStatus: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Order actions' })
      .getByRole('button', { name: label, exact: true })
      .click();
    await expect(this.status()).toHaveText(expectedStatus);
  }

  async ship(carrier: string, trackingNumber: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Order actions' })
      .getByRole('button', { name: 'Ship', exact: true })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Carrier' }).fill(carrier);
    await dialog.getByRole('textbox', { name: 'Tracking number' }).fill(trackingNumber);
    await dialog.getByRole('button', { name: 'Mark shipped' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.status()).toHaveText('Shipped');
  }

  /** On an order's page: the statuses of its history, oldest first. */
  async timeline(): Promise<string[]> {
    const history = this.page.getByRole('region', { name: 'History' });
    return (await history.locator('.mantine-Timeline-itemTitle').allTextContents()).map((t) =>
      t.trim(),
    );
  }
}
