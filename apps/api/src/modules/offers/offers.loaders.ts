import {
  type Offer,
  Prisma,
  type PrismaClient,
  type PriceHistory,
  type PriceSchedule,
} from '@bazaar/db';
import DataLoader from 'dataloader';

/** The columns of `offers o` under their Prisma names, for raw queries returning Offer rows. */
export const OFFER_COLUMNS = Prisma.sql`o.id::text AS id, o.variant_id::text AS "variantId",
  o.seller_id::text AS "sellerId", o.condition::text AS condition, o.price,
  o.compare_at_price AS "compareAtPrice", o.currency, o.handling_days AS "handlingDays",
  o.allow_backorder AS "allowBackorder", o.low_stock_threshold AS "lowStockThreshold",
  o.status::text AS status, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

export type OfferWithProduct = Offer & { productId: string };

export interface PriceHistoryPageKey {
  offerId: string;
  /** Rows to fetch (first + 1). */
  limit: number;
  /** Keyset of the last row of the previous page. */
  after: { changedAt: Date; id: string } | null;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function createOfferLoaders(prisma: PrismaClient) {
  return {
    offerById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.offer.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** ACTIVE offers of every variant of each product, cheapest first (then oldest). */
    activeOffersByProduct: new DataLoader(async (productIds: readonly string[]) => {
      const rows = await prisma.$queryRaw<OfferWithProduct[]>`
        SELECT ${OFFER_COLUMNS}, v.product_id::text AS "productId"
          FROM offers o JOIN variants v ON v.id = o.variant_id
         WHERE v.product_id = ANY(${[...productIds]}::uuid[]) AND o.status = 'ACTIVE'
         ORDER BY o.price, o.created_at, o.id`;
      const groups = groupBy(rows, (row) => row.productId);
      return productIds.map((id) => groups.get(id) ?? []);
    }),
    /** Newest first; one statement for every offer's page. */
    priceHistoryPage: new DataLoader(
      async (keys: readonly PriceHistoryPageKey[]) => {
        const rows = await prisma.$queryRaw<(PriceHistory & { key: number })[]>`
          SELECT k.ord::int AS key, h.id::text AS id, h.offer_id::text AS "offerId", h.price,
                 h.compare_at_price AS "compareAtPrice", h.currency, h.reason::text AS reason,
                 h.actor_id::text AS "actorId", h.changed_at AS "changedAt"
            FROM unnest(${keys.map((k) => k.offerId)}::uuid[],
                        ${keys.map((k) => k.after?.changedAt.toISOString() ?? null)}::timestamptz[],
                        ${keys.map((k) => k.after?.id ?? null)}::uuid[],
                        ${keys.map((k) => k.limit)}::int[]) WITH ORDINALITY
                 AS k(offer_id, after_at, after_id, lim, ord)
           CROSS JOIN LATERAL (
             SELECT * FROM price_history p
              WHERE p.offer_id = k.offer_id
                AND (k.after_at IS NULL OR (p.changed_at, p.id) < (k.after_at, k.after_id))
              ORDER BY p.changed_at DESC, p.id DESC
              LIMIT k.lim) h
           ORDER BY k.ord, h.changed_at DESC, h.id DESC`;
        const groups = groupBy(rows, (row) => String(row.key));
        return keys.map((_, index) =>
          (groups.get(String(index + 1)) ?? []).map(({ key: _key, ...row }) => row as PriceHistory),
        );
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    priceHistoryCount: new DataLoader(async (offerIds: readonly string[]) => {
      const rows = await prisma.priceHistory.groupBy({
        by: ['offerId'],
        where: { offerId: { in: [...offerIds] } },
        _count: { _all: true },
      });
      const counts = new Map(rows.map((row) => [row.offerId, row._count._all]));
      return offerIds.map((id) => counts.get(id) ?? 0);
    }),
    /** Pending and running schedules, by start. */
    openSchedulesByOffer: new DataLoader(async (offerIds: readonly string[]) => {
      const rows = await prisma.priceSchedule.findMany({
        where: { offerId: { in: [...offerIds] }, endedAt: null, cancelledAt: null },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      });
      const groups = groupBy<PriceSchedule>(rows, (row) => row.offerId);
      return offerIds.map((id) => groups.get(id) ?? []);
    }),
  };
}
