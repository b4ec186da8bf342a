import { expect, test } from '../../fixtures/index.js';
import { Backoffice } from '../../pages/backoffice.js';
import { Mailbox } from '../../pages/storefront-account.js';

const ADMIN = { email: 'admin@bazaar.test', password: 'bazaar-demo-pass' };
const SHOP = 'sams-corner-shop';

test('an admin creates a salesperson with a custom role, who sees only what it allows', async ({
  browser,
  page,
}) => {
  const admin = new Backoffice(page);
  await admin.logIn(ADMIN.email, ADMIN.password);
  await admin.createSellerRole('Floor lead', [/STAFF_READ/]);
  const email = `sales-${Date.now()}@example.com`;
  await admin.createAccount(email, 'Sally Sales', 'Salesperson', SHOP);
  await admin.assignRole('Sally Sales', 'Floor lead', SHOP);

  // The new salesperson chooses a password from the e-mailed link (on the storefront).
  const salesContext = await browser.newContext({
    baseURL: new URL('/admin/', page.url()).toString(),
  });
  const salesPage = await salesContext.newPage();
  await new Mailbox(salesPage).openLink(email, '/reset-password');
  await salesPage.getByLabel('New password').fill('a long and private passphrase');
  await salesPage.getByRole('button', { name: /password/i }).click();
  await expect(salesPage.getByText('Your password has been changed.')).toBeVisible();

  const sales = new Backoffice(salesPage);
  await sales.logIn(email, 'a long and private passphrase');
  await expect(sales.navigation.getByRole('link', { name: 'Staff' })).toBeVisible();
  await expect(sales.navigation.getByRole('link', { name: 'Stores' })).toBeVisible();
  for (const hidden of ['Users', 'Roles', 'Signing keys', 'Audit log', 'Shop profile']) {
    await expect(sales.navigation.getByRole('link', { name: hidden })).toHaveCount(0);
  }
  await sales.open('Staff');
  await expect(salesPage.getByText('Sally Sales').first()).toBeVisible();
  await salesContext.close();
});

test('a super admin rotates the signing key and existing sessions keep working through their refresh', async ({
  browser,
  page,
}) => {
  const seller = await browser.newContext({
    baseURL: new URL('/admin/', test.info().project.use.baseURL).toString(),
  });
  const sellerPage = await seller.newPage();
  const sam = new Backoffice(sellerPage);
  await sam.logIn('seller@bazaar.test', 'bazaar-demo-pass');

  const admin = new Backoffice(page);
  await admin.logIn(ADMIN.email, ADMIN.password);
  await admin.open('Signing keys');
  const current = page.getByRole('row').filter({ hasText: /current/i });
  const oldKid = (await current.getByRole('cell').first().innerText()).trim();
  await page.getByRole('button', { name: /Rotate/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Rotate/ })
    .click();
  await expect(page.getByRole('row').filter({ hasText: oldKid })).toContainText(/verifies only/i);
  await expect(current).not.toContainText(oldKid);

  // The seller's page reloads: its refresh cookie is traded for a token signed by the new key.
  await sellerPage.reload();
  await expect(sellerPage.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await sam.open('Stores');
  await expect(sellerPage.getByRole('heading', { level: 1, name: /Stores/ })).toBeVisible();
  await seller.close();
});
