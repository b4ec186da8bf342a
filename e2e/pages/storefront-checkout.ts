import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** A payment method as the checkout names it. */
export type PaymentLabel = 'Card' | 'Wallet' | 'Pay in store';

/**
 * /checkout: the address, each seller's delivery or pick-up, the coupon, the payment
 * method, the totals (taxes on their own line) and "Place order".
 */
export class StorefrontCheckout {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly address: Locator;
  readonly payment: Locator;
  readonly coupon: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Checkout' });
    this.summary = page.getByRole('complementary', { name: 'Summary' });
    this.address = page.getByRole('region', { name: 'Delivery address' });
    this.payment = page.getByRole('region', { name: 'Payment' });
    this.coupon = page.getByRole('region', { name: 'Coupon' });
  }

  /** From the cart page's "Checkout" button. */
  async openFromCart(): Promise<void> {
    await this.page.getByRole('link', { name: 'Checkout', exact: true }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('region', { name: /^From / }).first()).toBeVisible();
    await expectAccessible(this.page, 'the checkout');
  }

  /** The part of the checkout of one seller's items. */
  seller(name: string): Locator {
    return this.page.getByRole('region', { name: `From ${name}` });
  }

  /** The sellers of the checkout, in order. */
  async sellers(): Promise<string[]> {
    const headings = await this.page
      .getByRole('heading', { level: 2, name: /^From / })
      .allTextContents();
    return headings.map((text) => text.replace(/^From /, '').trim());
  }

  /** The address book's address whose line starts with `label` (its label or recipient). */
  async chooseSavedAddress(label: string | RegExp): Promise<void> {
    await this.requoted(() => this.address.getByRole('radio', { name: label }).check());
  }

  /** Pick-up for `seller`, at `store` (a store's name) or the one preselected. */
  async choosePickup(seller: string, store?: string): Promise<void> {
    const group = this.seller(seller);
    const radio = group.getByRole('radio', { name: 'Pick up in store' });
    if (!(await radio.isChecked())) await this.requoted(() => radio.check());
    const select = group.getByRole('combobox', { name: 'Store' });
    await expect(select).toBeVisible();
    if (store) {
      const value = await select
        .locator('option', { hasText: store })
        .first()
        .getAttribute('value');
      await this.requoted(() => select.selectOption(value!).then(() => undefined));
    }
  }

  /** Delivery for `seller` by the shipping method named `method`. */
  async chooseDelivery(seller: string, method: string): Promise<void> {
    const radio = this.seller(seller).getByRole('radio', {
      name: new RegExp(`^Delivery: ${method}`),
    });
    await this.requoted(() => radio.check());
  }

  async applyCoupon(code: string): Promise<void> {
    await this.coupon.getByRole('textbox', { name: 'Coupon code' }).fill(code);
    await this.requoted(() => this.coupon.getByRole('button', { name: 'Apply' }).click());
  }

  /** The payment methods offered for this order. */
  async paymentMethods(): Promise<PaymentLabel[]> {
    const values = await this.payment
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
    const labels: Record<string, PaymentLabel> = {
      STRIPE: 'Card',
      WALLET: 'Wallet',
      IN_STORE: 'Pay in store',
    };
    return values.map((value) => labels[value]!);
  }

  async choosePayment(method: PaymentLabel): Promise<void> {
    const radio = this.payment.getByRole('radio', { name: new RegExp(`^${method}`) });
    if (await radio.isChecked()) return;
    await this.requoted(() => radio.check());
  }

  /** A line of the summary ("Items", "Delivery", "Tax", "Total") as shown, e.g. "$12.30". */
  async total(label: 'Items' | 'Discount' | 'Delivery' | 'Tax' | 'Total'): Promise<string> {
    const value = this.summary
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
    return ((await value.textContent()) ?? '').trim();
  }

  /** Every problem shown on the page, wherever it sits. */
  async problems(): Promise<string[]> {
    const items = this.page.getByRole('main').getByRole('alert').getByRole('listitem');
    return (await items.allTextContents()).map((text) => text.trim());
  }

  /** Places the order and waits for the purchase's confirmation page; returns its number. */
  async placeOrder(): Promise<number> {
    await this.summary.getByRole('button', { name: 'Place order' }).click();
    const heading = this.page.getByRole('heading', { level: 1, name: /^Purchase #\d+$/ });
    await expect(heading).toBeVisible();
    return Number(/#(\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
  }

  /** Runs a choice and waits until the totals follow it: each choice re-reads the quote. */
  private async requoted(choose: () => Promise<void>): Promise<void> {
    const quoted = this.page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        (response.request().postData() ?? '').includes('"CheckoutQuote"'),
    );
    await choose();
    await quoted;
    await expect(this.summary.getByText('Updating the totals…')).toHaveCount(0);
  }
}
