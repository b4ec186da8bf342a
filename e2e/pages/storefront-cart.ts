import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** One line of the cart as the shopper sees it. */
export interface CartLineRow {
  title: string;
  seller: string;
  quantity: number;
  /** The line total, e.g. "$78.00". */
  total: string;
  /** The line's warnings in plain words ("Price changed from $35.00 to $39.00."). */
  warnings: string[];
}

/**
 * The cart: adding from a product page's buy box, the header's cart link and the
 * /cart page (lines grouped by seller, quantities, removal, the price banner).
 */
export class StorefrontCart {
  readonly heading: Locator;
  readonly headerLink: Locator;
  readonly priceBanner: Locator;
  readonly subtotal: Locator;
  readonly empty: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your cart' });
    this.headerLink = page.getByRole('link', { name: /^Cart, \d+ items?$/ });
    this.priceBanner = page.getByRole('region', { name: 'Prices changed' });
    this.subtotal = page
      .locator('dt', { hasText: 'Subtotal' })
      .locator('xpath=following-sibling::dd[1]');
    this.empty = page.getByText('Your cart is empty.');
  }

  /** On a product page: adds the buy box's offer, `quantity` of it, and waits for the confirmation. */
  async addToCart(quantity = 1): Promise<void> {
    const buyBox = this.page.getByRole('region', { name: 'Buy box' });
    await buyBox.getByRole('spinbutton', { name: 'Quantity' }).fill(String(quantity));
    await buyBox.getByRole('button', { name: 'Add to cart' }).click();
    await expect(buyBox.getByRole('status')).toContainText('Added to your cart');
  }

  /** What the buy box says went wrong when adding (empty when nothing did). */
  addToCartError(): Locator {
    return this.page.getByRole('region', { name: 'Buy box' }).getByRole('alert');
  }

  /** The count the header's cart link shows. */
  async headerCount(): Promise<number> {
    const name = (await this.headerLink.getAttribute('aria-label')) ?? '';
    return Number(/(\d+)/.exec(name)?.[1] ?? Number.NaN);
  }

  /** Follows the header's cart link to /cart. */
  async openCart(): Promise<void> {
    await this.headerLink.click();
    await expect(this.heading).toBeVisible();
    await expectAccessible(this.page, 'the cart');
  }

  /** Every line, seller by seller. */
  async lines(): Promise<CartLineRow[]> {
    await expect(this.heading).toBeVisible();
    const rows: CartLineRow[] = [];
    for (const list of await this.page.getByRole('list', { name: /^Items from / }).all()) {
      const seller = ((await list.getAttribute('aria-label')) ?? '').replace(/^Items from /, '');
      for (const item of await list.locator(':scope > li').all()) {
        const title = (await item.getAttribute('aria-label')) ?? '';
        const warnings = item.getByRole('list', { name: `Warnings about ${title}` });
        rows.push({
          title,
          seller,
          quantity: Number(await this.quantityInput(item, title).inputValue()),
          total: ((await item.locator('form p').last().textContent()) ?? '')
            .replace('Line total:', '')
            .trim(),
          warnings: (await warnings.count())
            ? (await warnings.getByRole('listitem').allTextContents()).map((t) => t.trim())
            : [],
        });
      }
    }
    return rows;
  }

  line(title: string): Locator {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }

  /** Types a quantity for the line of `title` (0 removes it) and waits for the cart to follow. */
  async setQuantity(title: string, quantity: number): Promise<void> {
    const line = this.line(title);
    const input = this.quantityInput(line, title);
    await input.fill(String(quantity));
    await input.blur();
    if (quantity === 0) await expect(line).toHaveCount(0);
    else await expect(input).toHaveValue(String(quantity));
  }

  /** Removes the line of `title`. */
  async remove(title: string): Promise<void> {
    await this.line(title)
      .getByRole('button', { name: `Remove ${title}` })
      .click();
    await expect(this.line(title)).toHaveCount(0);
  }

  /** "Got it" on the changed-prices banner. */
  async acknowledgePrices(): Promise<void> {
    await this.priceBanner.getByRole('button', { name: 'Got it' }).click();
    await expect(this.priceBanner).toHaveCount(0);
  }

  private quantityInput(scope: Locator, title: string): Locator {
    return scope.getByRole('spinbutton', { name: `Quantity of ${title}` });
  }
}
