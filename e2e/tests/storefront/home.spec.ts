import { expect, test } from '../../fixtures/index.js';

test.describe('storefront home', () => {
  test('greets the shopper with the shop name and shows the service status', async ({
    page,
    storefrontHome: home,
  }) => {
    await home.open();
    await expect(home.greeting).toHaveText('Welcome to Bazaar');
    await expect(home.header.getByRole('link', { name: /Bazaar/ })).toBeVisible();
    await expect(home.footer.getByText('All systems operational')).toBeVisible();
    await expect(page).toHaveTitle(/Bazaar/);
  });

  test('fits a 360 px wide phone without sideways scrolling', async ({
    page,
    storefrontHome: home,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await home.open();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('answers an unknown address with a page-not-found and a way home', async ({
    page,
    notFound,
    storefrontHome: home,
  }) => {
    await page.goto('./no/such/page');
    await expect(notFound.heading).toBeVisible();
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await expect(home.greeting).toHaveText('Welcome to Bazaar');
  });
});
