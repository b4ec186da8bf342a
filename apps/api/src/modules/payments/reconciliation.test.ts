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
import { openPurchasePayments, refundOrder } from './purchase-payments.js';
import { runUnpaidOrderExpiry } from '../orders/unpaid-expiry.job.js';
import { runPaymentReconciliation } from './reconciliation.job.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('payment reconciliation', async () => {
  const { double, env, deps } = await stripeSetup();
  const api = await startApi(double.env);
  const a = await createSeller('recon-a');
  const shopper = await createUser('shopper@recon.test');
  const buy = () =>
    cardPurchase(env, shopper.id, [{ sellerId: a.seller.id, storeId: a.store.id, total: 2_500 }]);
  const statusOf = async (p: { payment: { id: string }; orders: { id: string }[] }) => ({
    payment: (await db.prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).status,
    order: (await db.prisma.order.findUniqueOrThrow({ where: { id: p.orders[0]!.id } })).status,
  });

  beforeEach(async () => {
    await resetPayments();
    double.down = false;
    double.refundOutcome = 'succeeded';
  });

  it('pays the order of a payment that succeeded when the webhook never arrived', async () => {
    const p = await buy();
    double.succeed(p.intentId);
    // Too recent: left to the webhook.
    await runPaymentReconciliation(deps, new Date());
    expect(await statusOf(p)).toEqual({ payment: 'PENDING', order: 'PLACED' });

    await runPaymentReconciliation(deps, minutes(10));
    expect(await statusOf(p)).toEqual({ payment: 'SUCCEEDED', order: 'PAID' });
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(2_500);
    // The late webhook then changes nothing.
    await deliver(
      api.app,
      double.webhook('payment_intent.succeeded', double.intents.get(p.intentId)!),
    );
    await runPaymentReconciliation(deps, minutes(20));
    expect(await db.prisma.ledgerTransaction.count()).toBe(1);
    expect(await db.prisma.orderTransition.count({ where: { toStatus: 'PAID' } })).toBe(1);
    await expectLedgerConsistent();
  });

  it('applies failures and cancellations it finds, and leaves open intents alone', async () => {
    const failing = await buy();
    const canceled = await buy();
    const open = await buy();
    double.fail(failing.intentId);
    double.cancel(canceled.intentId);
    await runPaymentReconciliation(deps, minutes(10));
    expect(await statusOf(failing)).toEqual({ payment: 'FAILED', order: 'PLACED' });
    expect(await statusOf(canceled)).toEqual({ payment: 'CANCELED', order: 'CANCELLED' });
    expect(await statusOf(open)).toEqual({ payment: 'PENDING', order: 'PLACED' });
  });

  it('cancels at Stripe the open intent of orders cancelled unpaid, so it cannot take money later', async () => {
    const expired = await buy();
    const live = await buy();
    await db.prisma.order.update({
      where: { id: expired.orders[0]!.id },
      data: { paymentDueAt: minutes(-1) },
    });
    expect(await runUnpaidOrderExpiry(db.prisma)).toBe(1);
    await runPaymentReconciliation(deps, minutes(10));
    expect(double.requests).toContain(`POST /v1/payment_intents/${expired.intentId}/cancel`);
    expect(double.intents.get(expired.intentId)!.status).toBe('canceled');
    expect(await statusOf(expired)).toEqual({ payment: 'CANCELED', order: 'CANCELLED' });
    expect(double.intents.get(live.intentId)!.status).toBe('requires_payment_method');
    expect(await statusOf(live)).toEqual({ payment: 'PENDING', order: 'PLACED' });
    // Paid at the last moment: Stripe refuses the cancel, and the payment is refunded in full.
    const late = await buy();
    await db.prisma.order.update({
      where: { id: late.orders[0]!.id },
      data: { paymentDueAt: minutes(-1) },
    });
    await runUnpaidOrderExpiry(db.prisma);
    double.succeed(late.intentId);
    await runPaymentReconciliation(deps, minutes(20));
    expect(await statusOf(late)).toEqual({ payment: 'SUCCEEDED', order: 'CANCELLED' });
    expect(await db.prisma.refund.findMany({ where: { paymentId: late.payment.id } })).toEqual([
      expect.objectContaining({ amount: 2_500, status: 'SUCCEEDED' }),
    ]);
    await expectLedgerConsistent();
  });

  it('Stripe unreachable: nothing changes, and the next run catches up', async () => {
    const p = await buy();
    double.succeed(p.intentId);
    double.down = true;
    await runPaymentReconciliation(deps, minutes(10));
    expect(await statusOf(p)).toEqual({ payment: 'PENDING', order: 'PLACED' });
    double.down = false;
    await runPaymentReconciliation(deps, minutes(20));
    expect(await statusOf(p)).toEqual({ payment: 'SUCCEEDED', order: 'PAID' });
  });

  it('a succeeded payment whose orders are still PLACED gets them paid', async () => {
    await fundWallet(shopper.id, 1_000);
    const p = await createPurchase({
      customerId: shopper.id,
      method: 'WALLET',
      orders: [{ sellerId: a.seller.id, storeId: a.store.id, total: 1_000 }],
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
    expect(
      (await db.prisma.order.findUniqueOrThrow({ where: { id: p.orders[0]!.id } })).status,
    ).toBe('PLACED');
    await runPaymentReconciliation(deps, new Date());
    expect(
      (await db.prisma.order.findUniqueOrThrow({ where: { id: p.orders[0]!.id } })).status,
    ).toBe('PAID');
  });

  it('sends Stripe refunds that could not be sent before', async () => {
    const p = await buy();
    await deliver(api.app, double.webhook('payment_intent.succeeded', double.succeed(p.intentId)));
    const refund = await tx((t) =>
      refundOrder(t, {
        orderId: p.orders[0]!.id,
        amount: 500,
        reason: 'late',
        actorId: null,
        idempotencyKey: 'r1',
      }),
    );
    // Not sent yet (the process died after commit): it stays PENDING.
    expect(refund.status).toBe('PENDING');
    double.down = true;
    await runPaymentReconciliation(deps, minutes(10));
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe(
      'PENDING',
    );
    double.down = false;
    await runPaymentReconciliation(deps, minutes(20));
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe(
      'SUCCEEDED',
    );
    expect(double.intents.get(p.intentId)!.amount_refunded).toBe(500);
    await expectLedgerConsistent();
  });
});
