import { expect, test } from '../../fixtures/index.js';
import { Backoffice } from '../../pages/backoffice.js';

test.beforeEach(async ({ page }) => {
  await new Backoffice(page).logIn('seller@bazaar.test', 'bazaar-demo-pass');
});

test.describe('back-office dashboard', () => {
  test('shows the live API status and shop settings', async ({
    backofficeDashboard: dashboard,
  }) => {
    await dashboard.open();
    await expect(dashboard.apiStatus.getByText('Operational')).toBeVisible();
    await expect(dashboard.valueOf(dashboard.apiStatus, 'Database')).toHaveText('Up');
    await expect(dashboard.valueOf(dashboard.apiStatus, 'API version')).toHaveText(
      /^\d+\.\d+\.\d+/,
    );
    await expect(dashboard.valueOf(dashboard.shop, 'Name')).toHaveText('Bazaar');
    await expect(dashboard.valueOf(dashboard.shop, 'Currency')).toHaveText('USD');
  });

  test('answers an unknown address with a page-not-found inside the shell and a way back', async ({
    page,
    notFound,
  }) => {
    await page.goto('./no/such/screen');
    await expect(notFound.heading).toBeVisible();
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await expect(page).toHaveURL(/\/admin\/?$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });
});
