// Refunds of orders, to the method they were paid with. The order row is
// locked first, so concurrent refunds of one order queue up and can never add
// up to more than it was paid. A refund counts against the order as soon as it
// is asked (refunded_total), and is given back if Stripe reports it failed.
import { randomUUID } from 'node:crypto';
import type { Payment, Prisma, Refund } from '@bazaar/db';
import type { Context } from '../../context.js';
import { bookRefund, releaseFailedRefund } from './payment-ledger.js';
import { type PaymentDeps, depsOf } from './payment-deps.js';
import { refundStatusOf, type ProviderRefund } from './payment-provider.js';
import { PaymentError } from './payments.errors.js';
import { stripeProvider } from './stripe.provider.js';

type Tx = Prisma.TransactionClient;

interface LockedOrder {
  id: string;
  sellerId: string;
  purchaseId: string;
  total: number;
  refundedTotal: number;
  paymentMethod: string;
}

async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT id::text AS id, seller_id::text AS "sellerId", purchase_id::text AS "purchaseId",
           total, refunded_total AS "refundedTotal", payment_method::text AS "paymentMethod"
      FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** The payment that paid an order: its own in store, else its purchase's online payment. */
export async function paymentOfOrder(
  tx: Tx,
  order: Pick<LockedOrder, 'id' | 'purchaseId' | 'paymentMethod'>,
): Promise<Payment | null> {
  return order.paymentMethod === 'IN_STORE'
    ? tx.payment.findFirst({ where: { orderId: order.id, method: 'IN_STORE' } })
    : tx.payment.findFirst({
        where: { purchaseId: order.purchaseId, method: { not: 'IN_STORE' }, purpose: 'PURCHASE' },
      });
}

/**
 * Refunds part or all of what an order was paid; idempotent by key (per
 * order). WALLET and IN_STORE complete in the transaction; STRIPE is recorded
 * PENDING: call sendPendingRefunds after commit. Throws PaymentError (the
 * caller's transaction must roll back).
 */
export async function refundOrder(
  tx: Tx,
  input: {
    orderId: string;
    amount: number;
    reason: string;
    actorId: string | null;
    idempotencyKey: string;
  },
): Promise<Refund> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new PaymentError('REFUND_AMOUNT_INVALID', 'The refund must be a positive amount.');
  const order = await lockOrder(tx, input.orderId);
  if (!order) throw new PaymentError('PAYMENT_NOT_FOUND', 'This order does not exist.');
  const key = `${order.id}:${input.idempotencyKey}`;
  const existing = await tx.refund.findUnique({ where: { idempotencyKey: key } });
  if (existing) {
    if (existing.amount !== input.amount)
      throw new PaymentError(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was used for another refund.',
      );
    return existing;
  }
  const payment = await paymentOfOrder(tx, order);
  if (!payment || payment.status !== 'SUCCEEDED')
    throw new PaymentError('NOT_PAID', 'This order has not been paid.');
  const left = Math.min(order.total - order.refundedTotal, payment.amount - payment.refundedAmount);
  if (input.amount > left)
    throw new PaymentError(
      'REFUND_EXCEEDS_PAID',
      `At most ${left} (minor units) is left to refund on this order.`,
    );

  await tx.$executeRaw`
    UPDATE orders SET refunded_total = refunded_total + ${input.amount}::int, updated_at = now()
     WHERE id = ${order.id}::uuid`;
  await tx.$executeRaw`
    UPDATE payments SET refunded_amount = refunded_amount + ${input.amount}::int, updated_at = now()
     WHERE id = ${payment.id}::uuid`;
  const refund = await tx.refund.create({
    data: {
      id: randomUUID(),
      paymentId: payment.id,
      orderId: order.id,
      amount: input.amount,
      status: payment.method === 'STRIPE' ? 'PENDING' : 'SUCCEEDED',
      idempotencyKey: key,
      reason: input.reason,
      actorId: input.actorId,
    },
  });
  if (payment.method === 'WALLET') await bookRefund(tx, refund, payment, order.sellerId, order.id);
  return refund;
}

