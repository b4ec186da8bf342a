// Offers: a seller's price, condition and terms for one variant. Every change
// publishes product.changed in its transaction (the search index reads prices
// and stock). Bulk price edits and price schedules are in
// offer-prices.service.ts, reads and the buy box in offer-query.service.ts.
import { type Offer as OfferRow, Prisma, type PrismaClient } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { PayloadErrors, type PayloadErrorShape } from '../../common/errors/payload.js';
import { publishEvents } from '../../common/events/outbox.js';
import { isCurrency, isPriceAmount } from '../../common/money/money.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { MAX_QUANTITY, openStock, setLevelsBackorder } from '../inventory/inventory.service.js';
import { ensureStoreLocations } from '../inventory/inventory.loaders.js';
import type { OfferCreateCode, OfferUpdateCode } from './offers.errors.js';
import { OFFER_COLUMNS } from './offers.loaders.js';
import type { OfferCreateInput, OfferUpdateInput } from './offers.types.js';

export const MAX_BULK_OFFERS = 500;
export const MAX_OPENING_STOCK_ENTRIES = 100;
export const MAX_HANDLING_DAYS = 365;

export type Result<Key extends string, Entity, Code extends string> = {
  [K in Key]: Entity | null;
} & {
  errors: PayloadErrorShape<Code>[];
};

/** Thrown inside a transaction to roll it back and report payload errors. */
export class Refused<Code extends string> extends Error {
  constructor(readonly errors: PayloadErrorShape<Code>[]) {
    super('refused');
  }
}

export async function refusable<T, Code extends string>(
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

/** PostgreSQL's check_violation, as the pg driver adapter reports it. */
const isCheckViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)
    ?.driverAdapterError?.cause?.originalCode === '23514';

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

export function checkTerms<Code extends string>(
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

export const compareAtMessage = 'The compare-at price must be higher than the price.';

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
        await setLevelsBackorder(tx, id, allowBackorder).catch((error: unknown) => {
          // The stock CHECK: somewhere more is reserved than on hand, which only backorders allow.
          if (isCheckViolation(error))
            throw new Refused<OfferUpdateCode>([
              {
                code: 'BACKORDERS_RESERVED',
                field: 'allowBackorder',
                message:
                  'More is reserved than on hand: receive stock (or let those orders end) before turning backorders off.',
              },
            ]);
          throw error;
        });
      await publishEvents(tx, 'product.changed', [{ productId: current.productId }]);
      return updated;
    }),
  );
  return value ? { offer: value, errors: [] } : { offer: null, errors: refused };
}
