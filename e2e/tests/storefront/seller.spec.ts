import { expect, test } from '../../fixtures/index.js';

test("a shopper opens a shop's public page and sees where its stores are", async ({ page }) => {
  await page.goto('./s/sams-corner-shop');
  await expect(page.getByRole('heading', { level: 1, name: "Sam's Corner Shop" })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Stores' })).toBeVisible();
  await expect(page.getByRole('article').first().getByRole('term').first()).toHaveText('Monday');
});
