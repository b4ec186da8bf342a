import { expectAccessible } from '../fixtures/axe.js';
import { type Locator, type Page, expect } from '@playwright/test';

/** One seller's offer as the "All offers" list shows it. */
export interface OfferRow {
  seller: string;
  price: string;
  condition: string;
  availability: string;
  dispatch: string;
  best: boolean;
}

/** A product page: gallery, variant picker, buy box, all offers and the QR code. */
export class StorefrontProduct {
  readonly heading: Locator;
  readonly buyBox: Locator;
  readonly offers: Locator;
  readonly offersHeading: Locator;
  readonly thumbnails: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.buyBox = page.getByRole('region', { name: 'Buy box' });
    this.offers = page.getByRole('list', { name: 'Offers' });
    this.offersHeading = page.getByRole('heading', { level: 2, name: /^All offers \(\d+\)$/ });
    this.thumbnails = page.getByRole('list', { name: 'Product images' }).getByRole('button');
  }

  async open(slug: string, title?: string): Promise<void> {
    await this.page.goto(`./p/${slug}`);
    if (title) await expect(this.heading).toHaveText(title);
    else await expect(this.heading).toBeVisible();
    await expectAccessible(this.page, `the product page ${slug}`);
  }

  /** "All offers (N)": how many offers the selected variant has. */
  async offerCount(): Promise<number> {
    const text = (await this.offersHeading.textContent()) ?? '';
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
  }

  /** Every offer of the selected variant, cheapest first. */
  async readOffers(): Promise<OfferRow[]> {
    if ((await this.offerCount()) === 0) return [];
    const rows: OfferRow[] = [];
    for (const item of await this.offers.getByRole('listitem').all()) {
      const fact = async (term: string) =>
        (
          (await item
            .locator('dt', { hasText: term })
            .locator('xpath=following-sibling::dd[1]')
            .textContent()) ?? ''
        ).trim();
      rows.push({
        seller: ((await item.getByRole('link').first().textContent()) ?? '').trim(),
        price: ((await item.locator('p').first().textContent()) ?? '').trim(),
        condition: await fact('Condition'),
        availability: await fact('Availability'),
        dispatch: await fact('Dispatch'),
        best: (await item.getByText('Best offer').count()) > 0,
      });
    }
    return rows;
  }

  /** The buy box's seller (its name links to the shop). */
  async buyBoxSeller(): Promise<string> {
    const fact = this.buyBox
      .locator('dt', { hasText: 'Sold by' })
      .locator('xpath=following-sibling::dd[1]');
    return ((await fact.textContent()) ?? '').trim();
  }

  /** "In stock", "Only 3 left", "Out of stock" or "Available on backorder". */
  stockStatus(): Locator {
    return this.buyBox.getByText(/^(In stock|Only \d+ left|Out of stock|Available on backorder)$/);
  }

  /** The buy box's price text ("$39.00", or "Now $39.00 Was $49.00" when reduced). */
  async price(): Promise<string> {
    return ((await this.buyBox.locator('p').first().textContent()) ?? '').trim();
  }

  /** Picks an option value ("Size", "M"): the buy box and offers switch to that variant. */
  async chooseOption(option: string, value: string): Promise<void> {
    const group = this.page.getByRole('group', { name: new RegExp(`^${escape(option)}(: |$)`) });
    const name = new RegExp(`^${escape(value)}( \\(|$)`);
    const radio = group.getByRole('radio', { name });
    await expect(radio).toBeEnabled();
    // The radios are visually hidden behind their labels, which take the click.
    await group
      .locator('label')
      .filter({ has: this.page.getByRole('radio', { name }) })
      .click();
    await expect(radio).toBeChecked();
  }

  /** Whether an option value can be picked with the other options as they are. */
  async isOptionAvailable(option: string, value: string): Promise<boolean> {
    const group = this.page.getByRole('group', { name: new RegExp(`^${escape(option)}(: |$)`) });
    return group.getByRole('radio', { name: new RegExp(`^${escape(value)}( \\(|$)`) }).isEnabled();
  }

  /** Shows the gallery's image number `index` (1-based) through its thumbnail. */
  async showImage(index: number): Promise<void> {
    const thumbnail = this.thumbnails.nth(index - 1);
    await thumbnail.click();
    await expect(thumbnail).toHaveAttribute('aria-pressed', 'true');
  }

  qrCode(): Locator {
    return this.page.getByRole('img', { name: "QR code that opens this product's page" });
  }

  qrDownload(format: 'PNG' | 'SVG'): Locator {
    return this.page.getByRole('link', { name: `Download ${format}` });
  }

  /** Follows the buy box's seller link to the shop's page. */
  async openSeller(): Promise<void> {
    await this.buyBox.getByRole('link').first().click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
