// Keeps products.sales_count, behind the BEST_SELLING sort and search
// suggestions' order, equal to the units ordered in the last 30 days (orders
// not cancelled). Recomputed every 10 minutes rather than counted at checkout:
// a sale then costs no extra write on a hot product row, and the search index
// (and with it every cached list) changes once per run, not once per sale.
// Changed products get a `product.changed` event, so the index follows. The
// demo data's invented counts are replaced on the first run.
import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { publishEvents } from '../../common/events/outbox.js';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';

export const BEST_SELLERS_INTERVAL_MS = 10 * 60_000;
const BEST_SELLERS_WINDOW_DAYS = 30;

/** Recounts every product's sales; returns how many counts changed. */
export function refreshSalesCounts(
  prisma: Database['prisma'],
  now: Date = new Date(),
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext('best-sellers')) AS locked`;
    if (!lock?.locked) return 0;
    const changed = await tx.$queryRaw<{ id: string }[]>`
      WITH sold AS (
        SELECT l.product_id, sum(l.quantity)::int AS units
          FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.placed_at > ${now}::timestamptz - make_interval(days => ${BEST_SELLERS_WINDOW_DAYS})
           AND o.placed_at <= ${now} AND o.status <> 'CANCELLED'
         GROUP BY l.product_id)
      UPDATE products p SET sales_count = coalesce(sold.units, 0)
        FROM products q LEFT JOIN sold ON sold.product_id = q.id
       WHERE p.id = q.id AND p.sales_count <> coalesce(sold.units, 0)
      RETURNING p.id::text AS id`;
    await publishEvents(
      tx,
      'product.changed',
      changed.map(({ id }) => ({ productId: id })),
    );
    return changed.length;
  });
}

export function startBestSellersJob(db: Database, log: FastifyBaseLogger): () => Promise<void> {
  return startRecurringJob(
    'best-sellers',
    BEST_SELLERS_INTERVAL_MS,
    // Nothing is left over after a run: wait for the next tick.
    async () => void (await refreshSalesCounts(db.prisma)),
    log,
    // Not at start: replicas restarting in a deploy would each recount.
    BEST_SELLERS_INTERVAL_MS,
  );
}
