import { type Locator, type Page, expect } from '@playwright/test';

/** What a new offer needs; prices in major units as a person types them ("12.50"). */
export interface NewOffer {
  /** Searched in the product matches by title, then picked by this exact title. */
  productTitle: string;
  /** The variant's SKU (or any text of its option: "Linen shirt / M"). */
  variant: string;
  price: string;
  /** ISO 4217; the shop's currency when left out. */
  currency?: string;
  compareAtPrice?: string;
  /** Opening stock by location name, e.g. { 'Main warehouse': 10 }. */
  stock?: Record<string, number>;
}

export type StockReason = 'Received' | 'Damaged' | 'Count correction' | 'Offline sale';

/** The back-office offer screens: the seller's offer list, "New offer" and one offer's page. */
export class BackofficeOffers {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** The offer list of a seller (by id), or of the current seller through the navbar. */
  async open(sellerId?: string): Promise<void> {
    if (sellerId) await this.page.goto(`./sellers/${encodeURIComponent(sellerId)}/offers`);
    else await this.page.getByRole('navigation').getByRole('link', { name: 'Offers' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Offers' })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Offers' });
  }

  /** The list row of an offer, by its variant's SKU. */
  row(sku: string): Locator {
    return this.table.getByRole('row').filter({ hasText: `SKU ${sku} ·` });
  }

  /**
   * Offers a variant of an existing product from the offer list: finds the
   * product by title, picks the variant, sets the price and the opening stock,
   * and lands on the new offer's page. Resolves to the offer's id.
   */
  async addOffer(offer: NewOffer): Promise<string> {
    await this.page.getByRole('link', { name: 'New offer' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'New offer' })).toBeVisible();
    const form = this.page.getByRole('form', { name: 'New offer' });

    await form.getByRole('textbox', { name: 'Product title' }).fill(offer.productTitle);
    await form.getByRole('button', { name: 'Find product' }).click();
    // Choosing a product replaces the list with it: click, not check (which verifies the radio).
    await form.getByRole('radio', { name: offer.productTitle, exact: true }).click();
    await expect(form.getByRole('button', { name: 'Change product' })).toBeVisible();

    const variant = form.getByRole('combobox', { name: 'Variant' });
    const value = await variant
      .locator('option', { hasText: offer.variant })
      .first()
      .getAttribute('value');
    if (!value) throw new Error(`No variant of ${offer.productTitle} matches "${offer.variant}".`);
    await variant.selectOption(value);

    if (offer.currency) {
      await form.getByRole('combobox', { name: 'Currency' }).selectOption(offer.currency);
    }
    await form.getByRole('textbox', { name: /^Price \(/ }).fill(offer.price);
    if (offer.compareAtPrice) {
      await form.getByRole('textbox', { name: /^Compare-at price/ }).fill(offer.compareAtPrice);
    }
    for (const [location, onHand] of Object.entries(offer.stock ?? {})) {
      await form
        .getByRole('textbox', { name: `Opening stock at ${location}`, exact: true })
        .fill(String(onHand));
    }
    await form.getByRole('button', { name: 'Create offer' }).click();
    await this.page.waitForURL(/\/offers\/(?!new)[^/?]+/);
    await expect(this.page.getByRole('tab', { name: 'Offer', exact: true })).toBeVisible();
    return this.currentOfferId();
  }

  /** The id of the offer whose page is open. */
  currentOfferId(): string {
    const match = /\/offers\/([^/?#]+)/.exec(new URL(this.page.url()).pathname);
    if (!match?.[1]) throw new Error(`Not on an offer page: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  /** Opens an offer's page from the list, by SKU. */
  async openOffer(sku: string): Promise<void> {
    await this.row(sku).getByRole('link').first().click();
    await expect(this.page.getByRole('tab', { name: 'Offer', exact: true })).toBeVisible();
  }

  /**
   * Changes the price of the listed offers with these SKUs at once. `value` is
   * typed as is: a price for "Set price", an amount or a percentage otherwise.
   * Resolves to the refused offers' lines ("SKU (title): message"), empty when
   * every price changed.
   */
  async bulkEditPrices(
    skus: string[],
    mode: 'Set price' | 'Change by amount' | 'Change by percent',
    value: string,
  ): Promise<string[]> {
    for (const sku of skus) {
      await this.table.getByRole('checkbox', { name: `Select ${sku}`, exact: true }).check();
    }
    await this.page.getByRole('button', { name: 'Edit prices' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByText(mode, { exact: true }).click();
    await dialog.getByRole('textbox').fill(value);
    await dialog.getByRole('button', { name: /^Update \d+ prices?$/ }).click();
    const refused = dialog.getByRole('list', { name: 'Refused offers' });
    const alert = dialog.getByRole('alert');
    return Promise.race([
      dialog.waitFor({ state: 'hidden' }).then(() => []),
      refused.waitFor().then(() => refused.getByRole('listitem').allInnerTexts()),
      alert.waitFor().then(async () => [await alert.innerText()]),
    ]);
  }

  // ---- One offer's page

  async openTab(name: 'Offer' | 'Price schedules' | 'Price history' | 'Stock'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** The row of the stock table for a location (Stock tab). */
  stockRow(location: string): Locator {
    return this.page
      .getByRole('table', { name: 'Stock per location' })
      .getByRole('row')
      .filter({ hasText: location });
  }

  /** On hand, reserved and available at a location (Stock tab). */
  async stockAt(
    location: string,
  ): Promise<{ onHand: number; reserved: number; available: number }> {
    const cells = await this.stockRow(location).getByRole('cell').allInnerTexts();
    const [, onHand, reserved, available] = cells.map((text) => Number(text.trim()));
    return { onHand: onHand ?? NaN, reserved: reserved ?? NaN, available: available ?? NaN };
  }

  /**
   * Adjusts the stock at a location (Stock tab). Resolves to the error shown
   * next to the quantity, or null when the adjustment went through.
   */
  async adjustStock(
    location: string,
    reason: StockReason,
    quantity: number,
    note?: string,
  ): Promise<string | null> {
    await this.openTab('Stock');
    await this.page
      .getByRole('button', { name: `Adjust stock at ${location}`, exact: true })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: reason });
    const field = dialog.getByRole('textbox', {
      name: /^(Quantity received|Quantity damaged|Counted quantity|Quantity sold)/,
    });
    await field.fill(String(quantity));
    if (note) await dialog.getByRole('textbox', { name: /^Note/ }).fill(note);
    await dialog.getByRole('button', { name: 'Adjust stock' }).click();
    return Promise.race([dialog.waitFor({ state: 'hidden' }).then(() => null), errorOf(field)]);
  }

  /** Withdraws the open offer (shoppers can no longer buy it). */
  async withdraw(): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw offer' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Withdraw offer' }).click();
    await expect(this.page.getByRole('button', { name: 'Reactivate offer' })).toBeVisible();
  }
}

/**
 * Resolves to the error text Mantine shows for a field (linked through its
 * aria-describedby) once there is one.
 */
export async function errorOf(field: Locator): Promise<string> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  for (const id of ids) {
    const element = field.page().locator(`[id="${id}"]`);
    if (/error/.test((await element.getAttribute('class')) ?? '')) return element.innerText();
  }
  throw new Error('The field is invalid but names no error text.');
}
