// Applying what Stripe says about a PaymentIntent, in the transaction that
// records the cause (webhook event, reconciliation). The intent is always
// re-read from Stripe first, so events arriving late or out of order apply
// the current state; SUCCEEDED and CANCELED are final here.
import { type Prisma } from '@bazaar/db';
import { isUuid } from '../../common/ids/uuid.js';
import { purchasePaid, purchasePaymentCanceled } from '../orders/payment-outcomes.js';
import { LedgerKind, book, platform, wallet } from '../wallet/ledger.js';
import { bookPurchasePayment, orderShares } from './payment-ledger.js';
import { type ProviderIntent, paymentStatusOf } from './payment-provider.js';
import { refundOrder } from './refunds.service.js';

type Tx = Prisma.TransactionClient;

/**
 * A paid purchase's orders become PAID; orders cancelled before the money
 * arrived get what they were paid back. Returns the refunds to send to Stripe
 * after commit.
 */
export async function completePaidPurchase(
  tx: Tx,
  payment: { id: string; purchaseId: string },
): Promise<string[]> {
  await purchasePaid(tx, payment.purchaseId);
  const cancelled = await tx.order.findMany({
    where: { purchaseId: payment.purchaseId, status: 'CANCELLED' },
    select: { id: true, total: true, refundedTotal: true },
    orderBy: { id: 'asc' },
  });
  const refundIds: string[] = [];
  for (const order of cancelled) {
    const left = order.total - order.refundedTotal;
    if (left <= 0) continue;
    const refund = await refundOrder(tx, {
      orderId: order.id,
      amount: left,
      reason: 'Order cancelled before the payment arrived',
      actorId: null,
      idempotencyKey: `late-payment:${payment.id}`,
    });
    if (refund.status === 'PENDING') refundIds.push(refund.id);
  }
  return refundIds;
}

/**
 * Brings our payment in line with the intent. Returns refunds to send to
 * Stripe after commit (purchases cancelled while the shopper was paying).
 */
export async function applyIntent(tx: Tx, intent: ProviderIntent): Promise<string[]> {
  const byMetadata = intent.metadata['paymentId'];
  const found = await tx.payment.findFirst({
    where: {
      method: 'STRIPE',
      OR: [{ providerRef: intent.id }, ...(isUuid(byMetadata) ? [{ id: byMetadata }] : [])],
    },
    select: { id: true },
  });
  if (!found) return [];
  // Serializes webhook, reconciliation and checkout on this payment.
  await tx.$queryRaw`SELECT id FROM payments WHERE id = ${found.id}::uuid FOR UPDATE`;
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: found.id } });
  if (payment.providerRef && payment.providerRef !== intent.id) return [];
  const next = paymentStatusOf(intent);
  if (payment.status === 'SUCCEEDED' || payment.status === 'CANCELED') {
    if (!payment.providerRef)
      await tx.payment.update({ where: { id: payment.id }, data: { providerRef: intent.id } });
    return [];
  }
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: next,
      providerRef: intent.id,
      clientSecret: payment.clientSecret ?? intent.clientSecret,
      failureCode:
        next === 'FAILED' ? intent.failureCode : next === 'SUCCEEDED' ? null : payment.failureCode,
      failureMessage:
        next === 'FAILED'
          ? intent.failureMessage
          : next === 'SUCCEEDED'
            ? null
            : payment.failureMessage,
      succeededAt: next === 'SUCCEEDED' ? new Date() : null,
    },
  });
  if (next === 'SUCCEEDED') {
    if (payment.purpose === 'WALLET_TOP_UP') {
      await book(tx, {
        kind: LedgerKind.TOP_UP,
        reference: payment.id,
        memo: 'Card top-up',
        actorId: payment.payerId,
        entries: [
          { account: platform('STRIPE_CLEARING', payment.currency), amount: -payment.amount },
          { account: wallet(payment.payerId!, payment.currency), amount: payment.amount },
        ],
      });
      return [];
    }
    const purchaseId = payment.purchaseId!;
    await bookPurchasePayment(
      tx,
      payment,
      platform('STRIPE_CLEARING', payment.currency),
      await orderShares(tx, purchaseId),
    );
    return completePaidPurchase(tx, { id: payment.id, purchaseId });
  }
  if (next === 'CANCELED' && payment.purchaseId)
    await purchasePaymentCanceled(tx, payment.purchaseId, 'payment canceled');
  return [];
}
