// Cancels PLACED orders whose payment deadline passed (online: the
// reservation TTL; in store: IN_STORE_PAYMENT_HOURS), releasing their stock
// and the coupon use. Claimed with FOR UPDATE SKIP LOCKED in small batches, so
// replicas can run it side by side; `now` is a parameter so tests control time.
import { Prisma, type Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';
import { compensate } from './order-cancel.js';
import { moveOrders } from './order-transitions.js';

export const UNPAID_EXPIRY_INTERVAL_MS = 15_000;
export const UNPAID_REASON = 'payment not received in time';
const BATCH = 100;

/** One batch in its own transaction. Returns how many orders it cancelled. */
export function runUnpaidOrderExpiry(
  prisma: Database['prisma'],
  now: Date = new Date(),
  batch: number = BATCH,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM orders
       WHERE status = 'PLACED' AND payment_due_at <= ${now}
       ORDER BY payment_due_at, id
       LIMIT ${batch}
         FOR UPDATE SKIP LOCKED`;
    if (!due.length) return 0;
    const moved = await moveOrders(tx, {
      where: Prisma.sql`id = ANY(${due.map((d) => d.id)}::uuid[])`,
      from: ['PLACED'],
      to: 'CANCELLED',
      actorId: null,
      reason: UNPAID_REASON,
      set: Prisma.sql`cancel_reason = ${UNPAID_REASON}, payment_due_at = NULL,`,
    });
    await compensate(tx, moved, null, UNPAID_REASON);
    return moved.length;
  });
}

/** Runs the job every 15 s until the returned function is called. */
export function startUnpaidOrderExpiryJob(db: Database, log: FastifyBaseLogger) {
  return startRecurringJob(
    'unpaid-order-expiry',
    UNPAID_EXPIRY_INTERVAL_MS,
    () => runUnpaidOrderExpiry(db.prisma),
    log,
  );
}
