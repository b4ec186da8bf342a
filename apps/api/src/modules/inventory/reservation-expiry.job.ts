// Releases stock reservations whose hold has expired (checkout never paid).
// Rows are claimed with FOR UPDATE SKIP LOCKED in small batches, so several
// API replicas can run the job side by side; `now` is a parameter so tests
// control time.
import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';
import { releaseExpiredReservations } from './reservations.service.js';

export const RESERVATION_EXPIRY_INTERVAL_MS = 15_000;
const BATCH = 100;

/** One batch in its own transaction. Returns how many reservations it released. */
export function runReservationExpiry(
  prisma: Database['prisma'],
  now: Date = new Date(),
  batch: number = BATCH,
): Promise<number> {
  return prisma.$transaction((tx) => releaseExpiredReservations(tx, now, batch));
}

/** Runs the job every 15 s (and at once, draining a backlog) until the returned function is called. */
export function startReservationExpiryJob(
  db: Database,
  log: FastifyBaseLogger,
): () => Promise<void> {
  return startRecurringJob(
    'reservation-expiry',
    RESERVATION_EXPIRY_INTERVAL_MS,
    () => runReservationExpiry(db.prisma),
    log,
  );
}
