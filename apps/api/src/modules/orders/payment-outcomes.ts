// What the payments module tells orders, inside the transaction that records
// the payment event (webhook, confirm path, reconciliation job).
import { Prisma } from '@bazaar/db';
import { consumeReservations } from '../inventory/reservations.service.js';
import { moveOrders, releaseCouponIfUnpaid, releaseOrderStock } from './order-transitions.js';

type Tx = Prisma.TransactionClient;

/**
 * Online payment succeeded: every PLACED order of the purchase becomes PAID
 * (actor null) and its stock reservations are consumed. 'ALREADY_PAID' when
 * nothing was PLACED and some order is not cancelled; 'CANCELLED' when every
 * order was cancelled meanwhile (the caller then refunds the whole payment).
 */
export async function purchasePaid(
  tx: Tx,
  purchaseId: string,
): Promise<'PAID' | 'ALREADY_PAID' | 'CANCELLED'> {
  const moved = await moveOrders(tx, {
    where: Prisma.sql`purchase_id = ${purchaseId}::uuid`,
    from: ['PLACED'],
    to: 'PAID',
    actorId: null,
    reason: 'payment succeeded',
    set: Prisma.sql`payment_due_at = NULL,`,
  });
  for (const order of moved) await consumeReservations(tx, order.id, null);
  if (moved.length) return 'PAID';
  const live = await tx.order.count({ where: { purchaseId, status: { not: 'CANCELLED' } } });
  return live > 0 ? 'ALREADY_PAID' : 'CANCELLED';
}

/**
 * The online payment was canceled for good: the purchase's PLACED orders are
 * cancelled, their stock released and the coupon use given back. Idempotent.
 */
export async function purchasePaymentCanceled(
  tx: Tx,
  purchaseId: string,
  reason: string,
): Promise<void> {
  const moved = await moveOrders(tx, {
    where: Prisma.sql`purchase_id = ${purchaseId}::uuid`,
    from: ['PLACED'],
    to: 'CANCELLED',
    actorId: null,
    reason,
    set: Prisma.sql`cancel_reason = ${reason}, payment_due_at = NULL,`,
  });
  await releaseOrderStock(
    tx,
    moved.map((order) => order.id),
  );
  await releaseCouponIfUnpaid(tx, purchaseId);
}
