import { randomUUID } from 'node:crypto';
import { GraphQLClient } from '../../fixtures/graphql.js';
import { BackofficeCounterSale } from '../../pages/backoffice-counter-sale.js';
import { BackofficeOrders } from '../../pages/backoffice-orders.js';
import { Backoffice } from '../../pages/backoffice.js';
import { Mailbox, StorefrontAccount } from '../../pages/storefront-account.js';
import { StorefrontPurchases } from '../../pages/storefront-purchases.js';
import { expect, test } from '../../fixtures/index.js';

const PASSWORD = 'bazaar-demo-pass';
const SELLER = 'seller@bazaar.test';
const ADMIN = 'admin@bazaar.test';
const SHOP = 'sams-corner-shop';

interface SellerOffer {
  id: string;
  availableQuantity: number;
  allowBackorder: boolean;
  price: { currency: string };
  variant: { sku: string; title: string };
  product: { title: string; status: string };
  stockLevels: { available: number; location: { store: { id: string; name: string } | null } }[];
}

/** The demo seller's active offers, with their stock per location (as the seller sees them). */
async function demoSellerOffers(seller: GraphQLClient): Promise<SellerOffer[]> {
  const { viewer } = await seller.call<{
    viewer: { sellerAccess: { seller: { id: string; slug: string } }[] };
  }>(`query E2eSellerAccess { viewer { sellerAccess { seller { id slug } } } }`);
  const sellerId = viewer.sellerAccess.find((a) => a.seller.slug === SHOP)!.seller.id;
  const { sellerOffers } = await seller.call<{
    sellerOffers: { edges: { node: SellerOffer }[] };
  }>(
    `query E2eSellerOffers($sellerId: ID!) {
      sellerOffers(sellerId: $sellerId, status: ACTIVE, first: 30) {
        edges { node {
          id availableQuantity allowBackorder price { currency }
          variant { sku title } product { title status }
          stockLevels { available location { store { id name } } }
        } }
      }
    }`,
    { sellerId },
  );
  return sellerOffers.edges.map((edge) => edge.node);
}

test('a shopper’s paid order is accepted and shipped in the back-office, and the shopper sees it shipped', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  test.slow();
  const run = Date.now().toString(36);
  const api = GraphQLClient.anonymous(request, baseURL);

  // A shopper of their own (the demo shopper's cart belongs to other journeys), with wallet money.
  const email = `buyer-${run}@example.com`;
  const shopper = await api.signUp('Bea Buyer', email, PASSWORD);
  const { viewer } = await shopper.call<{ viewer: { user: { id: string } } }>(
    `query E2eMe { viewer { user { id } } }`,
  );
  const admin = await api.signIn(ADMIN, PASSWORD);
  await admin.mutate(
    `mutation E2eCredit($input: WalletCreditInput!) {
      walletCredit(input: $input) { errors { code field message } }
    }`,
    {
      input: {
        userId: viewer.user.id,
        amount: 100_000,
        currency: 'USD',
        reason: 'E2E starting balance',
        idempotencyKey: randomUUID(),
      },
    },
  );

  // The shopper buys one unit of a demo-seller offer in stock, paid from the wallet.
  const offer = (await demoSellerOffers(await api.signIn(SELLER, PASSWORD))).find(
    (o) =>
      o.product.status === 'PUBLISHED' &&
      o.price.currency === 'USD' &&
      !o.allowBackorder &&
      o.availableQuantity >= 2,
  );
  expect(offer, 'a published demo-seller offer in stock').toBeDefined();
  await shopper.mutate(
    `mutation E2eAdd($lines: [CartLineAddInput!]!) {
      cartLinesAdd(lines: $lines) { errors { code field message } }
    }`,
    { lines: [{ offerId: offer!.id, quantity: 1 }] },
  );
  const address = {
    recipient: 'Bea Buyer',
    line1: '1 Market Street',
    city: 'Springfield',
    postalCode: '12345',
    country: 'US',
  };
  const { checkout } = await shopper.call<{
    checkout: { grandTotal: { amount: number }; problems: { code: string }[] };
  }>(
    `query E2eQuote($input: CheckoutInput) {
      checkout(input: $input) { grandTotal { amount } problems { code } }
    }`,
    { input: { shippingAddress: address, paymentMethod: 'WALLET' } },
  );
  expect(checkout.problems).toEqual([]);
  const placed = await shopper.mutate<{
    purchase: { number: number; orders: { number: number; status: string }[] };
  }>(
    `mutation E2eCheckout($input: CheckoutCompleteInput!) {
      checkoutComplete(input: $input) {
        purchase { number orders { number status } }
        errors { code field message }
      }
    }`,
    {
      input: {
        shippingAddress: address,
        paymentMethod: 'WALLET',
        idempotencyKey: randomUUID(),
        expectedGrandTotal: checkout.grandTotal.amount,
      },
    },
  );
  const order = placed.purchase.orders[0]!;
  expect(order.status).toBe('PAID');

  // The seller finds it by number, accepts, packs and ships it with a tracking number.
  const backoffice = new Backoffice(page);
  await backoffice.logIn(SELLER, PASSWORD);
  const orders = new BackofficeOrders(page);
  await orders.open();
  await orders.filterByNumber(order.number);
  await orders.openOrder(order.number);
  await expect(orders.status()).toHaveText('Paid');
  expect(await orders.actions()).toEqual(['Accept', 'Refund', 'Cancel order']);
  await orders.act('Accept', 'Accepted');
  await orders.act('Mark packed', 'Packed');
  await orders.ship('UPS', `1Z${run.toUpperCase()}`);
  await expect(page.getByText(`1Z${run.toUpperCase()}`)).toBeVisible();
  expect(await orders.timeline()).toEqual(['Placed', 'Paid', 'Accepted', 'Packed', 'Shipped']);

  // The shopper sees the new status in the purchase history.
  const storefront = await browser.newContext({ baseURL: new URL('/', baseURL).href });
  const shopperPage = await storefront.newPage();
  await new StorefrontAccount(shopperPage).logIn(email, PASSWORD);
  await expect(
    shopperPage.getByRole('banner').getByRole('link', { name: 'Bea Buyer' }),
  ).toBeVisible();
  const purchases = new StorefrontPurchases(shopperPage);
  await purchases.openHistory();
  const history = await purchases.purchases();
  const mine = history.find((p) => p.number === placed.purchase.number);
  expect(mine?.orders.map((o) => [o.number, o.status])).toEqual([[order.number, 'Shipped']]);
  await storefront.close();
});

