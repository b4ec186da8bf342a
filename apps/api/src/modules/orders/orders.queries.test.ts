import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, sqlLog, startApi } from '../../../test/api.js';
import { signIn } from '../../../test/accounts.js';
import {
  contextFor,
  createShop,
  createShopper,
  fillCart,
  resetCheckout,
} from '../../../test/checkout.js';
import { completeCheckout } from '../checkout/checkout-complete.service.js';
import { checkout } from '../checkout/checkout.service.js';
import type { CheckoutCompleteInput } from '../checkout/checkout.types.js';

const PURCHASES = `{ myPurchases(first: 10) { totalCount edges { node {
  id number paymentMethod paymentStatus grandTotal { amount currency }
  orders { id status paid seller { slug } customer { email } shippingAddress { recipient country }
    lines { sku title quantity unitPrice { amount } discount { amount } tax { amount } total { amount } product { id } offer { id } }
    transitions { from to actorName reason } allowedActions refunds { id } }
} } } }`;

describe('purchases and orders (GraphQL)', async () => {
  const api = await startApi();
  await resetCheckout();
  const a = await createShop('orders-a');
  const b = await createShop('orders-b');
  const parent = await db.prisma.category.create({ data: { slug: 'home', name: { en: 'Home' } } });
  const child = await db.prisma.category.create({
    data: { slug: 'kitchen', name: { en: 'Kitchen' }, parentId: parent.id },
  });
  const offerA = await a.offer({ warehouse: 5 }, 2_000);
  const offerB = await b.offer({ warehouse: 5 }, 1_000);
  await db.prisma.product.update({
    where: { id: offerA.productId },
    data: { categoryId: child.id },
  });
  const buyer = await createShopper(100_000, 'buyer@orders.test');
  const other = await createShopper(0, 'other@orders.test');
  await fillCart(buyer.id, [
    { offer: offerA, quantity: 2 },
    { offer: offerB, quantity: 1 },
  ]);
  const ctx = contextFor(buyer.id);
  const total = (await checkout(ctx, { paymentMethod: 'WALLET' })).grandTotal.amount;
  const placed = await completeCheckout(ctx, {
    paymentMethod: 'WALLET',
    idempotencyKey: randomUUID(),
    expectedGrandTotal: total,
  } as CheckoutCompleteInput);
  const purchaseId = placed.purchase!.id;
  const orders = await db.prisma.order.findMany({
    where: { purchaseId },
    orderBy: { number: 'asc' },
  });
  const orderA = orders.find((o) => o.sellerId === a.seller.id)!;
  const orderB = orders.find((o) => o.sellerId === b.seller.id)!;

  it('the shopper sees their purchase with both orders, lines and history, in a fixed number of statements', async () => {
    const client = await signIn(api, 'buyer@orders.test');
    sqlLog.length = 0;
    const result = await client.graphql(PURCHASES);
    const statements = sqlLog.length;
    expect(result.errors).toBeUndefined();
    const purchase = result.data!.myPurchases.edges[0].node;
    expect(result.data!.myPurchases.totalCount).toBe(1);
    expect(purchase).toMatchObject({
      id: purchaseId,
      paymentMethod: 'WALLET',
      paymentStatus: 'SUCCEEDED',
    });
    expect(
      purchase.orders.map((o: any) => [o.seller.slug, o.status, o.paid, o.allowedActions]),
    ).toEqual([
      ['orders-a', 'PAID', true, ['CANCEL']],
      ['orders-b', 'PAID', true, ['CANCEL']],
    ]);
    expect(purchase.orders[0].customer).toEqual({ email: 'buyer@orders.test' });
    expect(purchase.orders[0].shippingAddress).toEqual({ recipient: 'Ada Shopper', country: 'FR' });
    expect(purchase.orders[0].lines[0]).toMatchObject({
      quantity: 2,
      unitPrice: { amount: 2_000 },
      offer: { id: offerA.id },
    });
    expect(purchase.orders[0].transitions.map((t: any) => [t.from, t.to])).toEqual([
      [null, 'PLACED'],
      ['PLACED', 'PAID'],
    ]);
    // Loaders: statements do not grow with orders and lines (session, purchases, then one per relation).
    expect(statements).toBeLessThanOrEqual(16);
  });

  it('another shopper sees nothing of it', async () => {
    const client = await signIn(api, 'other@orders.test');
    const result = await client.graphql(
      `query($p: ID!, $o: ID!) { purchase(id: $p) { id } order(id: $o) { id } myPurchases { totalCount } }`,
      { p: purchaseId, o: orderA.id },
    );
    expect(result.data).toEqual({ purchase: null, order: null, myPurchases: { totalCount: 0 } });
    expect(other.id).toBeTruthy();
  });

  it("a seller's staff see their own orders only, with the actions they may take", async () => {
    const staffB = await signIn(api, b.owner.email);
    // The purchase's totals cover seller A's order too: not for B's staff.
    const result = await staffB.graphql(
      `query($p: ID!, $a: ID!, $b: ID!) { purchase(id: $p) { id } other: order(id: $a) { id }
        own: order(id: $b) { seller { slug } allowedActions } }`,
      { p: purchaseId, a: orderA.id, b: orderB.id },
    );
    expect(result.data).toEqual({
      purchase: null,
      other: null,
      own: { seller: { slug: 'orders-b' }, allowedActions: ['ACCEPT', 'CANCEL', 'REFUND'] },
    });
    const forbidden = await staffB.graphql(
      `query($s: ID!) { sellerOrders(sellerId: $s) { totalCount } }`,
      {
        s: a.seller.id,
      },
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staffA = await signIn(api, a.owner.email);
    const list = async (filter: object) =>
      (
        await staffA.graphql(
          `query($s: ID!, $f: OrderFilter) { sellerOrders(sellerId: $s, filter: $f) { totalCount edges { node { id number } } } }`,
          { s: a.seller.id, f: filter },
        )
      ).data!.sellerOrders;
    expect((await list({ status: ['PAID'] })).edges.map((e: any) => e.node.id)).toEqual([
      orderA.id,
    ]);
    expect((await list({ status: ['CANCELLED'] })).totalCount).toBe(0);
    expect(
      (await list({ number: orderA.number, paymentMethod: 'WALLET', channel: 'ONLINE' }))
        .totalCount,
    ).toBe(1);
    expect((await list({ storeId: a.store.id })).totalCount).toBe(0);
    expect(
      (await list({ placedFrom: new Date(Date.now() + 60_000).toISOString() })).totalCount,
    ).toBe(0);
  });

  it('spending by category rolls lines up to the top-level category', async () => {
    const client = await signIn(api, 'buyer@orders.test');
    const result = await client.graphql(
      `{ mySpendingByCategory { category { id } amount { amount currency } } }`,
    );
    const line = await db.prisma.orderLine.findFirstOrThrow({ where: { offerId: offerA.id } });
    expect(result.data!.mySpendingByCategory).toEqual([
      { category: { id: parent.id }, amount: { amount: line.total, currency: 'USD' } },
    ]);
  });
});
