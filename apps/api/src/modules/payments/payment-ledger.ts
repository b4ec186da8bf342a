// What each payment event books in the ledger (contract.md, "Money flow").
// Every booking is keyed by its cause, so calling these again changes nothing.
import type { Payment, Prisma, Refund } from '@bazaar/db';
import {
  type AccountRef,
  LedgerKind,
  book,
  platform,
  sellerAccount,
  wallet,
} from '../wallet/ledger.js';

type Tx = Prisma.TransactionClient;

export interface OrderShare {
  orderId: string;
  sellerId: string;
  total: number;
  platformDiscount: number;
}

/** The orders of a purchase as shares of its payment. */
export async function orderShares(tx: Tx, purchaseId: string): Promise<OrderShare[]> {
  const orders = await tx.order.findMany({
    where: { purchaseId },
    select: { id: true, sellerId: true, total: true, platformDiscount: true },
    orderBy: { id: 'asc' },
  });
  return orders.map((o) => ({
    orderId: o.id,
    sellerId: o.sellerId,
    total: o.total,
    platformDiscount: o.platformDiscount,
  }));
}

/**
 * A purchase paid from `source` (the payer's wallet, or Stripe clearing):
 * each seller's escrow gets its order's total plus the platform-funded
 * discount, which the platform's promotions account pays.
 */
export async function bookPurchasePayment(
  tx: Tx,
  payment: Pick<Payment, 'id' | 'amount' | 'currency'>,
  source: AccountRef,
  shares: readonly OrderShare[],
) {
  const totals = shares.reduce((sum, s) => sum + s.total, 0);
  if (totals !== payment.amount)
    throw new Error(`payment ${payment.id}: ${payment.amount} does not match orders ${totals}`);
  const promotions = shares.reduce((sum, s) => sum + s.platformDiscount, 0);
  return book(tx, {
    kind: LedgerKind.PURCHASE_PAYMENT,
    reference: payment.id,
    memo: 'Purchase payment',
    entries: [
      { account: source, amount: -payment.amount },
      { account: platform('PLATFORM_PROMOTIONS', payment.currency), amount: -promotions },
      ...shares.map((s) => ({
        account: sellerAccount('SELLER_ESCROW', s.sellerId, payment.currency),
        amount: s.total + s.platformDiscount,
      })),
    ],
  });
}

async function settlementOf(tx: Tx, orderId: string) {
  return tx.ledgerTransaction.findUnique({
    where: { kind_reference: { kind: LedgerKind.ORDER_SETTLEMENT, reference: orderId } },
    select: { createdAt: true },
  });
}

/**
 * A refund leaves the seller's escrow (or the available balance when the
 * order was settled before the refund was asked) for the payer's wallet or
 * back to Stripe.
 */
export async function bookRefund(
  tx: Tx,
  refund: Pick<Refund, 'id' | 'amount' | 'createdAt' | 'actorId' | 'reason'>,
  payment: Pick<Payment, 'method' | 'currency' | 'payerId'>,
  sellerId: string,
  orderId: string,
) {
  const settled = await settlementOf(tx, orderId);
  const from =
    settled && settled.createdAt < refund.createdAt ? 'SELLER_AVAILABLE' : 'SELLER_ESCROW';
  const to =
    payment.method === 'WALLET'
      ? wallet(payment.payerId!, payment.currency)
      : platform('STRIPE_CLEARING', payment.currency);
  return book(tx, {
    kind: LedgerKind.REFUND,
    reference: refund.id,
    memo: refund.reason ?? 'Refund',
    actorId: refund.actorId,
    entries: [
      { account: sellerAccount(from, sellerId, payment.currency), amount: -refund.amount },
      { account: to, amount: refund.amount },
    ],
  });
}

/**
 * A Stripe refund failed after the order was settled without it: the amount
 * it held back in escrow is released to the seller too.
 */
export async function releaseFailedRefund(
  tx: Tx,
  refund: Pick<Refund, 'id' | 'amount' | 'createdAt'>,
  currency: string,
  sellerId: string,
  orderId: string,
) {
  const settled = await settlementOf(tx, orderId);
  if (!settled || settled.createdAt < refund.createdAt) return;
  await book(tx, {
    kind: LedgerKind.ORDER_SETTLEMENT,
    reference: `${orderId}:refund-failed:${refund.id}`,
    memo: 'Refund failed after settlement',
    entries: [
      { account: sellerAccount('SELLER_ESCROW', sellerId, currency), amount: -refund.amount },
      { account: sellerAccount('SELLER_AVAILABLE', sellerId, currency), amount: refund.amount },
    ],
  });
}

/** Order completed: what its escrow holds for it becomes the seller's available balance. */
export async function settleOrder(tx: Tx, orderId: string): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      sellerId: true,
      currency: true,
      total: true,
      platformDiscount: true,
      refundedTotal: true,
      paymentMethod: true,
    },
  });
  // Paid in store: the seller took the money at the counter; nothing is in escrow.
  if (!order || order.paymentMethod === 'IN_STORE') return;
  const amount = order.total + order.platformDiscount - order.refundedTotal;
  await book(tx, {
    kind: LedgerKind.ORDER_SETTLEMENT,
    reference: orderId,
    memo: 'Order completed',
    entries:
      amount > 0
        ? [
            {
              account: sellerAccount('SELLER_ESCROW', order.sellerId, order.currency),
              amount: -amount,
            },
            {
              account: sellerAccount('SELLER_AVAILABLE', order.sellerId, order.currency),
              amount,
            },
          ]
        : [],
  });
}
