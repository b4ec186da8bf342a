// Applies price schedules: at starts_at the offer takes the scheduled price
// (the one before is kept on the schedule), at ends_at the price before comes
// back. Rows are claimed with FOR UPDATE SKIP LOCKED, so several API replicas
// can run the job side by side; `now` is a parameter so tests control time.
import type { Database, Prisma } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { publishEvents } from '../../common/events/outbox.js';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';
import { lockOffer, recordPrice } from './offers.service.js';

export const PRICE_SCHEDULE_INTERVAL_MS = 15_000;
const BATCH = 100;

interface DueRow {
  id: string;
  offerId: string;
  price: number;
  compareAtPrice: number | null;
  endsAt: Date | null;
  createdById: string | null;
}

/** The offer (locked by the caller) takes a price: history and an index event. */
async function setPrice(
  tx: Prisma.TransactionClient,
  offer: { id: string; currency: string; productId: string },
  price: { price: number; compareAtPrice: number | null },
  change: { reason: 'SCHEDULE_START' | 'SCHEDULE_END'; actorId: string | null; changedAt: Date },
): Promise<void> {
  await tx.offer.update({ where: { id: offer.id }, data: price });
  await recordPrice(tx, [{ offerId: offer.id, ...price, currency: offer.currency, ...change }]);
  await publishEvents(tx, 'product.changed', [{ productId: offer.productId }]);
}

/**
 * Starts schedules whose start has come (only `onlyId` when given): the offer
 * takes their price, history SCHEDULE_START. An open-ended schedule is a
 * one-off change and is over once applied. Windows never overlap on one offer,
 * so taking them by start keeps each one's "previous price" right even after
 * the job was down. Returns how many it handled.
 */
export async function startDueSchedules(
  tx: Prisma.TransactionClient,
  now: Date,
  onlyId?: string,
): Promise<number> {
  const due = await tx.$queryRaw<DueRow[]>`
    SELECT id::text AS id, offer_id::text AS "offerId", price, compare_at_price AS "compareAtPrice",
           ends_at AS "endsAt", created_by_id::text AS "createdById"
      FROM price_schedules
     WHERE started_at IS NULL AND cancelled_at IS NULL AND starts_at <= ${now}
       AND (${onlyId ?? null}::uuid IS NULL OR id = ${onlyId ?? null}::uuid)
     ORDER BY starts_at, id
     LIMIT ${BATCH}
       FOR UPDATE SKIP LOCKED`;
  for (const schedule of due) {
    if (schedule.endsAt && schedule.endsAt.getTime() <= now.getTime()) {
      // Its whole window passed while no job ran: too late to apply it.
      await tx.priceSchedule.update({
        where: { id: schedule.id },
        data: { startedAt: now, endedAt: now },
      });
      continue;
    }
    const offer = await lockOffer(tx, schedule.offerId);
    if (!offer) continue;
    await tx.priceSchedule.update({
      where: { id: schedule.id },
      data: {
        startedAt: now,
        previousPrice: offer.price,
        previousCompareAtPrice: offer.compareAtPrice,
        endedAt: schedule.endsAt ? null : now,
      },
    });
    await setPrice(
      tx,
      offer,
      { price: schedule.price, compareAtPrice: schedule.compareAtPrice },
      { reason: 'SCHEDULE_START', actorId: schedule.createdById, changedAt: now },
    );
  }
  return due.length;
}

/**
 * Ends one running schedule (its row already locked by the caller): the offer
 * gets back the price it had before, history SCHEDULE_END.
 */
export async function endSchedule(
  tx: Prisma.TransactionClient,
  scheduleId: string,
  now: Date,
): Promise<void> {
  const schedule = await tx.priceSchedule.update({
    where: { id: scheduleId },
    data: { endedAt: now },
  });
  const offer = await lockOffer(tx, schedule.offerId);
  if (!offer || schedule.previousPrice === null) return;
  await setPrice(
    tx,
    offer,
    { price: schedule.previousPrice, compareAtPrice: schedule.previousCompareAtPrice },
    { reason: 'SCHEDULE_END', actorId: null, changedAt: now },
  );
}

/** Ends running schedules whose end has come. Returns how many ended. */
export async function endDueSchedules(tx: Prisma.TransactionClient, now: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM price_schedules
     WHERE started_at IS NOT NULL AND ended_at IS NULL AND ends_at IS NOT NULL AND ends_at <= ${now}
     ORDER BY ends_at, id
     LIMIT ${BATCH}
       FOR UPDATE SKIP LOCKED`;
  for (const { id } of due) await endSchedule(tx, id, now);
  return due.length;
}

/** One pass: ends what is over, then starts what is due. Returns rows handled. */
export async function runPriceSchedules(
  prisma: Database['prisma'],
  now: Date = new Date(),
): Promise<number> {
  // Ending first: back-to-back windows hand the price over in the right order.
  const ended = await prisma.$transaction((tx) => endDueSchedules(tx, now));
  const started = await prisma.$transaction((tx) => startDueSchedules(tx, now));
  return ended + started;
}

/** Runs the job every 15 s (and at once) until the returned function is called. */
export function startPriceScheduleJob(db: Database, log: FastifyBaseLogger): () => Promise<void> {
  return startRecurringJob(
    'price-schedules',
    PRICE_SCHEDULE_INTERVAL_MS,
    () => runPriceSchedules(db.prisma),
    log,
  );
}
