// Reading offers: one offer for the seller's staff, a seller's offer list and
// the buy box (the default offer of a product).
import { type Offer as OfferRow, Prisma } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import {
  type ConnectionShape,
  connectionFromRows,
  decodeCursor,
  isTimeIdKey,
} from '../../common/pagination/connection.js';
import { isUuid } from '../../common/ids/uuid.js';
import { cappedCount } from '../../common/pagination/capped-count.js';
import type { Context } from '../../context.js';
import { containsPattern } from '../catalog/catalog.sql.js';
import { stockSummary } from '../inventory/inventory.service.js';
import { OFFER_COLUMNS } from './offers.loaders.js';
import type { SellerOffersArgs } from './offers.types.js';

function loaded<T>(values: (T | Error)[]): T[] {
  for (const value of values) if (value instanceof Error) throw value;
  return values as T[];
}

/** One offer in any status, for the seller's staff (products:read); null when unknown. */
export async function findOffer(ctx: Context, id: string): Promise<OfferRow | null> {
  const offer = isUuid(id) ? await ctx.loaders.offers.offerById.load(id) : null;
  if (!offer) return null;
  if (!can(ctx.session, Permission.PRODUCTS_READ, offer.sellerId)) throw new ForbiddenError();
  return offer;
}

/**
 * The default offer of a product: the lowest landed price (the price until
 * shipping fees exist) among offers in stock, or among offers taking
 * backorders when none is in stock; then the better-rated seller, then the
 * older offer.
 */
export async function buyBox(ctx: Context, productId: string): Promise<OfferRow | null> {
  const list = await ctx.loaders.offers.activeOffersByProduct.load(productId);
  if (!list.length) return null;
  const [levels, sellers] = await Promise.all([
    ctx.loaders.inventory.levelsByOffer.loadMany(list.map((offer) => offer.id)),
    ctx.loaders.sellers.sellerById.loadMany(list.map((offer) => offer.sellerId)),
  ]);
  const levelLists = loaded(levels);
  const sellerRows = loaded(sellers);
  const candidates = list.map((offer, index) => ({
    offer,
    status: stockSummary(offer, levelLists[index]!).status,
    rating: sellerRows[index]?.ratingAverage ?? -1,
  }));
  const inStock = candidates.filter((c) => c.status === 'IN_STOCK' || c.status === 'LOW_STOCK');
  const pool = inStock.length ? inStock : candidates.filter((c) => c.status === 'BACKORDER');
  pool.sort(
    (a, b) =>
      a.offer.price - b.offer.price ||
      b.rating - a.rating ||
      a.offer.createdAt.getTime() - b.offer.createdAt.getTime() ||
      a.offer.id.localeCompare(b.offer.id),
  );
  return pool[0]?.offer ?? null;
}

/** The seller's offers, newest first, matching a SKU or product title (any locale). */
export async function listSellerOffers(
  ctx: Context,
  args: SellerOffersArgs,
): Promise<ConnectionShape<OfferRow>> {
  if (!can(ctx.session, Permission.PRODUCTS_READ, args.sellerId)) throw new ForbiddenError();
  const conditions = [
    Prisma.sql`o.seller_id = ${isUuid(args.sellerId) ? args.sellerId : null}::uuid`,
  ];
  if (args.status) conditions.push(Prisma.sql`o.status = ${args.status}::"OfferStatus"`);
  const query = args.query?.trim();
  if (query) {
    const pattern = containsPattern(query);
    conditions.push(Prisma.sql`(v.sku ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM jsonb_each_text(p.title) t WHERE t.value ILIKE ${pattern}))`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const from = Prisma.sql`offers o JOIN variants v ON v.id = o.variant_id JOIN products p ON p.id = v.product_id`;
  const after = args.after ? decodeCursor(args.after, isTimeIdKey) : null;
  const keyset = after
    ? Prisma.sql`AND (o.created_at, o.id) < (${new Date(after[0])}::timestamptz, ${after[1]}::uuid)`
    : Prisma.empty;
  const rows = await ctx.db.prisma.$queryRaw<OfferRow[]>`
    SELECT ${OFFER_COLUMNS} FROM ${from}
     WHERE ${where} ${keyset}
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT ${args.first + 1}`;
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
    // Capped: a seller with a huge catalog never pays for a full count.
    count: () => cappedCount(ctx.db.prisma, from, where),
  });
}
