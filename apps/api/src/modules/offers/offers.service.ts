// Offers: a seller's price, condition and terms for one variant, with the
// price history and price schedules. Every change publishes product.changed in
// its transaction (the search index reads prices and stock).
import {
  type Offer as OfferRow,
  Prisma,
  type PriceSchedule as PriceScheduleRow,
  type PrismaClient,
} from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import { PayloadErrors, type PayloadErrorShape } from '../../common/errors/payload.js';
import { publishEvents } from '../../common/events/outbox.js';
import { isCurrency, isPriceAmount } from '../../common/money/money.js';
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
import {
  MAX_QUANTITY,
  openStock,
  setLevelsBackorder,
  stockSummary,
} from '../inventory/inventory.service.js';
import { ensureStoreLocations } from '../inventory/inventory.loaders.js';
import type {
  OfferCreateCode,
  OfferPricesBulkUpdateCode,
  OfferUpdateCode,
  PriceScheduleCancelCode,
  PriceScheduleCreateCode,
} from './offers.errors.js';
import { OFFER_COLUMNS } from './offers.loaders.js';
import type {
  OfferCreateInput,
  OfferPricesBulkUpdateInput,
  OfferUpdateInput,
  PriceScheduleCreateInput,
  SellerOffersArgs,
} from './offers.types.js';
import { endSchedule, startDueSchedules } from './price-schedule.job.js';

export const MAX_BULK_OFFERS = 500;
export const MAX_OPENING_STOCK_ENTRIES = 100;
export const MAX_HANDLING_DAYS = 365;

type Result<Key extends string, Entity, Code extends string> = { [K in Key]: Entity | null } & {
  errors: PayloadErrorShape<Code>[];
};

/** Thrown inside a transaction to roll it back and report payload errors. */
class Refused<Code extends string> extends Error {
  constructor(readonly errors: PayloadErrorShape<Code>[]) {
    super('refused');
  }
}

