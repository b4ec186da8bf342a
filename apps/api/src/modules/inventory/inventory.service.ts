// Stock per offer and location (DESIGN.md convention 7): on-hand changes only
// through atomic conditional UPDATEs backed by the CHECK constraint of
// stock_levels, each one written to the stock_movements ledger in the same
// transaction, with a product.changed event for the search index.
import { randomUUID } from 'node:crypto';
import { Prisma, type StockLevel as StockLevelRow, type StockLocation } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { ApiError, ForbiddenError } from '../../common/errors/errors.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { publishEvents } from '../../common/events/outbox.js';
import {
  type ConnectionShape,
  connectionFromRows,
  decodeCursor,
  isTimeIdKey,
} from '../../common/pagination/connection.js';
import { isUuid } from '../../common/ids/uuid.js';
import { cappedCount } from '../../common/pagination/capped-count.js';
import type { Context } from '../../context.js';
import type { StockAdjustCode, StockLocationCreateCode } from './inventory.errors.js';
import type { LevelWithLocation } from './inventory.loaders.js';
import { alertLowStock, lockAvailable } from './low-stock-alert.js';
import {
  type StockAdjustInput,
  type StockMovement,
  type StockMovementsArgs,
  StockMovementReason,
  type StockReportArgs,
} from './inventory.types.js';

/** Largest on-hand a level may reach, and largest single change (PostgreSQL integer). */
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_NOTE_LENGTH = 500;
export const MAX_LOCATION_NAME_LENGTH = 100;

export type StockStatusValue = 'IN_STOCK' | 'LOW_STOCK' | 'OUT_OF_STOCK' | 'BACKORDER';

/**
 * What a shopper sees of an offer's stock: the sum of what is available at
 * each location (a location below zero counts as none) and the status.
 */
export function stockSummary(
  offer: { allowBackorder: boolean; lowStockThreshold: number },
  levels: readonly Pick<StockLevelRow, 'onHand' | 'reserved'>[],
): { available: number; status: StockStatusValue } {
  const available = levels.reduce(
    (sum, level) => sum + Math.max(0, level.onHand - level.reserved),
    0,
  );
  if (available > 0)
    return { available, status: available <= offer.lowStockThreshold ? 'LOW_STOCK' : 'IN_STOCK' };
  return { available: 0, status: offer.allowBackorder ? 'BACKORDER' : 'OUT_OF_STOCK' };
}

/** Store ids of the STORE locations holding available stock of the offer. */
export function pickupStoreIds(levels: readonly LevelWithLocation[]): string[] {
  return levels
    .filter((level) => level.storeId && level.onHand - level.reserved > 0)
    .map((level) => level.storeId!);
}

/**
 * The stores the caller may adjust stock at within a seller: null when any
 * location (platform staff, owners, staff without a store); otherwise the
 * stores of their store-counter assignments granting inventory:manage.
 */
export async function inventoryStoreScope(
  ctx: Context,
  sellerId: string,
): Promise<ReadonlySet<string> | null> {
  if (ctx.session.permissions.has(Permission.INVENTORY_MANAGE)) return null;
  if (!ctx.session.userId) return new Set();
  const rows = await ctx.db.prisma.$queryRaw<{ storeId: string | null }[]>`
    SELECT ra.store_id::text AS "storeId"
      FROM role_assignments ra JOIN roles r ON r.id = ra.role_id
     WHERE ra.user_id = ${ctx.session.userId}::uuid AND ra.seller_id = ${sellerId}::uuid
       AND ${Permission.INVENTORY_MANAGE} = ANY(r.permissions)`;
  if (rows.some((row) => row.storeId === null)) return null;
  return new Set(rows.map((row) => row.storeId!));
}

// ---------------------------------------------------------------------------
// Locations

export async function listLocations(ctx: Context, sellerId: string): Promise<StockLocation[]> {
  if (!can(ctx.session, Permission.INVENTORY_READ, sellerId)) return [];
  return ctx.loaders.inventory.locationsBySeller.load(sellerId);
}

