// Deletes guest carts past their expiry (their lines go with them). A guest
// cart's expiry moves forward on every change (GUEST_CART_TTL_DAYS), so only
// abandoned ones go. Batches claimed with SKIP LOCKED, so replicas can share it.
import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';

const INTERVAL_MS = 60 * 60_000;
const BATCH = 500;

/** One batch; returns how many carts it deleted. */
export function runGuestCartExpiry(
  prisma: Database['prisma'],
  now: Date = new Date(),
  batch: number = BATCH,
): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM carts WHERE id IN (
      SELECT id FROM carts
       WHERE user_id IS NULL AND expires_at < ${now}
       LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
}

export function startGuestCartExpiryJob(db: Database, log: FastifyBaseLogger): () => Promise<void> {
  return startRecurringJob(
    'guest-cart-expiry',
    INTERVAL_MS,
    () => runGuestCartExpiry(db.prisma),
    log,
  );
}
