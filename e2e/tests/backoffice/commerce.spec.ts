import { expect, test } from '../../fixtures/index.js';
import { BackofficeCommerce } from '../../pages/backoffice-commerce.js';
import { Backoffice } from '../../pages/backoffice.js';

const PASSWORD = 'bazaar-demo-pass';

test('a seller adds a shipping method that ships to two countries', async ({ page }) => {
  await new Backoffice(page).logIn('seller@bazaar.test', PASSWORD);
  const commerce = new BackofficeCommerce(page);
  await commerce.openShippingMethods();
  const name = `Bike courier ${Date.now().toString(36)}`;
  await commerce.addShippingMethod({
    name,
    fee: '3.5',
    freeOver: '40',
    countries: 'pt, es',
    minDays: 1,
    maxDays: 2,
  });
  const row = commerce.shippingMethodRow(name);
  await expect(row).toContainText('$3.50');
  await expect(row).toContainText('$40.00');
  await expect(row).toContainText('PT, ES');
  await expect(row).toContainText('1–2');
  await expect(row).toContainText('Active');
});

test('an admin sets a regional tax rate, is told off for a rate over 100 %, and adds a platform coupon', async ({
  page,
}) => {
  await new Backoffice(page).logIn('admin@bazaar.test', PASSWORD);
  const commerce = new BackofficeCommerce(page);
  await commerce.openTaxRates();
  const region = `R${Date.now().toString(36).slice(-4).toUpperCase()}`;
  await commerce.setTaxRate('PT', region, '150');
  await expect(page.getByRole('dialog').getByText('Between 0 and 100 %.')).toBeVisible();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Rate (%)' }).fill('16');
  await page.getByRole('dialog').getByRole('button', { name: 'Save tax rate' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(commerce.taxRateRow('PT', region)).toContainText('16 %');

  await commerce.openPlatformCoupons();
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  await commerce.createPercentageCoupon(code, '12.5', 100);
  const coupon = commerce.couponRow(code);
  await expect(coupon).toContainText('12.5 % off');
  await expect(coupon).toContainText('0 / 100');
});

test('an admin credits a shopper’s wallet, found by e-mail', async ({ page }) => {
  await new Backoffice(page).logIn('admin@bazaar.test', PASSWORD);
  const commerce = new BackofficeCommerce(page);
  await commerce.openWallets();
  await expect(page.getByRole('table', { name: 'Withdrawal requests' })).toBeVisible();
  const confirmation = await commerce.creditWallet(
    'shopper@bazaar.test',
    '5',
    'Sorry for the delay',
  );
  expect(confirmation).toMatch(/\$5\.00 credited; the wallet now holds \$[\d,]+\.\d\d/);
});
