import { type Locator, type Page, expect } from '@playwright/test';

export interface NewShippingMethod {
  name: string;
  /** As typed, e.g. "4.90". */
  fee: string;
  freeOver?: string;
  /** "PT, ES"; empty: everywhere. */
  countries?: string;
  minDays: number;
  maxDays: number;
}

/**
 * The back-office's commerce settings: a seller's shipping methods, the
 * platform's tax rates and coupons, and wallet credits.
 */
export class BackofficeCommerce {
  constructor(private readonly page: Page) {}

  private async openFromNavigation(link: string, heading: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  private get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async openShippingMethods(): Promise<void> {
    await this.openFromNavigation('Shipping methods', 'Shipping methods');
  }

  shippingMethodRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Shipping methods' })
      .getByRole('row')
      .filter({ hasText: name });
  }

  async addShippingMethod(method: NewShippingMethod): Promise<void> {
    await this.page.getByRole('button', { name: 'Add shipping method' }).click();
    const dialog = this.dialog;
    await dialog.getByRole('textbox', { name: 'Name' }).fill(method.name);
    await dialog.getByRole('textbox', { name: 'Fee', exact: true }).fill(method.fee);
    if (method.freeOver)
      await dialog.getByRole('textbox', { name: 'Free over' }).fill(method.freeOver);
    if (method.countries)
      await dialog.getByRole('textbox', { name: 'Countries' }).fill(method.countries);
    await dialog.getByRole('textbox', { name: 'Fewest days' }).fill(String(method.minDays));
    await dialog.getByRole('textbox', { name: 'Most days' }).fill(String(method.maxDays));
    await dialog.getByRole('button', { name: 'Add shipping method' }).click();
    await expect(dialog).toBeHidden();
  }

  async openTaxRates(): Promise<void> {
    await this.openFromNavigation('Tax rates', 'Tax rates');
  }

  taxRateRow(country: string, region: string): Locator {
    return this.page
      .getByRole('table', { name: 'Tax rates' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: country, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: region, exact: true }) });
  }

  /** Sets the rate of every category in a country's region (the dialog stays open on an error). */
  async setTaxRate(country: string, region: string, percent: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Set a tax rate' }).click();
    const dialog = this.dialog;
    await dialog.getByRole('textbox', { name: 'Country' }).fill(country);
    await dialog.getByRole('textbox', { name: 'Region' }).fill(region);
    await dialog.getByRole('textbox', { name: 'Rate (%)' }).fill(percent);
    await dialog.getByRole('button', { name: 'Save tax rate' }).click();
  }

  async openPlatformCoupons(): Promise<void> {
    await this.openFromNavigation('Platform coupons', 'Platform coupons');
  }

  async createPercentageCoupon(code: string, percent: string, usageLimit: number): Promise<void> {
    await this.page.getByRole('button', { name: 'New coupon' }).click();
    const dialog = this.dialog;
    await dialog.getByRole('textbox', { name: 'Code' }).fill(code);
    await dialog.getByRole('textbox', { name: 'Percent off' }).fill(percent);
    await dialog.getByRole('textbox', { name: 'Uses in total' }).fill(String(usageLimit));
    await dialog.getByRole('button', { name: 'Create coupon' }).click();
    await expect(dialog).toBeHidden();
  }

  couponRow(code: string): Locator {
    return this.page
      .getByRole('table', { name: 'Coupons' })
      .getByRole('row')
      .filter({ hasText: code });
  }

  async openWallets(): Promise<void> {
    await this.openFromNavigation('Wallets', 'Wallets');
  }

  /** Credits a user's wallet, finding the user by e-mail; resolves to the confirmation. */
  async creditWallet(email: string, amount: string, reason: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Credit a wallet' }).click();
    const dialog = this.dialog;
    const user = dialog.getByRole('combobox', { name: 'User' });
    await user.click();
    await user.fill(email);
    await this.page
      .getByRole('option', { name: new RegExp(`^${email.replace(/[.+]/g, '\\$&')} `) })
      .click();
    await dialog.getByRole('textbox', { name: 'Amount' }).fill(amount);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Credit wallet' }).click();
    await expect(dialog).toBeHidden();
    const toast = this.page.getByRole('alert').filter({ hasText: 'credited' });
    await expect(toast).toBeVisible();
    return (await toast.textContent()) ?? '';
  }
}
