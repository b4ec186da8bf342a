// Moving orders between statuses: one statement per move that updates only
// rows still in an expected status (a lost race moves nothing) and records
// each move in order_transitions with its actor and reason.
import { type OrderStatus, Prisma } from '@bazaar/db';
import { releaseReservations } from '../inventory/reservations.service.js';

type Tx = Prisma.TransactionClient;

export interface MovedOrder {
  id: string;
  from: OrderStatus;
  sellerId: string;
  purchaseId: string;
}

export interface Move {
  /** Orders to move: a condition on `orders` (e.g. Prisma.sql`id = ${id}::uuid`). */
  where: Prisma.Sql;
  from: readonly OrderStatus[];
  to: OrderStatus;
  actorId: string | null;
  reason: string | null;
  /** Extra assignments, e.g. Prisma.sql`carrier = ${carrier},`. Must end with a comma. */
  set?: Prisma.Sql;
}

export async function moveOrders(tx: Tx, move: Move): Promise<MovedOrder[]> {
  return tx.$queryRaw<MovedOrder[]>`
    WITH chosen AS (
      SELECT id, status FROM orders
       WHERE (${move.where}) AND status = ANY(${[...move.from]}::"OrderStatus"[])
       ORDER BY id FOR UPDATE),
    moved AS (
      UPDATE orders o SET ${move.set ?? Prisma.empty} status = ${move.to}::"OrderStatus", updated_at = now()
        FROM chosen c
       WHERE o.id = c.id AND o.status = c.status
      RETURNING o.id, c.status AS from_status, o.seller_id, o.purchase_id),
    logged AS (
      INSERT INTO order_transitions (id, order_id, from_status, to_status, actor_id, reason, created_at)
      SELECT gen_random_uuid(), id, from_status, ${move.to}::"OrderStatus", ${move.actorId}::uuid, ${move.reason},
             clock_timestamp()
        FROM moved)
    SELECT id::text AS id, from_status::text AS "from", seller_id::text AS "sellerId",
           purchase_id::text AS "purchaseId"
      FROM moved ORDER BY id`;
}

/** Releases the HELD stock reservations of the orders (their reference is the order id). */
export async function releaseOrderStock(tx: Tx, orderIds: readonly string[]): Promise<void> {
  for (const id of orderIds) await releaseReservations(tx, id);
}

/**
 * Gives a purchase's coupon use back when every order of it is cancelled and
 * none was ever paid. Idempotent (released_at is set once).
 */
export async function releaseCouponIfUnpaid(tx: Tx, purchaseId: string): Promise<boolean> {
  const released = await tx.$executeRaw`
    WITH released AS (
      UPDATE coupon_redemptions r SET released_at = now()
       WHERE r.purchase_id = ${purchaseId}::uuid AND r.released_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM orders o
                          WHERE o.purchase_id = r.purchase_id AND o.status <> 'CANCELLED')
         AND NOT EXISTS (SELECT 1 FROM orders o JOIN order_transitions t ON t.order_id = o.id
                          WHERE o.purchase_id = r.purchase_id AND t.to_status = 'PAID')
      RETURNING r.coupon_id)
    UPDATE coupons c SET used_count = c.used_count - 1, updated_at = now()
      FROM released WHERE c.id = released.coupon_id AND c.used_count > 0`;
  return released > 0;
}
