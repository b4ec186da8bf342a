import { StorefrontAccount } from '../../pages/storefront-account.js';
import { StorefrontCart } from '../../pages/storefront-cart.js';
import { StorefrontSearch } from '../../pages/storefront-search.js';
import { expect, test } from '../../fixtures/index.js';

test('a guest fills a cart, changes it, and keeps it when signing up', async ({ page }) => {
  const search = new StorefrontSearch(page);
  await search.openCategory('clothing', 'Clothing');
  const [title] = await search.productTitles();
  await search.openProduct(title!);

  const cart = new StorefrontCart(page);
  await cart.addToCart(2);
  await expect.poll(() => cart.headerCount()).toBe(2);

  await cart.openCart();
  expect((await cart.lines()).map((line) => [line.title, line.quantity])).toEqual([[title, 2]]);
  await cart.setQuantity(title!, 3);
  await expect.poll(() => cart.headerCount()).toBe(3);

  // Signing up keeps what the guest put in the cart.
  const account = new StorefrontAccount(page);
  const email = `cart-${Date.now().toString(36)}@example.com`;
  await account.signUp('Carla Cart', email, 'bazaar-demo-pass');
  await expect(account.accountLink('Carla Cart')).toBeVisible();
  await cart.openCart();
  expect((await cart.lines()).map((line) => [line.title, line.quantity])).toEqual([[title, 3]]);

  await cart.remove(title!);
  await expect(cart.empty).toBeVisible();
});