test('a salesperson places an offline order at a store counter, takes the payment and hands it over', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  test.slow();
  const run = Date.now().toString(36);

  // A published offer of the demo seller with stock in one of its stores.
  const api = GraphQLClient.anonymous(request, baseURL);
  const offers = await demoSellerOffers(await api.signIn(SELLER, PASSWORD));
  let pick: { offer: SellerOffer; store: { id: string; name: string }; stock: number } | null =
    null;
  for (const offer of offers) {
    const level = offer.stockLevels.find((l) => l.location.store && l.available >= 2);
    if (level && !offer.allowBackorder && offer.product.status === 'PUBLISHED') {
      pick = { offer, store: level.location.store!, stock: level.available };
      break;
    }
  }
  expect(pick, 'a demo-seller offer with stock in a store').not.toBeNull();
  const { offer, store, stock } = pick!;
  const title = offer.variant.title || offer.product.title;

  // An admin creates the salesperson, who sets a password from the e-mailed link.
  const admin = new Backoffice(page);
  await admin.logIn(ADMIN, PASSWORD);
  const email = `counter-${run}@example.com`;
  await admin.createAccount(email, 'Cai Counter', 'Salesperson', SHOP);
  const salesContext = await browser.newContext({ baseURL: new URL('/admin/', baseURL).href });
  const salesPage = await salesContext.newPage();
  await new Mailbox(salesPage).openLink(email, '/reset-password');
  await salesPage.getByLabel('New password').fill('a long and private passphrase');
  await salesPage.getByRole('button', { name: /password/i }).click();
  await expect(salesPage.getByText('Your password has been changed.')).toBeVisible();
  const sales = new Backoffice(salesPage);
  await sales.logIn(email, 'a long and private passphrase');

  // The counter sale: the store's stock, one unit, an anonymous walk-in customer.
  const counter = new BackofficeCounterSale(salesPage);
  await counter.open();
  await counter.chooseStore(store.name);
  expect(await counter.addItem(offer.variant.sku, title)).toBe(`${stock} in this store`);
  const number = await counter.place();
  await expect(counter.placed.getByText('Unpaid')).toBeVisible();
  await counter.markPaid();
  await counter.handOver();

  // The order page records every step, by the salesperson.
  await counter.openOrder();
  const orders = new BackofficeOrders(salesPage);
  await expect(orders.status()).toHaveText('Delivered');
  expect(await orders.timeline()).toEqual(['Placed', 'Paid', 'Delivered']);
  await expect(salesPage.getByRole('region', { name: 'Customer' })).toContainText(
    'Walk-in customer',
  );
  await expect(salesPage.getByRole('region', { name: 'History' })).toContainText('Cai Counter');

  // The sale took the unit from that store's stock.
  const after = (await demoSellerOffers(await api.signIn(SELLER, PASSWORD)))
    .find((o) => o.id === offer.id)!
    .stockLevels.find((l) => l.location.store?.id === store.id)!;
  expect(after.available).toBe(stock - 1);
  expect(number).toBeGreaterThan(0);
  await salesContext.close();
});
