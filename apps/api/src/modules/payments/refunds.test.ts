import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser } from '../../../test/accounts.js';
import {
  balance,
  createPurchase,
  expectLedgerConsistent,
  fundWallet,
  resetPayments,
  tx,
} from '../../../test/payments.js';
import { cardPurchase, deliver, stripeSetup } from '../../../test/stripe-flow.js';
import { sendRefunds } from './refunds.service.js';
import {
  openPurchasePayments,
  PaymentError,
  refundOrder,
  settleOrder,
} from './purchase-payments.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof PaymentError ? error.code : Promise.reject(error)),
  );

describe('refunds', async () => {
  const { double, env, deps } = await stripeSetup();
  const api = await startApi(double.env);
  const a = await createSeller('refund-a');
  const b = await createSeller('refund-b');
  const shopper = await createUser('shopper@refund.test');

  beforeEach(async () => {
    await resetPayments();
    double.refundOutcome = 'succeeded';
  });

  async function walletPurchase() {
    await fundWallet(shopper.id, 5_000);
    const p = await createPurchase({
      customerId: shopper.id,
      method: 'WALLET',
      orders: [
        { sellerId: a.seller.id, storeId: a.store.id, total: 3_000 },
        { sellerId: b.seller.id, storeId: b.store.id, total: 2_000 },
      ],
    });
    await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: p.purchase.id,
        payerId: shopper.id,
        method: 'WALLET',
        currency: 'EUR',
        amount: p.amount,
        orders: p.shares,
      }),
    );
    return p;
  }

  async function paidCardPurchase() {
    const p = await cardPurchase(env, shopper.id, [
      { sellerId: a.seller.id, storeId: a.store.id, total: 3_000 },
    ]);
    await deliver(api.app, double.webhook('payment_intent.succeeded', double.succeed(p.intentId)));
    return p;
  }

  const refund = (orderId: string, amount: number, key: string) =>
    tx((t) =>
      refundOrder(t, {
        orderId,
        amount,
        reason: 'damaged',
        actorId: a.owner.id,
        idempotencyKey: key,
      }),
    );
  const order = (id: string) => db.prisma.order.findUniqueOrThrow({ where: { id } });

  it('wallet: partial then full refunds go back to the wallet at once, from the seller escrow', async () => {
    const p = await walletPurchase();
    const first = await refund(p.orders[0]!.id, 1_000, 'k1');
    expect(first).toMatchObject({ status: 'SUCCEEDED', amount: 1_000 });
    expect(await balance('WALLET', { userId: shopper.id })).toBe(1_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(2_000);
    await refund(p.orders[0]!.id, 2_000, 'k2');
    expect((await order(p.orders[0]!.id)).refundedTotal).toBe(3_000);
    expect(await balance('WALLET', { userId: shopper.id })).toBe(3_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(0);
    await expectLedgerConsistent();
  });

  it('is idempotent by key (per order); a key reused for another amount is refused', async () => {
    const p = await walletPurchase();
    const first = await refund(p.orders[0]!.id, 500, 'same');
    const again = await refund(p.orders[0]!.id, 500, 'same');
    expect(again.id).toBe(first.id);
    expect(await refusal(refund(p.orders[0]!.id, 700, 'same'))).toBe('IDEMPOTENCY_KEY_REUSED');
    // The same client key on another order is another refund.
    const other = await refund(p.orders[1]!.id, 500, 'same');
    expect(other.id).not.toBe(first.id);
    expect(await db.prisma.refund.count()).toBe(2);
    expect(await balance('WALLET', { userId: shopper.id })).toBe(1_000);
  });

  it('refuses an over-refund, a bad amount and an unpaid order with coded errors, changing nothing', async () => {
    const p = await walletPurchase();
    await refund(p.orders[1]!.id, 1_500, 'k1');
    const before = {
      refunds: await db.prisma.refund.count(),
      entries: await db.prisma.ledgerEntry.count(),
      order: (await order(p.orders[1]!.id)).refundedTotal,
    };
    expect(await refusal(refund(p.orders[1]!.id, 501, 'k2'))).toBe('REFUND_EXCEEDS_PAID');
    expect(await refusal(refund(p.orders[1]!.id, 0, 'k3'))).toBe('REFUND_AMOUNT_INVALID');
    expect(await refusal(refund(p.orders[1]!.id, -5, 'k4'))).toBe('REFUND_AMOUNT_INVALID');
    expect(await refusal(refund(p.orders[1]!.id, 1.5, 'k5'))).toBe('REFUND_AMOUNT_INVALID');
    const unpaid = await cardPurchase(env, shopper.id, [
      { sellerId: a.seller.id, storeId: a.store.id, total: 900 },
    ]);
    expect(await refusal(refund(unpaid.orders[0]!.id, 100, 'k6'))).toBe('NOT_PAID');
    expect({
      refunds: await db.prisma.refund.count(),
      entries: await db.prisma.ledgerEntry.count(),
      order: (await order(p.orders[1]!.id)).refundedTotal,
    }).toEqual(before);
  });

  it('CONCURRENCY: ten refunds of 1,000 on a 3,000 order: exactly three go through', async () => {
    const p = await walletPurchase();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => refund(p.orders[0]!.id, 1_000, `c${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results.filter(
        (r) => r.status === 'rejected' && (r.reason as PaymentError).code === 'REFUND_EXCEEDS_PAID',
      ),
    ).toHaveLength(7);
    expect((await order(p.orders[0]!.id)).refundedTotal).toBe(3_000);
    expect(await balance('WALLET', { userId: shopper.id })).toBe(3_000);
    await expectLedgerConsistent();
  });

  it('after settlement a refund comes out of the seller available balance', async () => {
    const p = await walletPurchase();
    await tx((t) => settleOrder(t, p.orders[0]!.id));
    await new Promise((r) => setTimeout(r, 5));
    await refund(p.orders[0]!.id, 1_000, 'late');
    expect(await balance('SELLER_AVAILABLE', { sellerId: a.seller.id })).toBe(2_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(0);
    await expectLedgerConsistent();
  });

  it('Stripe: a partial then a full refund are sent to Stripe with the refund id as idempotency key', async () => {
    const p = await paidCardPurchase();
    const partial = await refund(p.orders[0]!.id, 1_200, 'k1');
    expect(partial.status).toBe('PENDING');
    expect(await balance('STRIPE_CLEARING')).toBe(-3_000);
    await sendRefunds(deps, [partial.id]);
    await sendRefunds(deps, [partial.id]);
    expect(await db.prisma.refund.findUniqueOrThrow({ where: { id: partial.id } })).toMatchObject({
      status: 'SUCCEEDED',
    });
    expect(double.refunds.size).toBe(1);
    expect(double.idempotencyKeys).toContain(partial.id);
    const rest = await refund(p.orders[0]!.id, 1_800, 'k2');
    await sendRefunds(deps, [rest.id]);
    expect(double.intents.get(p.intentId)!.amount_refunded).toBe(3_000);
    expect(await balance('STRIPE_CLEARING')).toBe(0);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(0);
    expect(await refusal(refund(p.orders[0]!.id, 1, 'k3'))).toBe('REFUND_EXCEEDS_PAID');
    await expectLedgerConsistent();
  });

  it('Stripe: charge.refunded completes the pending refunds of its PaymentIntent', async () => {
    const p = await paidCardPurchase();
    double.refundOutcome = 'pending';
    const pending = await refund(p.orders[0]!.id, 700, 'k1');
    await sendRefunds(deps, [pending.id]);
    const ref = (await db.prisma.refund.findUniqueOrThrow({ where: { id: pending.id } }))
      .providerRef!;
    double.settleRefund(ref, 'succeeded');
    const charge = { id: 'ch_test', object: 'charge', payment_intent: p.intentId, refunded: false };
    expect(await deliver(api.app, double.webhook('charge.refunded', charge))).toBe(200);
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe(
      'SUCCEEDED',
    );
    expect(await balance('STRIPE_CLEARING')).toBe(-2_300);
  });

  it('Stripe: a pending refund completes on its webhook; a failed one gives the amount back', async () => {
    const p = await paidCardPurchase();
    double.refundOutcome = 'pending';
    const first = await refund(p.orders[0]!.id, 1_000, 'k1');
    await sendRefunds(deps, [first.id]);
    const stored = await db.prisma.refund.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ status: 'PENDING' });
    expect(stored.providerRef).toMatch(/^re_/);

    const done = double.settleRefund(stored.providerRef!, 'succeeded');
    expect(await deliver(api.app, double.webhook('refund.updated', done))).toBe(200);
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { id: first.id } })).status).toBe(
      'SUCCEEDED',
    );
    expect(await balance('STRIPE_CLEARING')).toBe(-2_000);

    const second = await refund(p.orders[0]!.id, 2_000, 'k2');
    await sendRefunds(deps, [second.id]);
    const ref = (await db.prisma.refund.findUniqueOrThrow({ where: { id: second.id } }))
      .providerRef!;
    const failed = double.settleRefund(ref, 'failed', 'expired_or_canceled_card');
    expect(await deliver(api.app, double.webhook('refund.failed', failed))).toBe(200);
    expect(await db.prisma.refund.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: 'FAILED',
      failureMessage: 'expired_or_canceled_card',
    });
    expect((await order(p.orders[0]!.id)).refundedTotal).toBe(1_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(2_000);
    // The amount may be refunded again.
    double.refundOutcome = 'succeeded';
    const retry = await refund(p.orders[0]!.id, 2_000, 'k3');
    await sendRefunds(deps, [retry.id]);
    expect((await order(p.orders[0]!.id)).refundedTotal).toBe(3_000);
    await expectLedgerConsistent();
  });
});