export async function createLocation(
  ctx: Context,
  sellerId: string,
  rawName: string,
): Promise<{
  stockLocation: StockLocation | null;
  errors: PayloadErrors<StockLocationCreateCode>['list'];
}> {
  const errors = new PayloadErrors<StockLocationCreateCode>();
  const fail = () => ({ stockLocation: null, errors: errors.list });
  if (!can(ctx.session, Permission.INVENTORY_MANAGE, sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this seller's stock.", 'sellerId'), fail());
  if (!isUuid(sellerId) || !(await ctx.db.prisma.seller.findUnique({ where: { id: sellerId } })))
    return (errors.add('NOT_FOUND', 'This seller does not exist.', 'sellerId'), fail());
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!name) errors.add('NAME_REQUIRED', 'Name the warehouse.', 'name');
  else if (name.length > MAX_LOCATION_NAME_LENGTH)
    errors.add('NAME_REQUIRED', `Use at most ${MAX_LOCATION_NAME_LENGTH} characters.`, 'name');
  if (errors.any) return fail();
  const created = await ctx.db.prisma.$transaction(async (tx) => {
    // One name per seller: serialize creations for this seller (imports take the same lock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`stock-locations:${sellerId}`}))`;
    await ensureStoreLocationsTx(tx, sellerId);
    const taken = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM stock_locations l LEFT JOIN stores s ON s.id = l.store_id
       WHERE l.seller_id = ${sellerId}::uuid
         AND (lower(l.name) = lower(${name}) OR lower(s.name) = lower(${name}))`;
    if (taken.length) return null;
    return tx.stockLocation.create({ data: { sellerId, kind: 'WAREHOUSE', name } });
  });
  if (!created)
    return (
      errors.add('NAME_TAKEN', 'This seller already has a location by that name.', 'name'),
      fail()
    );
  return { stockLocation: created, errors: [] };
}

async function ensureStoreLocationsTx(tx: Prisma.TransactionClient, sellerId: string) {
  await tx.$executeRaw`
    INSERT INTO stock_locations (id, seller_id, kind, store_id, name)
    SELECT gen_random_uuid(), s.seller_id, 'STORE', s.id, s.name
      FROM stores s
     WHERE s.seller_id = ${sellerId}::uuid
       AND NOT EXISTS (SELECT 1 FROM stock_locations l WHERE l.store_id = s.id)
    ON CONFLICT (store_id) DO NOTHING`;
}

// ---------------------------------------------------------------------------
// Stock changes

/** Thrown inside a transaction to roll it back and report payload errors. */
class Refused<Code extends string> extends Error {
  constructor(readonly errors: PayloadErrors<Code>) {
    super('refused');
  }
}

export interface OpeningStock {
  locationId: string;
  onHand: number;
}

/**
 * Opening stock of a new offer (its levels cannot exist yet): one level per
 * location and one RECEIVED movement for each positive quantity.
 */
export async function openStock(
  tx: Prisma.TransactionClient,
  offer: { id: string; allowBackorder: boolean },
  entries: readonly OpeningStock[],
  actorId: string | null,
): Promise<void> {
  if (!entries.length) return;
  const levels = entries.map((entry) => ({
    id: randomUUID(),
    offerId: offer.id,
    locationId: entry.locationId,
    onHand: entry.onHand,
    backorder: offer.allowBackorder,
  }));
  await tx.stockLevel.createMany({ data: levels });
  const movements = levels
    .filter((level) => level.onHand > 0)
    .map((level) => ({
      stockLevelId: level.id,
      delta: level.onHand,
      onHandAfter: level.onHand,
      reason: StockMovementReason.RECEIVED,
      actorId,
    }));
  if (movements.length) await tx.stockMovement.createMany({ data: movements });
}

/** Keeps the CHECK constraint's copy of the offer's backorder flag in step. */
export async function setLevelsBackorder(
  tx: Prisma.TransactionClient,
  offerId: string,
  backorder: boolean,
): Promise<void> {
  await tx.stockLevel.updateMany({ where: { offerId }, data: { backorder } });
}

export async function adjustStock(
  ctx: Context,
  input: StockAdjustInput,
): Promise<{ stockLevel: StockLevelRow | null; errors: PayloadErrors<StockAdjustCode>['list'] }> {
  const errors = new PayloadErrors<StockAdjustCode>();
  const fail = () => ({ stockLevel: null, errors: errors.list });
  const offer = isUuid(input.offerId)
    ? await ctx.db.prisma.offer.findUnique({
        where: { id: input.offerId },
        include: { variant: { select: { productId: true } } },
      })
    : null;
  if (!offer) return (errors.add('NOT_FOUND', 'This offer does not exist.', 'offerId'), fail());
  if (!can(ctx.session, Permission.INVENTORY_MANAGE, offer.sellerId))
    return (errors.add('FORBIDDEN', "You cannot adjust this seller's stock.", 'offerId'), fail());

  const location = isUuid(input.locationId)
    ? await ctx.db.prisma.stockLocation.findUnique({ where: { id: input.locationId } })
    : null;
  if (!location || location.sellerId !== offer.sellerId)
    return (
      errors.add('LOCATION_INVALID', "Choose one of this seller's stock locations.", 'locationId'),
      fail()
    );
  const scope = await inventoryStoreScope(ctx, offer.sellerId);
  if (scope && !(location.storeId && scope.has(location.storeId)))
    return (
      errors.add('FORBIDDEN', 'You may only adjust stock at your own store.', 'locationId'),
      fail()
    );

  const { reason } = input;
  const delta = input.delta ?? null;
  const counted = input.countedQuantity ?? null;
  if (reason === StockMovementReason.IMPORT)
    errors.add('REASON_INVALID', 'Imported stock arrives through a catalog import.', 'reason');
  else if (reason === StockMovementReason.SOLD)
    errors.add('REASON_INVALID', 'Sold stock leaves through a paid order.', 'reason');
  else if (reason === StockMovementReason.COUNT_CORRECTION) {
    if (delta !== null)
      errors.add('QUANTITY_INVALID', 'A count correction takes the counted quantity.', 'delta');
    if (counted === null || counted < 0 || counted > MAX_QUANTITY)
      errors.add('QUANTITY_INVALID', 'Enter the quantity counted (0 or more).', 'countedQuantity');
  } else {
    if (counted !== null)
      errors.add(
        'QUANTITY_INVALID',
        'Only a count correction takes a counted quantity.',
        'countedQuantity',
      );
    const inbound = reason === StockMovementReason.RECEIVED;
    if (
      delta === null ||
      delta === 0 ||
      (inbound ? delta < 0 : delta > 0) ||
      Math.abs(delta) > MAX_QUANTITY
    )
      errors.add(
        'QUANTITY_INVALID',
        inbound
          ? 'Received stock is a positive quantity.'
          : 'Stock leaving is a negative quantity.',
        'delta',
      );
  }
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE_LENGTH)
    errors.add('TEXT_TOO_LONG', `Use at most ${MAX_NOTE_LENGTH} characters.`, 'note');
  if (errors.any) return fail();

  try {
    const level = await ctx.db.prisma.$transaction(async (tx) => {
      // The level exists from the first change on. The offer row is share-locked so an
      // offerUpdate of allowBackorder cannot slip past the level's copy of the flag.
      await tx.$executeRaw`
        WITH o AS (SELECT id, allow_backorder FROM offers WHERE id = ${offer.id}::uuid FOR SHARE)
        INSERT INTO stock_levels (id, offer_id, location_id, backorder, updated_at)
        SELECT ${randomUUID()}::uuid, o.id, ${location.id}::uuid, o.allow_backorder, now() FROM o
        ON CONFLICT (offer_id, location_id) DO NOTHING`;
      const availableBefore = await lockAvailable(tx, [offer.id]);
      const [changed] =
        reason === StockMovementReason.COUNT_CORRECTION
          ? await tx.$queryRaw<{ id: string; onHandAfter: number; delta: number }[]>`
              WITH old AS (
                SELECT id, on_hand FROM stock_levels
                 WHERE offer_id = ${offer.id}::uuid AND location_id = ${location.id}::uuid
                 FOR UPDATE)
              UPDATE stock_levels s SET on_hand = ${counted}::int, updated_at = now()
                FROM old
               WHERE s.id = old.id AND ${counted}::int >= s.reserved
              RETURNING s.id::text AS id, s.on_hand AS "onHandAfter", s.on_hand - old.on_hand AS delta`
          : await tx.$queryRaw<{ id: string; onHandAfter: number; delta: number }[]>`
              UPDATE stock_levels SET on_hand = on_hand + ${delta}::int, updated_at = now()
               WHERE offer_id = ${offer.id}::uuid AND location_id = ${location.id}::uuid
                 AND on_hand <= ${MAX_QUANTITY}::int - ${delta}::int
                 AND ${guard(reason, delta!)}
              RETURNING id::text AS id, on_hand AS "onHandAfter", ${delta}::int AS delta`;
      if (!changed) {
        const refused = new PayloadErrors<StockAdjustCode>();
        throw new Refused(
          refused.add(
            'INSUFFICIENT_STOCK',
            reason === StockMovementReason.RECEIVED
              ? 'This would take the stock over its limit.'
              : 'Not enough stock: what is reserved for orders must stay on hand.',
            reason === StockMovementReason.COUNT_CORRECTION ? 'countedQuantity' : 'delta',
          ),
        );
      }
      await tx.stockMovement.create({
        data: {
          stockLevelId: changed.id,
          delta: changed.delta,
          onHandAfter: changed.onHandAfter,
          reason,
          note,
          actorId: ctx.session.userId,
        },
      });
      await publishEvents(tx, 'product.changed', [{ productId: offer.variant.productId }]);
      await alertLowStock(tx, ctx.services.env.PUBLIC_URL, availableBefore);
      return tx.stockLevel.findUniqueOrThrow({ where: { id: changed.id } });
    });
    return { stockLevel: level, errors: [] };
  } catch (error) {
    if (error instanceof Refused) return { stockLevel: null, errors: error.errors.list };
    throw error;
  }
}

/** The condition a change must meet, beside the CHECK constraint. */
function guard(reason: StockMovementReason, delta: number): Prisma.Sql {
  switch (reason) {
    case StockMovementReason.DAMAGED:
      // Damaged goods leave the shelf: never below what is reserved, never below zero.
      return Prisma.sql`on_hand + ${delta}::int >= greatest(reserved, 0)`;
    case StockMovementReason.OFFLINE_SALE:
      // Goods that left a store may take on-hand below zero (the count was wrong),
      // but never below what is reserved for orders.
      return Prisma.sql`(reserved = 0 OR on_hand + ${delta}::int >= reserved)`;
    default:
      return Prisma.sql`TRUE`;
  }
}

// ---------------------------------------------------------------------------
// Ledger and reports

const LEVEL_COLUMNS = Prisma.sql`sl.id::text AS id, sl.offer_id::text AS "offerId",
  sl.location_id::text AS "locationId", sl.on_hand AS "onHand", sl.reserved, sl.backorder,
  sl.updated_at AS "updatedAt"`;

type NumberKey = [number, string];
const isNumberKey = (value: unknown): value is NumberKey =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isSafeInteger(value[0]) &&
  typeof value[1] === 'string' &&
  isUuid(value[1]);

/** A level's movements, newest first (inventory:read for the offer's seller). */
export async function listMovements(
  ctx: Context,
  args: StockMovementsArgs,
): Promise<ConnectionShape<StockMovement>> {
  const level = isUuid(args.stockLevelId)
    ? await ctx.db.prisma.stockLevel.findUnique({
        where: { id: args.stockLevelId },
        include: { offer: { select: { sellerId: true } } },
      })
    : null;
  if (!level) throw new ApiError('NOT_FOUND', 'This stock level does not exist.');
  if (!can(ctx.session, Permission.INVENTORY_READ, level.offer.sellerId))
    throw new ForbiddenError();
  const after = args.after ? decodeCursor(args.after, isTimeIdKey) : null;
  const rows = await ctx.db.prisma.stockMovement.findMany({
    where: {
      stockLevelId: level.id,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), id: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
    count: () => ctx.db.prisma.stockMovement.count({ where: { stockLevelId: level.id } }),
    toNode: (row) => row as StockMovement,
  });
}

/**
 * The seller's levels below zero (NEGATIVE, most negative first) or at or
 * below their offer's low-stock threshold among ACTIVE offers (LOW, lowest
 * available first).
 */
export async function stockReport(
  ctx: Context,
  args: StockReportArgs,
): Promise<ConnectionShape<StockLevelRow>> {
  if (!can(ctx.session, Permission.INVENTORY_READ, args.sellerId)) throw new ForbiddenError();
  if (!isUuid(args.sellerId)) throw new ApiError('NOT_FOUND', 'This seller does not exist.');
  const value =
    args.kind === 'NEGATIVE' ? Prisma.sql`sl.on_hand` : Prisma.sql`(sl.on_hand - sl.reserved)`;
  const where =
    args.kind === 'NEGATIVE'
      ? Prisma.sql`o.seller_id = ${args.sellerId}::uuid AND sl.on_hand < 0`
      : Prisma.sql`o.seller_id = ${args.sellerId}::uuid AND o.status = 'ACTIVE'
                   AND sl.on_hand - sl.reserved <= o.low_stock_threshold`;
  const after = args.after ? decodeCursor(args.after, isNumberKey) : null;
  const keyset = after
    ? Prisma.sql`AND (${value}, sl.id) > (${after[0]}::int, ${after[1]}::uuid)`
    : Prisma.empty;
  const rows = await ctx.db.prisma.$queryRaw<(StockLevelRow & { sortValue: number })[]>`
    SELECT ${LEVEL_COLUMNS}, ${value} AS "sortValue"
      FROM stock_levels sl JOIN offers o ON o.id = sl.offer_id
     WHERE ${where} ${keyset}
     ORDER BY ${value}, sl.id
     LIMIT ${args.first + 1}`;
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.sortValue, row.id],
    count: () =>
      cappedCount(
        ctx.db.prisma,
        Prisma.sql`stock_levels sl JOIN offers o ON o.id = sl.offer_id`,
        where,
      ),
    toNode: ({ sortValue: _sortValue, ...row }) => row,
  });
}