async function refusable<T, Code extends string>(
  work: () => Promise<T>,
): Promise<{ value: T; errors: [] } | { value: null; errors: PayloadErrorShape<Code>[] }> {
  try {
    return { value: await work(), errors: [] };
  } catch (error) {
    if (error instanceof Refused) return { value: null, errors: error.errors };
    throw error;
  }
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Number of ACTIVE offers per product, over all its variants. Products without
 * any active offer map to 0. Used by the catalog's publish check (NO_PRICE).
 */
export async function activeOfferCountsByProduct(
  prisma: PrismaClient | Prisma.TransactionClient,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return counts;
  const rows = await prisma.$queryRaw<{ product_id: string; count: number }[]>`
    SELECT v.product_id::text AS product_id, count(*)::int AS count
      FROM offers o
      JOIN variants v ON v.id = o.variant_id
     WHERE v.product_id = ANY(${[...productIds]}::uuid[]) AND o.status = 'ACTIVE'
     GROUP BY v.product_id`;
  for (const row of rows) counts.set(row.product_id, row.count);
  return counts;
}

/** The offer row locked for the rest of the transaction, with its product id. */
export async function lockOffer(
  tx: Prisma.TransactionClient,
  offerId: string,
): Promise<(OfferRow & { productId: string }) | null> {
  const [row] = await tx.$queryRaw<(OfferRow & { productId: string })[]>`
    SELECT ${OFFER_COLUMNS}, v.product_id::text AS "productId"
      FROM offers o JOIN variants v ON v.id = o.variant_id
     WHERE o.id = ${offerId}::uuid
       FOR UPDATE OF o`;
  return row ?? null;
}

export async function recordPrice(
  tx: Prisma.TransactionClient,
  entries: readonly {
    offerId: string;
    price: number;
    compareAtPrice: number | null;
    currency: string;
    reason: Prisma.PriceHistoryCreateManyInput['reason'];
    actorId: string | null;
    changedAt?: Date;
  }[],
): Promise<void> {
  if (entries.length) await tx.priceHistory.createMany({ data: [...entries] });
}

function checkTerms<Code extends string>(
  errors: PayloadErrors<
    Code | 'PRICE_INVALID' | 'COMPARE_AT_INVALID' | 'HANDLING_INVALID' | 'THRESHOLD_INVALID'
  >,
  terms: {
    price?: number | null;
    compareAtPrice?: number | null;
    handlingDays?: number | null;
    lowStockThreshold?: number | null;
  },
): void {
  if (terms.price != null && !isPriceAmount(terms.price))
    errors.add(
      'PRICE_INVALID',
      'A price is a whole number of minor units from 0 to 1,000,000,000.',
      'price',
    );
  if (terms.compareAtPrice != null && !isPriceAmount(terms.compareAtPrice))
    errors.add(
      'COMPARE_AT_INVALID',
      'A compare-at price is a whole number of minor units.',
      'compareAtPrice',
    );
  if (
    terms.handlingDays != null &&
    !(terms.handlingDays >= 0 && terms.handlingDays <= MAX_HANDLING_DAYS)
  )
    errors.add(
      'HANDLING_INVALID',
      `Handling takes 0 to ${MAX_HANDLING_DAYS} days.`,
      'handlingDays',
    );
  if (
    terms.lowStockThreshold != null &&
    !(terms.lowStockThreshold >= 0 && terms.lowStockThreshold <= MAX_QUANTITY)
  )
    errors.add('THRESHOLD_INVALID', 'The low-stock threshold is 0 or more.', 'lowStockThreshold');
}

const compareAtMessage = 'The compare-at price must be higher than the price.';

// ---------------------------------------------------------------------------
// Offers

export async function createOffer(
  ctx: Context,
  input: OfferCreateInput,
): Promise<Result<'offer', OfferRow, OfferCreateCode>> {
  const errors = new PayloadErrors<OfferCreateCode>();
  const fail = () => ({ offer: null, errors: errors.list });
  const { sellerId } = input;
  if (!can(ctx.session, Permission.OFFERS_MANAGE, sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this seller's offers.", 'sellerId'), fail());
  const prisma = ctx.db.prisma;
  if (!isUuid(sellerId) || !(await prisma.seller.findUnique({ where: { id: sellerId } })))
    return (errors.add('NOT_FOUND', 'This seller does not exist.', 'sellerId'), fail());

  const variant = isUuid(input.variantId)
    ? await prisma.variant.findUnique({
        where: { id: input.variantId },
        include: { product: { select: { status: true, ownerSellerId: true } } },
      })
    : null;
  const product = variant?.product;
  const visible =
    product &&
    product.status !== 'ARCHIVED' &&
    (product.status === 'PUBLISHED' ||
      product.ownerSellerId === sellerId ||
      can(ctx.session, Permission.PRODUCTS_MANAGE, product.ownerSellerId));
  if (!variant || !visible)
    errors.add('VARIANT_INVALID', 'Choose a variant of a published or own product.', 'variantId');

  checkTerms(errors, input);
  if (!isCurrency(input.currency))
    errors.add('CURRENCY_INVALID', 'Use an ISO 4217 currency code such as "USD".', 'currency');
  if (
    input.compareAtPrice != null &&
    isPriceAmount(input.price) &&
    input.compareAtPrice <= input.price
  )
    errors.add('COMPARE_AT_INVALID', compareAtMessage, 'compareAtPrice');

  const stock = input.stock ?? [];
  if (stock.length > MAX_OPENING_STOCK_ENTRIES)
    errors.add('QUANTITY_INVALID', `At most ${MAX_OPENING_STOCK_ENTRIES} locations.`, 'stock');
  else if (stock.length) {
    await ensureStoreLocations(prisma, [sellerId]);
    const ids = stock.map((entry) => entry.locationId).filter(isUuid);
    const own = new Set(
      (
        await prisma.stockLocation.findMany({
          where: { id: { in: ids }, sellerId },
          select: { id: true },
        })
      ).map((location) => location.id),
    );
    const seen = new Set<string>();
    stock.forEach((entry, index) => {
      if (!own.has(entry.locationId) || seen.has(entry.locationId))
        errors.add(
          'LOCATION_INVALID',
          seen.has(entry.locationId)
            ? 'This location is listed twice.'
            : "Choose one of this seller's stock locations.",
          `stock.${index}.locationId`,
        );
      seen.add(entry.locationId);
      if (!(entry.onHand >= 0 && entry.onHand <= MAX_QUANTITY))
        errors.add('QUANTITY_INVALID', 'Opening stock is 0 or more.', `stock.${index}.onHand`);
    });
  }
  if (errors.any) return fail();

  const exists = () =>
    errors.add(
      'OFFER_EXISTS',
      'This seller already offers this variant in this condition: edit that offer.',
      'variantId',
    );
  if (
    await prisma.offer.findUnique({
      where: {
        variantId_sellerId_condition: {
          variantId: input.variantId,
          sellerId,
          condition: input.condition,
        },
      },
      select: { id: true },
    })
  )
    return (exists(), fail());

  try {
    const offer = await prisma.$transaction(async (tx) => {
      const created = await tx.offer.create({
        data: {
          sellerId,
          variantId: input.variantId,
          condition: input.condition,
          price: input.price,
          compareAtPrice: input.compareAtPrice ?? null,
          currency: input.currency,
          handlingDays: input.handlingDays,
          allowBackorder: input.allowBackorder,
          lowStockThreshold: input.lowStockThreshold,
        },
      });
      await recordPrice(tx, [
        {
          offerId: created.id,
          price: created.price,
          compareAtPrice: created.compareAtPrice,
          currency: created.currency,
          reason: 'CREATED',
          actorId: ctx.session.userId,
        },
      ]);
      await openStock(tx, created, stock, ctx.session.userId);
      await publishEvents(tx, 'product.changed', [{ productId: variant!.productId }]);
      return created;
    });
    return { offer, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error)) return (exists(), fail());
    throw error;
  }
}

export async function updateOffer(
  ctx: Context,
  id: string,
  input: OfferUpdateInput,
): Promise<Result<'offer', OfferRow, OfferUpdateCode>> {
  const errors = new PayloadErrors<OfferUpdateCode>();
  const fail = () => ({ offer: null, errors: errors.list });
  const offer = isUuid(id)
    ? await ctx.db.prisma.offer.findUnique({ where: { id }, select: { sellerId: true } })
    : null;
  if (!offer) return (errors.add('NOT_FOUND', 'This offer does not exist.', 'id'), fail());
  if (!can(ctx.session, Permission.OFFERS_MANAGE, offer.sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this seller's offers.", 'id'), fail());
  checkTerms(errors, input);
  if (input.clearCompareAtPrice && input.compareAtPrice != null)
    errors.add(
      'COMPARE_AT_INVALID',
      'Either set or clear the compare-at price.',
      'clearCompareAtPrice',
    );
  if (errors.any) return fail();

  const { value, errors: refused } = await refusable<OfferRow, OfferUpdateCode>(() =>
    ctx.db.prisma.$transaction(async (tx) => {
      const current = (await lockOffer(tx, id))!;
      const price = input.price ?? current.price;
      const compareAtPrice = input.clearCompareAtPrice
        ? null
        : (input.compareAtPrice ?? current.compareAtPrice);
      if (compareAtPrice !== null && compareAtPrice <= price)
        throw new Refused<OfferUpdateCode>([
          {
            code: 'COMPARE_AT_INVALID',
            field: input.compareAtPrice != null ? 'compareAtPrice' : 'price',
            message: compareAtMessage,
          },
        ]);
      const allowBackorder = input.allowBackorder ?? current.allowBackorder;
      const updated = await tx.offer.update({
        where: { id },
        data: {
          price,
          compareAtPrice,
          allowBackorder,
          handlingDays: input.handlingDays ?? current.handlingDays,
          lowStockThreshold: input.lowStockThreshold ?? current.lowStockThreshold,
          status: input.status ?? current.status,
        },
      });
      if (price !== current.price || compareAtPrice !== current.compareAtPrice)
        await recordPrice(tx, [
          {
            offerId: id,
            price,
            compareAtPrice,
            currency: current.currency,
            reason: 'MANUAL',
            actorId: ctx.session.userId,
          },
        ]);
      if (allowBackorder !== current.allowBackorder)
        await setLevelsBackorder(tx, id, allowBackorder);
      await publishEvents(tx, 'product.changed', [{ productId: current.productId }]);
      return updated;
    }),
  );
  return value ? { offer: value, errors: [] } : { offer: null, errors: refused };
}

/** The new price of a bulk edit; null when it is not a valid price. */
export function bulkPrice(
  current: number,
  mode: OfferPricesBulkUpdateInput['mode'],
  value: number,
) {
  let next: number;
  if (mode === 'SET') next = value;
  else if (mode === 'AMOUNT') next = current + value;
  else {
    // current * (1 + value / 10000), rounded half up to the unit, in exact integers.
    const scaled = BigInt(current) * BigInt(10_000 + value);
    if (scaled < 0n) return null;
    next = Number((scaled + 5_000n) / 10_000n);
  }
  return isPriceAmount(next) ? next : null;
}

export async function bulkUpdatePrices(
  ctx: Context,
  input: OfferPricesBulkUpdateInput,
): Promise<{ offers: OfferRow[]; errors: PayloadErrorShape<OfferPricesBulkUpdateCode>[] }> {
  const errors = new PayloadErrors<OfferPricesBulkUpdateCode>();
  const fail = () => ({ offers: [], errors: errors.list });
  if (input.offerIds.length > MAX_BULK_OFFERS)
    return (
      errors.add('TOO_MANY', `At most ${MAX_BULK_OFFERS} offers at once.`, 'offerIds'),
      fail()
    );
  if (!can(ctx.session, Permission.OFFERS_MANAGE, input.sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this seller's offers.", 'sellerId'), fail());
  if (input.mode === 'SET' && !isPriceAmount(input.value))
    return (
      errors.add(
        'PRICE_INVALID',
        'A price is a whole number of minor units from 0 to 1,000,000,000.',
        'value',
      ),
      fail()
    );
  const firstIndex = new Map<string, number>();
  input.offerIds.forEach((offerId, index) => {
    if (!firstIndex.has(offerId)) firstIndex.set(offerId, index);
  });
  for (const [offerId, index] of firstIndex)
    if (!isUuid(offerId) || !isUuid(input.sellerId))
      errors.add('NOT_FOUND', "This offer is not one of the seller's.", `offerIds.${index}`);
  if (errors.any || firstIndex.size === 0) return fail();

  const ids = [...firstIndex.keys()].sort();
  const { value, errors: refused } = await refusable<OfferRow[], OfferPricesBulkUpdateCode>(() =>
    ctx.db.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<(OfferRow & { productId: string })[]>`
        SELECT ${OFFER_COLUMNS}, v.product_id::text AS "productId"
          FROM offers o JOIN variants v ON v.id = o.variant_id
         WHERE o.id = ANY(${ids}::uuid[]) AND o.seller_id = ${input.sellerId}::uuid
         ORDER BY o.id
           FOR UPDATE OF o`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      const problems = new PayloadErrors<OfferPricesBulkUpdateCode>();
      const changes: { row: (typeof rows)[number]; price: number }[] = [];
      for (const [offerId, index] of firstIndex) {
        const row = byId.get(offerId);
        if (!row) {
          problems.add('NOT_FOUND', "This offer is not one of the seller's.", `offerIds.${index}`);
          continue;
        }
        const price = bulkPrice(row.price, input.mode, input.value);
        if (price === null)
          problems.add(
            'PRICE_INVALID',
            `The new price of ${row.price} would not be a valid price (0 to 1,000,000,000).`,
            `offerIds.${index}`,
          );
        else if (row.compareAtPrice !== null && price >= row.compareAtPrice)
          problems.add(
            'PRICE_INVALID',
            `The new price ${price} would reach the compare-at price ${row.compareAtPrice}.`,
            `offerIds.${index}`,
          );
        else if (price !== row.price) changes.push({ row, price });
      }
      if (problems.any) throw new Refused(problems.list);
      if (changes.length) {
        await tx.$executeRaw`
          UPDATE offers o SET price = c.price, updated_at = now()
            FROM unnest(${changes.map((c) => c.row.id)}::uuid[], ${changes.map((c) => c.price)}::int[])
                 AS c(id, price)
           WHERE o.id = c.id`;
        await recordPrice(
          tx,
          changes.map(({ row, price }) => ({
            offerId: row.id,
            price,
            compareAtPrice: row.compareAtPrice,
            currency: row.currency,
            reason: 'BULK_EDIT' as const,
            actorId: ctx.session.userId,
          })),
        );
        await publishEvents(
          tx,
          'product.changed',
          [...new Set(changes.map((c) => c.row.productId))].map((productId) => ({ productId })),
        );
      }
      const updated = await tx.offer.findMany({ where: { id: { in: ids } } });
      const updatedById = new Map(updated.map((row) => [row.id, row]));
      return [...firstIndex.keys()].map((offerId) => updatedById.get(offerId)!);
    }),
  );
  return value ? { offers: value, errors: [] } : { offers: [], errors: refused };
}

// ---------------------------------------------------------------------------
// Queries

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

// ---------------------------------------------------------------------------
// Price schedules

interface Window {
  start: number;
  end: number;
}

/** An open-ended schedule is a one-off change at its start: a point in time. */
const windowOf = (startsAt: Date, endsAt: Date | null): Window => ({
  start: startsAt.getTime(),
  end: endsAt ? endsAt.getTime() : startsAt.getTime() + 1,
});

const overlaps = (a: Window, b: Window) => a.start < b.end && b.start < a.end;

export async function createSchedule(
  ctx: Context,
  input: PriceScheduleCreateInput,
  now: Date = new Date(),
): Promise<Result<'priceSchedule', PriceScheduleRow, PriceScheduleCreateCode>> {
  const errors = new PayloadErrors<PriceScheduleCreateCode>();
  const fail = () => ({ priceSchedule: null, errors: errors.list });
  const offer = isUuid(input.offerId)
    ? await ctx.db.prisma.offer.findUnique({
        where: { id: input.offerId },
        select: { sellerId: true },
      })
    : null;
  if (!offer) return (errors.add('NOT_FOUND', 'This offer does not exist.', 'offerId'), fail());
  if (!can(ctx.session, Permission.OFFERS_MANAGE, offer.sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this seller's prices.", 'offerId'), fail());
  checkTerms(errors, { price: input.price, compareAtPrice: input.compareAtPrice });
  if (
    input.compareAtPrice != null &&
    isPriceAmount(input.price) &&
    input.compareAtPrice <= input.price
  )
    errors.add('COMPARE_AT_INVALID', compareAtMessage, 'compareAtPrice');
  if (input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime())
    errors.add('WINDOW_INVALID', 'The end must come after the start.', 'endsAt');
  else if (input.endsAt && input.endsAt.getTime() <= now.getTime())
    errors.add('WINDOW_INVALID', 'This window is already over.', 'endsAt');
  if (errors.any) return fail();

  const { value, errors: refused } = await refusable(() =>
    ctx.db.prisma.$transaction(async (tx) => {
      // The offer's lock serializes schedule creation (no two overlapping windows).
      await lockOffer(tx, input.offerId);
      const window = windowOf(input.startsAt, input.endsAt ?? null);
      const open = await tx.priceSchedule.findMany({
        where: { offerId: input.offerId, endedAt: null, cancelledAt: null },
      });
      const clash = open.find((other) => overlaps(window, windowOf(other.startsAt, other.endsAt)));
      if (clash)
        throw new Refused<PriceScheduleCreateCode>([
          {
            code: 'WINDOW_INVALID',
            field: 'startsAt',
            message: `This window overlaps another price schedule (from ${clash.startsAt.toISOString()}).`,
          },
        ]);
      const created = await tx.priceSchedule.create({
        data: {
          offerId: input.offerId,
          price: input.price,
          compareAtPrice: input.compareAtPrice ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt ?? null,
          createdById: ctx.session.userId,
        },
      });
      if (created.startsAt.getTime() <= now.getTime()) await startDueSchedules(tx, now, created.id);
      return tx.priceSchedule.findUniqueOrThrow({ where: { id: created.id } });
    }),
  );
  return value
    ? { priceSchedule: value, errors: [] }
    : { priceSchedule: null, errors: refused as PayloadErrorShape<PriceScheduleCreateCode>[] };
}

export async function cancelSchedule(
  ctx: Context,
  id: string,
  now: Date = new Date(),
): Promise<Result<'priceSchedule', PriceScheduleRow, PriceScheduleCancelCode>> {
  const errors = new PayloadErrors<PriceScheduleCancelCode>();
  const fail = () => ({ priceSchedule: null, errors: errors.list });
  const schedule = isUuid(id)
    ? await ctx.db.prisma.priceSchedule.findUnique({
        where: { id },
        include: { offer: { select: { sellerId: true } } },
      })
    : null;
  if (!schedule)
    return (errors.add('NOT_FOUND', 'This price schedule does not exist.', 'id'), fail());
  if (!can(ctx.session, Permission.OFFERS_MANAGE, schedule.offer.sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this seller's prices.", 'id'), fail());

  const { value, errors: refused } = await refusable(() =>
    ctx.db.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ started: boolean; over: boolean }[]>`
        SELECT started_at IS NOT NULL AS started,
               (ended_at IS NOT NULL OR cancelled_at IS NOT NULL) AS over
          FROM price_schedules WHERE id = ${id}::uuid FOR UPDATE`;
      if (!locked || locked.over)
        throw new Refused<PriceScheduleCancelCode>([
          { code: 'ALREADY_ENDED', field: 'id', message: 'This price schedule is already over.' },
        ]);
      // A running schedule ends now: the price before it comes back.
      if (locked.started) await endSchedule(tx, id, now);
      return tx.priceSchedule.update({ where: { id }, data: { cancelledAt: now } });
    }),
  );
  return value
    ? { priceSchedule: value, errors: [] }
    : { priceSchedule: null, errors: refused as PayloadErrorShape<PriceScheduleCancelCode>[] };
}
