// Keeps the search index in step with the catalog. Every change to a product,
// its variants, images, offers, prices or stock writes a `product.changed`
// event in the same transaction (common/events/outbox.ts); this job claims
// them in batches, rebuilds the documents of the products they name and
// writes them to every engine. A failed batch is retried with backoff.
//
// Cached answers (common/graphql/response-cache.ts) showing a product are
// dropped whenever it changes; lists, searches and counts only when its
// listing did: its document differs from the stored one, or it left the index.
// Changes no listing holds (a sale leaving an offer in stock, 50 -> 49) reach
// those within the cache TTL. So does a batch retried after its PostgreSQL
// write succeeded (its documents then compare equal).
import type { Database, PrismaClient } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';
import { notifyCatalogChanged } from '../../common/graphql/response-cache.js';
import { UUID } from '../../common/ids/uuid.js';
import { clearSearchCaches } from './search.cache.js';
import { buildSearchDocuments } from './search.documents.js';
import type { SearchEngine } from './search.engine.js';

const TOPIC = 'product.changed';
const BATCH = 200;
/** After this many failures an event is left for a person to look at (last_error). */
const MAX_ATTEMPTS = 20;
const REBUILD_BATCH = 500;
/** Processed events are kept this long (for inspection), then deleted. */
const KEEP_PROCESSED = '1 day';
const PRUNE_EVERY_MS = 10 * 60_000;

/** Retry delay after `attempts` failures: 5 s doubling, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 3_600);
}

/**
 * Indexes one batch of due events; returns how many events it claimed (the
 * recurring job runs again at once while there are some). Events are claimed
 * with FOR UPDATE SKIP LOCKED, so replicas share the work; the products'
 * advisory locks keep two replicas from writing the same product out of order.
 */
export async function indexPendingChanges(
  db: Database,
  engines: readonly SearchEngine[],
  log: Pick<FastifyBaseLogger, 'warn'>,
  batch = BATCH,
): Promise<number> {
  return db.prisma.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<{ id: bigint; payload: unknown; attempts: number }[]>`
        SELECT id, payload, attempts FROM outbox_events
         WHERE topic = ${TOPIC} AND processed_at IS NULL AND next_attempt_at <= now()
           AND attempts < ${MAX_ATTEMPTS}
         ORDER BY id LIMIT ${batch}
         FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return 0;
      const eventIds = events.map((event) => event.id);
      const productIds = [
        ...new Set(
          events.flatMap((event) => {
            const id = (event.payload as { productId?: unknown } | null)?.productId;
            return typeof id === 'string' && UUID.test(id) ? [id.toLowerCase()] : [];
          }),
        ),
      ].sort();
      try {
        if (productIds.length) {
          await tx.$queryRaw`
            SELECT count(*)::int AS locked
              FROM (SELECT pg_advisory_xact_lock(hashtextextended(id, 7231))
                      FROM unnest(${productIds}::text[]) AS id) locks`;
          // Read outside the claiming transaction: a failing read must not abort it.
          const { documents, removed } = await buildSearchDocuments(db.prisma, productIds);
          const answers: (ReadonlySet<string> | null)[] = [];
          for (const engine of engines) {
            await engine.remove(removed);
            answers.push(await engine.upsert(documents));
          }
          // Every engine gets the same documents: one that can tell speaks for all.
          const changed = answers.find((answer) => answer !== null);
          // Products not (or no longer) published count as listing changes, indexed or not.
          const listings = changed
            ? [...removed, ...documents.map((d) => d.productId).filter((id) => changed.has(id))]
            : productIds;
          if (listings.length) clearSearchCaches(db.prisma);
          await notifyCatalogChanged(db.prisma, tx, productIds, listings);
        }
        await tx.$executeRaw`
          UPDATE outbox_events SET processed_at = now(), attempts = attempts + 1, last_error = NULL
           WHERE id = ANY(${eventIds}::bigint[])`;
      } catch (error) {
        const attempts = Math.max(...events.map((event) => event.attempts)) + 1;
        log.warn(
          { err: error, events: eventIds.length, attempts },
          'search indexing failed; will retry',
        );
        await tx.$executeRaw`
          UPDATE outbox_events
             SET attempts = attempts + 1, last_error = ${String(error).slice(0, 2_000)},
                 next_attempt_at = now() + make_interval(secs => ${retryDelaySeconds(attempts)})
           WHERE id = ANY(${eventIds}::bigint[])`;
      }
      return events.length;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Deletes processed indexing events older than a day. */
export async function pruneProcessedEvents(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM outbox_events
     WHERE topic = ${TOPIC} AND processed_at < now() - ${KEEP_PROCESSED}::interval`;
}

/** One `product.changed` event per product: the indexer rebuilds them all in the background. */
export async function enqueueReindex(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO outbox_events (topic, payload)
    SELECT ${TOPIC}, jsonb_build_object('productId', id) FROM products ORDER BY id`;
}

/**
 * Rebuilds the index in this process: empties every engine, then writes every
 * published product in batches. Returns how many documents were written.
 */
export async function rebuildIndex(
  db: Database,
  engines: readonly SearchEngine[],
  onProgress: (indexed: number) => void = () => {},
): Promise<number> {
  for (const engine of engines) {
    await engine.start();
    await engine.clear();
  }
  let indexed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM products WHERE status = 'PUBLISHED' AND id > ${after}::uuid
       ORDER BY id LIMIT ${REBUILD_BATCH}`;
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const { documents } = await buildSearchDocuments(
      db.prisma,
      rows.map((row) => row.id),
    );
    for (const engine of engines) await engine.upsert(documents);
    indexed += documents.length;
    onProgress(indexed);
  }
  clearSearchCaches(db.prisma);
  await notifyCatalogChanged(db.prisma, db.prisma);
  return indexed;
}

/** Runs the indexer about every second until stopped; prunes old events now and then. */
export function startSearchIndexer(
  db: Database,
  engines: readonly SearchEngine[],
  log: FastifyBaseLogger,
  intervalMs = 1_000,
): () => Promise<void> {
  let prunedAt = 0;
  return startRecurringJob(
    'search-indexer',
    intervalMs,
    async () => {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneProcessedEvents(db.prisma);
      }
      return indexPendingChanges(db, engines, log);
    },
    log,
  );
}
