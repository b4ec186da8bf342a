import { StorefrontAccount } from '../../pages/storefront-account.js';
import { StorefrontCart } from '../../pages/storefront-cart.js';
import { StorefrontCheckout } from '../../pages/storefront-checkout.js';
import { StorefrontProduct } from '../../pages/storefront-product.js';
import { StorefrontPurchases } from '../../pages/storefront-purchases.js';
import { StorefrontSearch } from '../../pages/storefront-search.js';
import { expect, test } from '../../fixtures/index.js';

const SHOPPER = { email: 'shopper@bazaar.test', password: 'bazaar-demo-pass' };

interface Pick {
  title: string;
  seller: string;
  url: string;
}

test('a guest fills a cart from two sellers, logs in, pays with the wallet, then picks up and pays in store', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  // Shoppers use the storefront at the site's root (this project's base URL is the back-office).
  const context = await browser.newContext({ baseURL: new URL('/', baseURL).href });
  const page = await context.newPage();
  const search = new StorefrontSearch(page);
  const product = new StorefrontProduct(page);
  const cart = new StorefrontCart(page);

  // As a guest: one in-stock product from each of two sellers.
  const picks: Pick[] = [];
  await search.openCategory('clothing', 'Clothing');
  for (const title of await search.productTitles()) {
    if (picks.length === 2) break;
    await search.openProduct(title);
    const seller = await product.buyBoxSeller();
    const stock = (await product.stockStatus().textContent()) ?? '';
    if (!picks.some((pick) => pick.seller === seller) && !/Out of stock/.test(stock)) {
      await cart.addToCart(1);
      picks.push({ title, seller, url: page.url() });
    }
    await search.openCategory('clothing', 'Clothing');
  }
  expect(picks.map((pick) => pick.seller)).toHaveLength(2);
  await expect.poll(() => cart.headerCount()).toBe(2);

  // Logging in as the demo shopper keeps the guest's lines (the carts merge).
  const account = new StorefrontAccount(page);
  await account.logIn(SHOPPER.email, SHOPPER.password);
  await expect(account.accountLink('Shay Shopper')).toBeVisible();
  await cart.openCart();
  expect((await cart.lines()).map((line) => line.title)).toEqual(
    expect.arrayContaining(picks.map((pick) => pick.title)),
  );
  // Only the two picks go through this journey's purchases.
  for (const line of await cart.lines()) {
    if (!picks.some((pick) => pick.title === line.title)) await cart.remove(line.title);
  }

  // First purchase: delivery by each seller's default method, paid from the wallet.
  const checkout = new StorefrontCheckout(page);
  await checkout.openFromCart();
  expect((await checkout.sellers()).sort()).toEqual(picks.map((pick) => pick.seller).sort());
  expect(await checkout.problems()).toEqual([]);
  expect(await checkout.paymentMethods()).toContain('Wallet');
  expect(await checkout.paymentMethods()).not.toContain('Pay in store');
  await checkout.choosePayment('Wallet');
  expect(await checkout.total('Tax')).toMatch(/\d/);
  const walletPurchase = await checkout.placeOrder();
  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible();
  const purchases = new StorefrontPurchases(page);
  const paidOrders = await purchases.confirmationOrders();
  expect(paidOrders.map((order) => order.seller).sort()).toEqual(
    picks.map((pick) => pick.seller).sort(),
  );
  expect(paidOrders.map((order) => order.status)).toEqual(['Paid', 'Paid']);
  await expect.poll(() => cart.headerCount()).toBe(0);

  // Second purchase: the same items again, picked up at every seller and paid in store.
  for (const pick of picks) {
    await page.goto(pick.url);
    await cart.addToCart(1);
  }
  await cart.openCart();
  await checkout.openFromCart();
  for (const pick of picks) await checkout.choosePickup(pick.seller);
  // Nothing to deliver: no delivery fee.
  expect(await checkout.total('Delivery')).toMatch(/^\D*0(?:[.,]00)?\D*$/);
  expect(await checkout.paymentMethods()).toContain('Pay in store');
  await checkout.choosePayment('Pay in store');
  expect(await checkout.problems()).toEqual([]);
  const inStorePurchase = await checkout.placeOrder();
  const waitingOrders = await purchases.confirmationOrders();
  expect(waitingOrders.map((order) => order.status)).toEqual(['Placed', 'Placed']);
  for (const order of waitingOrders) expect(order.fulfilment).toMatch(/^Pick up at /);

  // Both purchases, newest first, each with one order per seller, in the history.
  await purchases.openHistory();
  const history = await purchases.purchases();
  const mine = history.filter((p) => [walletPurchase, inStorePurchase].includes(p.number));
  expect(mine.map((p) => p.number)).toEqual([inStorePurchase, walletPurchase]);
  expect(mine[0]!.orders.map((o) => o.status)).toEqual(['Placed', 'Placed']);
  expect(mine[1]!.orders.map((o) => o.status)).toEqual(['Paid', 'Paid']);
  for (const purchase of mine) {
    expect(purchase.orders.map((o) => o.seller).sort()).toEqual(
      picks.map((pick) => pick.seller).sort(),
    );
  }

  // An order waiting for payment in store can still be cancelled, with a reason.
  await purchases.openOrder(mine[0]!.orders[0]!.number);
  expect(await purchases.timeline()).toEqual(['Placed']);
  await purchases.cancel('Changed my mind');
  expect(await purchases.timeline()).toEqual(['Placed', 'Cancelled']);
  await expect(purchases.cancelButton()).toHaveCount(0);

  await context.close();
});
