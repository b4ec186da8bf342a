// The payments module as checkout and orders call it (contract.md, "Service
// interface between ORDERS and PAYMENTS"). Functions taking `tx` run inside
// the caller's transaction; those taking `ctx` call Stripe and must be called
// with no transaction open.
import { randomUUID } from 'node:crypto';
import type { Payment, PaymentMethod, PaymentStatus, Prisma } from '@bazaar/db';
import type { Context } from '../../context.js';
import { wallet } from '../wallet/ledger.js';
import { type OrderShare, bookPurchasePayment } from './payment-ledger.js';
import type { ProviderIntent } from './payment-provider.js';
import { PaymentError } from './payments.errors.js';
import { stripeProvider } from './stripe.provider.js';

export type { OrderShare } from './payment-ledger.js';
export { settleOrder } from './payment-ledger.js';
export { refundOrder, sendPendingRefunds } from './refunds.service.js';
export { PaymentError, PaymentErrorCode } from './payments.errors.js';
export { WalletShortError } from '../wallet/ledger.js';

type Tx = Prisma.TransactionClient;

/** The key sent to Stripe with every create call of this payment. */
export const paymentIdempotencyKey = (paymentId: string) => `payment:${paymentId}`;

/**
 * Inside the checkout transaction. WALLET: books the ledger now and returns
 * SUCCEEDED, or throws WalletShortError (the caller's transaction must roll
 * back: checkout error INSUFFICIENT_FUNDS). STRIPE: one PENDING payment, no
 * network call (startStripePayment after commit). IN_STORE: one PENDING
 * payment per order.
 */
export async function openPurchasePayments(
  tx: Tx,
  input: {
    purchaseId: string;
    payerId: string | null;
    method: PaymentMethod;
    currency: string;
    amount: number;
    orders: OrderShare[];
  },
): Promise<Payment[]> {
  const sum = input.orders.reduce((total, o) => total + o.total, 0);
  if (sum !== input.amount)
    throw new Error(`purchase ${input.purchaseId}: amount ${input.amount} != orders ${sum}`);
  const base = {
    purpose: 'PURCHASE' as const,
    method: input.method,
    purchaseId: input.purchaseId,
    payerId: input.payerId,
    currency: input.currency,
  };
  if (input.method === 'IN_STORE') {
    const payments: Payment[] = [];
    for (const order of input.orders) {
      const id = randomUUID();
      payments.push(
        await tx.payment.create({
          data: {
            ...base,
            id,
            orderId: order.orderId,
            amount: order.total,
            idempotencyKey: paymentIdempotencyKey(id),
          },
        }),
      );
    }
    return payments;
  }
  const id = randomUUID();
  if (input.method === 'STRIPE')
    return [
      await tx.payment.create({
        data: { ...base, id, amount: input.amount, idempotencyKey: paymentIdempotencyKey(id) },
      }),
    ];
  if (!input.payerId) throw new Error('a wallet payment needs the payer');
  const payment = await tx.payment.create({
    data: {
      ...base,
      id,
      amount: input.amount,
      idempotencyKey: paymentIdempotencyKey(id),
      status: 'SUCCEEDED',
      succeededAt: new Date(),
    },
  });
  await bookPurchasePayment(tx, payment, wallet(input.payerId, input.currency), input.orders);
  return [payment];
}

/**
 * After the checkout transaction committed: creates the PaymentIntent (with
 * the payment's idempotency key, so a second create returns the same intent)
 * and stores its id and client secret. Safe to call again: once stored, they
 * are returned without calling Stripe. Throws PaymentError.
 */
export async function startStripePayment(
  ctx: Pick<Context, 'db' | 'services'>,
  paymentId: string,
): Promise<{ clientSecret: string; status: PaymentStatus }> {
  const payment = await ctx.db.prisma.payment.findUnique({ where: { id: paymentId } });
  if (!payment || payment.method !== 'STRIPE')
    throw new PaymentError('PAYMENT_NOT_FOUND', 'This payment does not exist.');
  if (payment.providerRef && payment.clientSecret)
    return { clientSecret: payment.clientSecret, status: payment.status };
  const provider = stripeProvider(ctx.services.env);
  if (!provider)
    throw new PaymentError('STRIPE_NOT_CONFIGURED', 'Card payments are not available.');
  let intent: ProviderIntent;
  try {
    intent = await provider.createPaymentIntent({
      amount: payment.amount,
      currency: payment.currency,
      idempotencyKey: payment.idempotencyKey,
      metadata: {
        paymentId: payment.id,
        purpose: payment.purpose,
        ...(payment.purchaseId ? { purchaseId: payment.purchaseId } : {}),
      },
    });
  } catch (error) {
    // Same key next time: a retry cannot create a second intent.
    throw new PaymentError(
      'PROVIDER_UNAVAILABLE',
      `The card payment could not be started (${(error as Error).message}); try again.`,
    );
  }
  await ctx.db.prisma.payment.updateMany({
    where: { id: payment.id, providerRef: null },
    data: { providerRef: intent.id, clientSecret: intent.clientSecret },
  });
  return { clientSecret: intent.clientSecret ?? '', status: payment.status };
}

/**
 * A counter marks an in-store order paid (in the orders service's
 * transaction). Idempotent: an already collected payment is returned.
 * Throws PaymentError PAYMENT_NOT_FOUND or PAYMENT_NOT_PENDING.
 */
export async function collectInStorePayment(
  tx: Tx,
  input: { orderId: string; actorId: string },
): Promise<Payment> {
  const collected = await tx.$queryRaw<{ id: string }[]>`
    UPDATE payments SET status = 'SUCCEEDED', succeeded_at = now(), updated_at = now()
     WHERE order_id = ${input.orderId}::uuid AND method = 'IN_STORE' AND status = 'PENDING'
    RETURNING id::text AS id`;
  const payment = await tx.payment.findFirst({
    where: { orderId: input.orderId, method: 'IN_STORE' },
  });
  if (!payment) throw new PaymentError('PAYMENT_NOT_FOUND', 'This order is not paid in store.');
  if (!collected.length && payment.status !== 'SUCCEEDED')
    throw new PaymentError('PAYMENT_NOT_PENDING', 'This payment can no longer be collected.');
  return payment;
}
