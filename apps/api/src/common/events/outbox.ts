import type { Prisma } from '@bazaar/db';

/** Topics of the event outbox and their payloads. */
export interface OutboxTopics {
  /** Anything a search document is built from changed: product, variants, offers, stock, prices. */
  'product.changed': { productId: string };
}

export type OutboxTopic = keyof OutboxTopics;

/**
 * Records an event in the caller's transaction, so it exists exactly when the
 * change that caused it does. Jobs consume it (the search indexer:
 * modules/search/search.indexer.ts).
 */
export async function publishEvents<T extends OutboxTopic>(
  tx: Prisma.TransactionClient,
  topic: T,
  payloads: readonly OutboxTopics[T][],
): Promise<void> {
  if (payloads.length === 0) return;
  await tx.outboxEvent.createMany({
    data: payloads.map((payload) => ({
      topic,
      payload: payload as unknown as Prisma.InputJsonValue,
    })),
  });
}
