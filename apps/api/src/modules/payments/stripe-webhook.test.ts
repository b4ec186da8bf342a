import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser } from '../../../test/accounts.js';
import { balance, expectLedgerConsistent, resetPayments } from '../../../test/payments.js';
import { cardPurchase, deliver, stripeSetup } from '../../../test/stripe-flow.js';
import { startStripePayment } from './purchase-payments.js';

describe('Stripe webhook', async () => {
  const { double, env } = await stripeSetup();
  const api = await startApi(double.env);
  const a = await createSeller('hook-a');
  const b = await createSeller('hook-b');
  const shopper = await createUser('shopper@hook.test');
  const buy = () =>
    cardPurchase(env, shopper.id, [
      { sellerId: a.seller.id, storeId: a.store.id, total: 4_000, platformDiscount: 300 },
      { sellerId: b.seller.id, storeId: b.store.id, total: 1_000 },
    ]);
  const orderStatuses = async (purchaseId: string) =>
    (await db.prisma.order.findMany({ where: { purchaseId }, orderBy: { sellerId: 'asc' } })).map(
      (o) => o.status,
    );

  beforeEach(resetPayments);

  it('creates the PaymentIntent once per payment (same idempotency key, same intent)', async () => {
    const p = await buy();
    const intentsBefore = double.intents.size;
    expect(p.clientSecret).toMatch(/^pi_\w+_secret_/);
    expect(double.intents.get(p.intentId)).toMatchObject({
      amount: 5_000,
      currency: 'eur',
      metadata: { paymentId: p.payment.id, purchaseId: p.purchase.id },
    });
    expect(double.idempotencyKeys).toContain(`payment:${p.payment.id}`);
    // Called again (the browser retries): the stored secret, no second intent.
    const again = await startStripePayment({ db, services: { env } as never }, p.payment.id);
    expect(again.clientSecret).toBe(p.clientSecret);
    expect(double.intents.size).toBe(intentsBefore);
  });

  it('payment_intent.succeeded marks the payment SUCCEEDED, the orders PAID and books the ledger', async () => {
    const p = await buy();
    const intent = double.succeed(p.intentId);
    const hook = double.webhook('payment_intent.succeeded', intent);
    expect(await deliver(api.app, hook)).toBe(200);

    const payment = await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } });
    expect(payment).toMatchObject({ status: 'SUCCEEDED' });
    expect(payment.succeededAt).not.toBeNull();
    expect(await orderStatuses(p.purchase.id)).toEqual(['PAID', 'PAID']);
    const transitions = await db.prisma.orderTransition.findMany({
      where: { orderId: p.orders[0]!.id, toStatus: 'PAID' },
    });
    expect(transitions).toMatchObject([{ actorId: null, reason: 'payment succeeded' }]);
    expect(await balance('STRIPE_CLEARING')).toBe(-5_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(4_300);
    expect(await balance('SELLER_ESCROW', { sellerId: b.seller.id })).toBe(1_000);
    expect(await balance('PLATFORM_PROMOTIONS')).toBe(-300);
    expect(await db.prisma.webhookEvent.findMany()).toMatchObject([
      { provider: 'stripe', eventId: hook.id, type: 'payment_intent.succeeded' },
    ]);
    await expectLedgerConsistent();
  });

  it('a wrong signature is refused with 400 and changes nothing', async () => {
    const p = await buy();
    const intent = double.succeed(p.intentId);
    const forged = double.webhook('payment_intent.succeeded', intent, { secret: 'whsec_other' });
    expect(await deliver(api.app, forged)).toBe(400);
    const genuine = double.webhook('payment_intent.succeeded', intent);
    expect(await deliver(api.app, { payload: genuine.payload, signature: 'garbage' })).toBe(400);
    const tampered = genuine.payload.replace('"amount":5000', '"amount":1');
    expect(await deliver(api.app, { payload: tampered, signature: genuine.signature })).toBe(400);

    expect(
      (await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).status,
    ).toBe('PENDING');
    expect(await orderStatuses(p.purchase.id)).toEqual(['PLACED', 'PLACED']);
    expect(await db.prisma.webhookEvent.count()).toBe(0);
    expect(await db.prisma.ledgerEntry.count()).toBe(0);
  });

  it('a replayed event is applied once', async () => {
    const p = await buy();
    const hook = double.webhook('payment_intent.succeeded', double.succeed(p.intentId));
    const codes = await Promise.all([deliver(api.app, hook), deliver(api.app, hook)]);
    expect(codes).toEqual([200, 200]);
    expect(await deliver(api.app, hook)).toBe(200);
    expect(await db.prisma.ledgerTransaction.count({ where: { kind: 'PURCHASE_PAYMENT' } })).toBe(
      1,
    );
    expect(await db.prisma.orderTransition.count({ where: { toStatus: 'PAID' } })).toBe(2);
    expect(await db.prisma.webhookEvent.count()).toBe(1);
    expect(await balance('STRIPE_CLEARING')).toBe(-5_000);
  });

  it('reordered: a payment_failed arriving after succeeded leaves it SUCCEEDED (the intent is re-read)', async () => {
    const p = await buy();
    const declined = double.fail(p.intentId);
    const failedHook = double.webhook('payment_intent.payment_failed', declined);
    const succeededHook = double.webhook('payment_intent.succeeded', double.succeed(p.intentId));
    expect(await deliver(api.app, succeededHook)).toBe(200);
    expect(await deliver(api.app, failedHook)).toBe(200);
    const payment = await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } });
    expect(payment).toMatchObject({ status: 'SUCCEEDED', failureCode: null });
    expect(await orderStatuses(p.purchase.id)).toEqual(['PAID', 'PAID']);
  });

  it('reordered: a late payment_failed event for an intent that has since succeeded applies success', async () => {
    const p = await buy();
    const failedHook = double.webhook('payment_intent.payment_failed', double.fail(p.intentId));
    double.succeed(p.intentId);
    expect(await deliver(api.app, failedHook)).toBe(200);
    expect(
      (await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).status,
    ).toBe('SUCCEEDED');
    expect(await orderStatuses(p.purchase.id)).toEqual(['PAID', 'PAID']);
  });

  it('payment_failed records the failure; the orders stay PLACED (the shopper may retry)', async () => {
    const p = await buy();
    const hook = double.webhook(
      'payment_intent.payment_failed',
      double.fail(p.intentId, 'card_declined', 'Your card has insufficient funds.'),
    );
    expect(await deliver(api.app, hook)).toBe(200);
    expect(
      await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } }),
    ).toMatchObject({
      status: 'FAILED',
      failureCode: 'generic_decline',
      failureMessage: 'Your card has insufficient funds.',
    });
    expect(await orderStatuses(p.purchase.id)).toEqual(['PLACED', 'PLACED']);
    expect(await db.prisma.ledgerEntry.count()).toBe(0);
    // The retry succeeds on the same intent.
    expect(
      await deliver(
        api.app,
        double.webhook('payment_intent.succeeded', double.succeed(p.intentId)),
      ),
    ).toBe(200);
    expect(await orderStatuses(p.purchase.id)).toEqual(['PAID', 'PAID']);
  });

  it('requires_action and canceled', async () => {
    const p = await buy();
    await deliver(
      api.app,
      double.webhook('payment_intent.requires_action', double.requireAction(p.intentId)),
    );
    expect(
      (await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).status,
    ).toBe('REQUIRES_ACTION');
    await deliver(api.app, double.webhook('payment_intent.canceled', double.cancel(p.intentId)));
    expect(
      (await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).status,
    ).toBe('CANCELED');
    expect(await orderStatuses(p.purchase.id)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await db.prisma.ledgerEntry.count()).toBe(0);
  });

  it('a payment that succeeds after its orders were cancelled is refunded in full', async () => {
    const p = await buy();
    await db.prisma.order.updateMany({
      where: { purchaseId: p.purchase.id },
      data: { status: 'CANCELLED', cancelReason: 'payment not received in time' },
    });
    expect(
      await deliver(
        api.app,
        double.webhook('payment_intent.succeeded', double.succeed(p.intentId)),
      ),
    ).toBe(200);
    const refunds = await db.prisma.refund.findMany({ orderBy: { amount: 'asc' } });
    expect(refunds.map((r) => [r.amount, r.status])).toEqual([
      [1_000, 'SUCCEEDED'],
      [4_000, 'SUCCEEDED'],
    ]);
    expect(double.intents.get(p.intentId)!.amount_refunded).toBe(5_000);
    expect(await balance('STRIPE_CLEARING')).toBe(0);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(300);
    await expectLedgerConsistent();
  });

  it('Stripe unreachable while re-reading: 500, nothing recorded, and the redelivery applies it', async () => {
    const p = await buy();
    const hook = double.webhook('payment_intent.succeeded', double.succeed(p.intentId));
    double.down = true;
    try {
      expect(await deliver(api.app, hook)).toBe(500);
    } finally {
      double.down = false;
    }
    expect(await db.prisma.webhookEvent.count()).toBe(0);
    expect(await orderStatuses(p.purchase.id)).toEqual(['PLACED', 'PLACED']);
    expect(await deliver(api.app, hook)).toBe(200);
    expect(await orderStatuses(p.purchase.id)).toEqual(['PAID', 'PAID']);
  });

  it('events about intents that are not ours are recorded and ignored', async () => {
    const hook = double.webhook('payment_intent.succeeded', {
      id: 'pi_elsewhere',
      object: 'payment_intent',
    });
    double.intents.set('pi_elsewhere', {
      ...double.intents.values().next().value!,
      id: 'pi_elsewhere',
      metadata: {},
      status: 'succeeded',
    });
    expect(await deliver(api.app, hook)).toBe(200);
    expect(await db.prisma.webhookEvent.count()).toBe(1);
    expect(await db.prisma.ledgerEntry.count()).toBe(0);
  });

  it('keeps JSON parsing for GraphQL', async () => {
    const result = await api.graphql('{ __typename }');
    expect(result.data).toEqual({ __typename: 'Query' });
  });
});
