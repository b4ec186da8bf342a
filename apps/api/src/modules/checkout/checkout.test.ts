import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, sqlLog, startApi } from '../../../test/api.js';
import {
  CURRENCY,
  checkoutCounts,
  contextFor,
  createShop,
  createShopper,
  fillCart,
  resetCheckout,
  stockOf,
} from '../../../test/checkout.js';
import { balance, expectLedgerConsistent } from '../../../test/payments.js';
import { runUnpaidOrderExpiry } from '../orders/unpaid-expiry.job.js';
import { completeCheckout } from './checkout-complete.service.js';
import { checkout } from './checkout.service.js';
import type { CheckoutCompleteInput, CheckoutInput } from './checkout.types.js';

describe('checkout', async () => {
  await startApi();

  beforeEach(async () => {
    await resetCheckout();
    await db.prisma.taxRate.createMany({
      data: [
        { country: 'FR', rateBp: 2000 },
        { country: 'DE', rateBp: 0 },
      ],
    });
  });

  /** Two shops, a shopper with money and a cart of one offer from each. */
  async function twoSellerCart(funds = 100_000) {
    const a = await createShop();
    const b = await createShop();
    const offerA = await a.offer({ warehouse: 5 }, 2_000);
    const offerB = await b.offer({ warehouse: 5 }, 3_333);
    const user = await createShopper(funds);
    await fillCart(user.id, [
      { offer: offerA, quantity: 2 },
      { offer: offerB, quantity: 1 },
    ]);
    return { a, b, offerA, offerB, user, ctx: contextFor(user.id) };
  }

  const complete = async (
    ctx: ReturnType<typeof contextFor>,
    input: Partial<CheckoutCompleteInput> = {},
  ) => {
    const base: CheckoutInput = { ...input };
    const expected =
      input.expectedGrandTotal ??
      (await checkout(ctx, { ...base, paymentMethod: input.paymentMethod ?? 'WALLET' })).grandTotal
        .amount;
    return completeCheckout(ctx, {
      paymentMethod: 'WALLET',
      idempotencyKey: randomUUID(),
      ...input,
      expectedGrandTotal: expected,
    } as CheckoutCompleteInput);
  };
  const codes = (result: { errors: { code: string }[] }) => result.errors.map((e) => e.code);

  it('quotes the cart per seller: cheapest delivery to the default address, tax on items only', async () => {
    const { ctx, a, b } = await twoSellerCart();
    const quote = await checkout(ctx, {});
    expect(quote.problems).toEqual([]);
    expect(quote.currency).toBe(CURRENCY);
    expect(quote.groups.map((g) => g.sellerId)).toEqual([a.seller.id, b.seller.id]);
    const [ga, gb] = quote.groups;
    expect(ga!.deliveryOptions.map((o) => [o.shippingMethod, o.fee.amount])).toEqual([
      [expect.objectContaining({ name: 'Standard' }), 500],
      [expect.objectContaining({ name: 'Express' }), 1_500],
    ]);
    expect(ga).toMatchObject({
      shippingMethodId: a.standard.id,
      itemsSubtotal: { amount: 4_000 },
      shippingFee: { amount: 500 },
      tax: { amount: 800 },
      total: { amount: 5_300 },
    });
    expect(gb).toMatchObject({ itemsSubtotal: { amount: 3_333 }, tax: { amount: 667 } });
    expect(quote.grandTotal.amount).toBe(5_300 + 3_333 + 500 + 667);
    expect(quote.paymentMethods).toEqual(['WALLET']);
    expect(quote.walletBalance?.amount).toBe(100_000);
    expect(b.seller.id).toBeTruthy();
  });

  it('reports what blocks the checkout: empty cart, missing address, no delivery, bad store, payment method', async () => {
    const lonely = contextFor((await createShopper(0, 'nobody@checkout.test')).id);
    expect((await checkout(lonely, {})).problems.map((p) => p.code)).toEqual(['CART_EMPTY']);

    const { ctx, a, user } = await twoSellerCart();
    await db.prisma.address.deleteMany({ where: { userId: user.id } });
    expect((await checkout(ctx, {})).problems.map((p) => p.code)).toEqual(['ADDRESS_REQUIRED']);
    const us = {
      recipient: 'Ada',
      line1: '1 Main St',
      city: 'Austin',
      postalCode: '73301',
      country: 'US',
    };
    const abroad = await checkout(ctx, { shippingAddress: us });
    expect(abroad.problems.map((p) => p.code)).toEqual([
      'NO_DELIVERY_TO_COUNTRY',
      'NO_DELIVERY_TO_COUNTRY',
    ]);
    const badStore = await checkout(ctx, {
      shippingAddress: { ...us, country: 'FR' },
      choices: [{ sellerId: a.seller.id, fulfilment: 'PICKUP', pickupStoreId: randomUUID() }],
      paymentMethod: 'IN_STORE',
    });
    expect(badStore.problems.map((p) => [p.code, p.sellerId])).toEqual([
      ['PICKUP_STORE_INVALID', a.seller.id],
      ['PAYMENT_METHOD_UNAVAILABLE', null],
    ]);
  });

  it('places a wallet purchase: one PAID order per seller, stock sold, cart emptied, ledger balanced', async () => {
    const { ctx, user, offerA, offerB, a, b } = await twoSellerCart();
    const quote = await checkout(ctx, { paymentMethod: 'WALLET' });
    sqlLog.length = 0;
    const result = await completeCheckout(ctx, {
      paymentMethod: 'WALLET',
      idempotencyKey: randomUUID(),
      expectedGrandTotal: quote.grandTotal.amount,
    } as CheckoutCompleteInput);
    const statements = sqlLog.length;
    expect(result.errors).toEqual([]);
    expect(result.payment).toMatchObject({ method: 'WALLET', status: 'SUCCEEDED' });
    expect(result.purchase!.grandTotal.amount).toBe(quote.grandTotal.amount);
    // Place order is the hot path: a fixed, small number of statements for two
    // sellers (28 today, quote included: each one is CPU on a sales day).
    expect(statements).toBeLessThanOrEqual(28);

    const orders = await db.prisma.order.findMany({
      where: { purchaseId: result.purchase!.id },
      include: { lines: true, transitions: { orderBy: { createdAt: 'asc' } } },
      orderBy: { number: 'asc' },
    });
    expect(orders.map((o) => [o.sellerId, o.status, o.total])).toEqual([
      [a.seller.id, 'PAID', 5_300],
      [b.seller.id, 'PAID', 4_500],
    ]);
    expect(orders[0]!.transitions.map((t) => [t.fromStatus, t.toStatus])).toEqual([
      [null, 'PLACED'],
      ['PLACED', 'PAID'],
    ]);
    expect(orders[0]!.shippingAddress).toMatchObject({ recipient: 'Ada Shopper', country: 'FR' });
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    expect(await stockOf(offerB.levelIds[0]!)).toEqual({ onHand: 4, reserved: 0 });
    expect(await db.prisma.cartLine.count()).toBe(0);
    expect(await balance('WALLET', { userId: user.id }, CURRENCY)).toBe(
      100_000 - quote.grandTotal.amount,
    );
    await expectLedgerConsistent();
  });

  it('a retry and a concurrent double submit return the same purchase', async () => {
    const { ctx } = await twoSellerCart();
    const total = (await checkout(ctx, { paymentMethod: 'WALLET' })).grandTotal.amount;
    const input = {
      paymentMethod: 'WALLET',
      idempotencyKey: randomUUID(),
      expectedGrandTotal: total,
    } as CheckoutCompleteInput;
    const [first, second] = await Promise.all([
      completeCheckout(ctx, input),
      completeCheckout(contextFor(ctx.session.userId), input),
    ]);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    expect(second.purchase!.id).toBe(first.purchase!.id);
    const retry = await completeCheckout(contextFor(ctx.session.userId), input);
    expect(retry.purchase!.id).toBe(first.purchase!.id);
    expect(await db.prisma.purchase.count()).toBe(1);
    expect(await db.prisma.order.count()).toBe(2);
  });

  it('refuses a changed total, a bad key, missing funds and a withdrawn item, changing nothing', async () => {
    const { ctx, offerA } = await twoSellerCart(1_000);
    const before = await checkoutCounts();
    expect(codes(await complete(ctx, { expectedGrandTotal: 1 }))).toEqual(['TOTAL_CHANGED']);
    expect(codes(await complete(ctx, { idempotencyKey: 'short' }))).toEqual([
      'IDEMPOTENCY_KEY_INVALID',
    ]);
    expect(codes(await complete(ctx))).toEqual(['INSUFFICIENT_FUNDS']);
    expect(codes(await complete(ctx, { paymentMethod: 'STRIPE' }))).toEqual([
      'PAYMENT_METHOD_UNAVAILABLE',
    ]);
    await db.prisma.offer.update({ where: { id: offerA.id }, data: { status: 'INACTIVE' } });
    const withdrawn = await complete(ctx, { expectedGrandTotal: 1 });
    expect(codes(withdrawn)).toEqual(['CART_HAS_WARNINGS']);
    expect(await checkoutCounts()).toEqual(before);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('pays in store for pick-up: orders wait PLACED with stock held, then expire unpaid and release it', async () => {
    const { ctx, a, b, offerA } = await twoSellerCart();
    const choices = [
      { sellerId: a.seller.id, fulfilment: 'PICKUP' as const, pickupStoreId: a.store.id },
      { sellerId: b.seller.id, fulfilment: 'PICKUP' as const, pickupStoreId: b.store.id },
    ];
    const quote = await checkout(ctx, { choices, paymentMethod: 'IN_STORE' });
    expect(quote.problems).toEqual([]);
    expect(quote.shippingTotal.amount).toBe(0);
    expect(quote.paymentMethods).toEqual(['WALLET', 'IN_STORE']);
    const result = await complete(ctx, { choices, paymentMethod: 'IN_STORE' });
    expect(result.errors).toEqual([]);
    expect(result.payment).toBeNull();
    const orders = await db.prisma.order.findMany({ orderBy: { number: 'asc' } });
    expect(orders.map((o) => [o.status, o.fulfilment, o.pickupStoreId])).toEqual([
      ['PLACED', 'PICKUP', a.store.id],
      ['PLACED', 'PICKUP', b.store.id],
    ]);
    const due = orders[0]!.paymentDueAt!.getTime() - Date.now();
    expect(due).toBeGreaterThan(71 * 3_600_000);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 5, reserved: 2 });

    expect(await runUnpaidOrderExpiry(db.prisma, new Date(Date.now() + 3_600_000))).toBe(0);
    expect(await runUnpaidOrderExpiry(db.prisma, new Date(Date.now() + 73 * 3_600_000))).toBe(2);
    const cancelled = await db.prisma.order.findMany({ include: { transitions: true } });
    expect(cancelled.map((o) => [o.status, o.cancelReason])).toEqual([
      ['CANCELLED', 'payment not received in time'],
      ['CANCELLED', 'payment not received in time'],
    ]);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 5, reserved: 0 });
    expect(await db.prisma.stockReservation.count({ where: { status: 'HELD' } })).toBe(0);
  });
});