/** Applies what Stripe says of a refund; a refund that is already final is left alone. */
export async function applyProviderRefund(
  tx: Tx,
  refundId: string,
  remote: ProviderRefund,
): Promise<void> {
  await tx.refund.updateMany({
    where: { id: refundId, providerRef: null },
    data: { providerRef: remote.id },
  });
  const outcome = refundStatusOf(remote);
  if (!outcome) return;
  const changed = await tx.refund.updateMany({
    where: { id: refundId, status: 'PENDING' },
    data: {
      status: outcome,
      failureMessage: outcome === 'FAILED' ? (remote.failureReason ?? remote.status) : null,
    },
  });
  if (changed.count === 0) return;
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { payment: true, order: { select: { sellerId: true, currency: true } } },
  });
  if (!refund.orderId || !refund.order) return;
  if (outcome === 'SUCCEEDED') {
    await bookRefund(tx, refund, refund.payment, refund.order.sellerId, refund.orderId);
    return;
  }
  // Failed: the amount may be refunded again.
  await tx.$executeRaw`
    UPDATE orders SET refunded_total = refunded_total - ${refund.amount}::int, updated_at = now()
     WHERE id = ${refund.orderId}::uuid`;
  await tx.$executeRaw`
    UPDATE payments SET refunded_amount = refunded_amount - ${refund.amount}::int, updated_at = now()
     WHERE id = ${refund.paymentId}::uuid`;
  await releaseFailedRefund(
    tx,
    refund,
    refund.order.currency,
    refund.order.sellerId,
    refund.orderId,
  );
}

/**
 * Sends PENDING Stripe refunds to Stripe (idempotency key: the refund id, so
 * sending twice refunds once) and applies the answer. A refund Stripe could
 * not be reached for stays PENDING: the reconciliation job sends it again.
 */
export async function sendRefunds(deps: PaymentDeps, refundIds: readonly string[]) {
  const provider = stripeProvider(deps.env);
  if (!provider || !refundIds.length) return;
  const refunds = await deps.db.prisma.refund.findMany({
    where: { id: { in: [...refundIds] }, status: 'PENDING', payment: { method: 'STRIPE' } },
    include: { payment: { select: { providerRef: true } } },
  });
  for (const refund of refunds) {
    try {
      if (!refund.payment.providerRef) throw new Error('the payment has no PaymentIntent');
      const remote = refund.providerRef
        ? await provider.retrieveRefund(refund.providerRef)
        : await provider.createRefund({
            paymentIntentId: refund.payment.providerRef,
            amount: refund.amount,
            idempotencyKey: refund.id,
            metadata: { refundId: refund.id, orderId: refund.orderId ?? '' },
          });
      await deps.db.prisma.$transaction((tx) => applyProviderRefund(tx, refund.id, remote));
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? 0;
      if (status >= 400 && status < 500 && status !== 409 && status !== 429) {
        // Refused for good (e.g. the charge was disputed): give the amount back.
        const refused: ProviderRefund = {
          id: refund.providerRef ?? `refused:${refund.id}`,
          status: 'failed',
          amount: refund.amount,
          paymentIntentId: refund.payment.providerRef,
          failureReason: (error as Error).message.slice(0, 500),
          metadata: {},
        };
        await deps.db.prisma.$transaction((tx) => applyProviderRefund(tx, refund.id, refused));
        deps.log.warn({ err: error, refundId: refund.id }, 'Stripe refused the refund');
      } else
        deps.log.warn(
          { err: error, refundId: refund.id },
          'refund not sent to Stripe; retried later',
        );
    }
  }
}

export async function sendPendingRefunds(ctx: Context, refundIds: string[]): Promise<void> {
  await sendRefunds(depsOf(ctx), refundIds);
}
