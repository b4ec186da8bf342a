import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** One seller's order within a purchase, as the shopper sees it. */
export interface OrderSummary {
  number: number;
  seller: string;
  /** "Placed", "Paid", "Accepted", "Shipped", "Cancelled"... */
  status: string;
  /** "Delivery (Standard) to …" or "Pick up at …". */
  fulfilment: string;
}

export interface PurchaseSummary {
  number: number;
  orders: OrderSummary[];
}

/**
 * A purchase's confirmation page (/purchases/:id), the purchase history
 * (/account/purchases) and an order's page with its history and cancellation.
 */
export class StorefrontPurchases {
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.history = page.getByRole('list', { name: 'Your purchases' });
  }

  /** The purchase history, from the account page's link. */
  async openHistory(): Promise<void> {
    await this.page.goto('./account');
    await this.page.getByRole('link', { name: 'Your purchases' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Your purchases' }),
    ).toBeVisible();
    await expectAccessible(this.page, 'the purchase history');
  }

  /** The purchases listed so far, newest first, each with its orders. */
  async purchases(): Promise<PurchaseSummary[]> {
    await expect(this.history).toBeVisible();
    const result: PurchaseSummary[] = [];
    for (const item of await this.history.locator(':scope > li').all()) {
      const name = (await item.getAttribute('aria-label')) ?? '';
      result.push({ number: numberIn(name), orders: await this.ordersIn(item) });
    }
    return result;
  }

  async loadMore(): Promise<void> {
    const before = await this.history.locator(':scope > li').count();
    await this.page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => this.history.locator(':scope > li').count()).toBeGreaterThan(before);
  }

  /** On a purchase's own page: its orders. */
  async confirmationOrders(): Promise<OrderSummary[]> {
    await expect(this.page.getByRole('heading', { level: 1, name: /^Purchase #/ })).toBeVisible();
    await expectAccessible(this.page, 'a purchase confirmation');
    return this.ordersIn(this.page.getByRole('main'));
  }

  /** Opens an order's page from the purchase history or a confirmation. */
  async openOrder(number: number): Promise<void> {
    await this.page.getByRole('link', { name: `See order #${number}` }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: new RegExp(`^Order #${number} `) }),
    ).toBeVisible();
    await expectAccessible(this.page, `the order page #${number}`);
  }

  /** On an order's page: the statuses of its history, oldest first. */
  async timeline(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'History' })
      .getByRole('listitem')
      .locator('strong')
      .allTextContents();
  }

  /** On an order's page: its current status. */
  orderStatus(status: string): Locator {
    return this.page.getByRole('main').getByText(status, { exact: true }).first();
  }

  cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel order' });
  }

  /** Cancels the open order with `reason` and waits for the confirmation. */
  async cancel(reason: string): Promise<void> {
    await this.cancelButton().click();
    const form = this.page.getByRole('form', { name: 'Cancel this order' });
    await form.getByRole('textbox', { name: 'Why are you cancelling?' }).fill(reason);
    await form.getByRole('button', { name: 'Cancel the order' }).click();
    await expect(this.page.getByText('The order is cancelled.', { exact: false })).toBeVisible();
  }

  private async ordersIn(scope: Locator): Promise<OrderSummary[]> {
    const orders: OrderSummary[] = [];
    for (const order of await scope.getByRole('listitem', { name: /^Order #\d+ from / }).all()) {
      const name = (await order.getAttribute('aria-label')) ?? '';
      const paragraphs = (await order.locator('p').allTextContents()).map((t) => t.trim());
      orders.push({
        number: numberIn(name),
        seller: name.replace(/^Order #\d+ from /, ''),
        status: (paragraphs[0] ?? '').replace(/^Status:\s*/, ''),
        fulfilment: paragraphs[1] ?? '',
      });
    }
    return orders;
  }
}

function numberIn(text: string): number {
  return Number(/#(\d+)/.exec(text)?.[1] ?? Number.NaN);
}
