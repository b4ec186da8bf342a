// Cancelling orders, with every compensation in the same transaction:
// unpaid → held stock released; paid → what is left refunded to the original
// method and the sold stock put back on hand; the coupon use given back when
// the whole purchase ends cancelled unpaid.
import { type Order as OrderRow, Prisma } from '@bazaar/db';
import { restockConsumed } from '../inventory/reservations.service.js';
import { refundOrder } from '../payments/purchase-payments.js';
import {
  type MovedOrder,
  moveOrders,
  releaseCouponIfUnpaid,
  releaseOrderStock,
} from './order-transitions.js';

type Tx = Prisma.TransactionClient;

export interface Cancelled {
  moved: MovedOrder[];
  /** Refunds created (Stripe ones are PENDING: send them after commit). */
  refundIds: string[];
}

/**
 * Cancels `order` from its current status. An unpaid online order is one
 * payment with the rest of its purchase, so every PLACED order of that
 * purchase is cancelled with it. Nothing moved (lost race): moved is empty.
 */
export async function cancelOrder(
  tx: Tx,
  order: Pick<OrderRow, 'id' | 'status' | 'purchaseId' | 'paymentMethod'>,
  actorId: string | null,
  reason: string,
): Promise<Cancelled> {
  const wholePurchase = order.status === 'PLACED' && order.paymentMethod !== 'IN_STORE';
  const moved = await moveOrders(tx, {
    where: wholePurchase
      ? Prisma.sql`purchase_id = ${order.purchaseId}::uuid`
      : Prisma.sql`id = ${order.id}::uuid`,
    from: [order.status],
    to: 'CANCELLED',
    actorId,
    reason,
    set: Prisma.sql`cancel_reason = ${reason}, payment_due_at = NULL,`,
  });
  return { moved, refundIds: await compensate(tx, moved, actorId, reason) };
}

/** The compensations of orders just moved to CANCELLED. */
export async function compensate(
  tx: Tx,
  moved: readonly MovedOrder[],
  actorId: string | null,
  reason: string,
): Promise<string[]> {
  const refundIds: string[] = [];
  await releaseOrderStock(
    tx,
    moved.map((order) => order.id),
  );
  for (const order of moved.filter((o) => o.from !== 'PLACED')) {
    const row = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { number: true, total: true, refundedTotal: true },
    });
    await restockConsumed(tx, order.id, actorId, `Order #${row.number} cancelled`);
    const left = row.total - row.refundedTotal;
    if (left > 0) {
      const refund = await refundOrder(tx, {
        orderId: order.id,
        amount: left,
        reason,
        actorId,
        idempotencyKey: 'cancellation',
      });
      refundIds.push(refund.id);
    }
  }
  for (const purchaseId of new Set(moved.map((o) => o.purchaseId)))
    await releaseCouponIfUnpaid(tx, purchaseId);
  return refundIds;
}
