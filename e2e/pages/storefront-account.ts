import { type Locator, type Page, expect } from '@playwright/test';

/** Sign-up, log-in and the account page of the storefront. */
export class StorefrontAccount {
  constructor(private readonly page: Page) {}

  async signUp(name: string, email: string, password: string): Promise<void> {
    await this.page.goto('./sign-up');
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.goto('./log-in');
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  /** Opens a shop from the storefront ("Open a shop"); the user becomes its owner. */
  async openShop(name: string, webName: string): Promise<void> {
    await this.page.goto('./open-a-shop');
    await this.page.getByLabel('Shop name').fill(name);
    await this.page.getByLabel('Web name').fill(webName);
    await this.page.getByRole('button', { name: 'Open my shop' }).click();
    await expect(this.page.getByRole('link', { name: 'Go to the back-office' })).toBeVisible();
  }

  async logOut(): Promise<void> {
    await this.header.getByRole('button', { name: 'Log out' }).click();
  }

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  /** The link to the account page, named after the signed-in user. */
  accountLink(name: string): Locator {
    return this.header.getByRole('link', { name });
  }

  async saveProfileName(name: string): Promise<void> {
    await this.page.goto('./account');
    const field = this.page.getByLabel('Name', { exact: true });
    await field.fill(name);
    await this.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(this.page.getByText('Your profile is saved.')).toBeVisible();
  }
}

/** The API's development mailbox (no SMTP server in tests). */
export class Mailbox {
  constructor(private readonly page: Page) {}

  /** Opens the newest link of the given path in the newest e-mail to `to`. */
  async openLink(to: string, path: string): Promise<void> {
    await this.page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    const link = this.page.locator(`a[href*="${path}"]`).first();
    await expect(link).toBeVisible();
    await link.click();
  }
}
