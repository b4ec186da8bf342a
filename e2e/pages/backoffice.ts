import { type Locator, type Page, expect } from '@playwright/test';

/** The back-office: log-in, navigation and the admin screens the journeys use. */
export class Backoffice {
  constructor(private readonly page: Page) {}

  async logIn(email: string, password: string): Promise<void> {
    await this.page.goto('./login');
    await this.page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await this.page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  async open(section: string): Promise<void> {
    await this.navigation.getByRole('link', { name: section }).click();
  }

  /** Chooses a role, then searches the seller by its slug and picks it, in an open dialog. */
  private async chooseRoleAndSeller(role: string, sellerSlug: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await dialog
      .getByRole('combobox', { name: 'Role', exact: true })
      .selectOption({ label: `${role} (seller)` });
    const seller = dialog.getByRole('combobox', { name: 'Seller', exact: true });
    await seller.click();
    await seller.fill(sellerSlug);
    // The options render outside the dialog.
    await this.page.getByRole('option', { name: `(${sellerSlug})` }).click();
    await expect(dialog.getByRole('combobox', { name: 'Store', exact: true })).toBeEnabled();
  }

  async createSellerRole(name: string, permissionDescriptions: RegExp[]): Promise<void> {
    await this.open('Roles');
    await this.page.getByRole('button', { name: 'Create role' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await dialog.getByLabel(/^Seller — assigned within one seller/).check();
    for (const description of permissionDescriptions)
      await dialog.getByRole('checkbox', { name: description }).check();
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await expect(dialog).toBeHidden();
  }

  async createAccount(
    email: string,
    name: string,
    role: string,
    sellerSlug: string,
  ): Promise<void> {
    await this.open('Users');
    await this.page.getByRole('button', { name: 'Create account' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.chooseRoleAndSeller(role, sellerSlug);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await expect(dialog).toBeHidden();
  }

  async assignRole(userName: string, role: string, sellerSlug: string): Promise<void> {
    await this.open('Users');
    await this.page.getByRole('link', { name: userName }).click();
    await this.page.getByRole('button', { name: 'Assign role' }).click();
    const dialog = this.page.getByRole('dialog');
    await this.chooseRoleAndSeller(role, sellerSlug);
    await dialog.getByRole('button', { name: 'Assign role' }).click();
    await expect(dialog).toBeHidden();
  }
}
