import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** A sale at a store counter: items from a store's stock, then payment and hand-over. */
export class BackofficeCounterSale {
  readonly placed: Locator;

  constructor(private readonly page: Page) {
    this.placed = page.getByRole('status').filter({ hasText: /^Order #\d+ placed/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Counter sale' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Counter sale' })).toBeVisible();
    await expectAccessible(this.page, 'the counter sale');
  }

  async chooseStore(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Store' }).selectOption({ label: name });
  }

  /** Searches by title or SKU and adds the offer named `title`; resolves to the store's stock text. */
  async addItem(search: string, title: string): Promise<string> {
    await this.page.getByRole('textbox', { name: 'Find an item' }).fill(search);
    const results = this.page.getByRole('table', { name: 'Matching offers' });
    const row = results.getByRole('row').filter({ hasText: title }).first();
    await expect(row).toBeVisible();
    const stock = (await row.getByText(/in this store|None in this store/).textContent()) ?? '';
    await row.getByRole('button', { name: `Add ${title}` }).click();
    await expect(this.page.getByRole('textbox', { name: `Quantity of ${title}` })).toBeVisible();
    return stock;
  }

  async setQuantity(title: string, quantity: number): Promise<void> {
    await this.page.getByRole('textbox', { name: `Quantity of ${title}` }).fill(String(quantity));
  }

  async setCustomerEmail(email: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Customer e-mail' }).fill(email);
  }

  /** Places the sale; resolves to the new order's number. */
  async place(): Promise<number> {
    await this.page.getByRole('button', { name: 'Place order' }).click();
    await expect(this.placed).toBeVisible();
    const title = (await this.placed.textContent()) ?? '';
    return Number(/Order #(\d+) placed/.exec(title)?.[1] ?? Number.NaN);
  }

  async markPaid(): Promise<void> {
    await this.placed.getByRole('button', { name: 'Mark paid' }).click();
    await expect(this.placed.getByRole('button', { name: 'Hand over' })).toBeVisible();
  }

  async handOver(): Promise<void> {
    await this.placed.getByRole('button', { name: 'Hand over' }).click();
    await expect(this.placed.getByText('Paid and handed over. Done.')).toBeVisible();
  }

  /** Opens the placed order's page. */
  async openOrder(): Promise<void> {
    await this.placed.getByRole('link', { name: 'Open the order' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Order #/ })).toBeVisible();
  }
}
