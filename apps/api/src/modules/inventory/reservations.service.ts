// Stock reservations (DESIGN.md convention 7): checkout holds stock for a
// reference (a purchase) until it expires, is released or is consumed by the
// sale. Every change to stock_levels.reserved / on_hand is ONE atomic
// conditional UPDATE backed by the CHECK constraint of stock_levels (reserved
// never exceeds on-hand unless the level takes backorders), in the caller's
// transaction, with a product.changed event for the search index.
//
// Failure contract: reserveStock throws StockShortError when any line cannot
// be held. It has then already changed rows in the caller's transaction, so the
// caller MUST let that error roll the transaction back (the usual
// `prisma.$transaction(async (tx) => reserveStock(tx, ...))` does). Catch it
// outside the transaction to report the short offers.
import { randomUUID } from 'node:crypto';
import { Prisma, type StockReservation } from '@bazaar/db';
import { isUuid } from '../../common/ids/uuid.js';
import type { Env } from '../../env.js';
import { MAX_QUANTITY } from './inventory.service.js';
import { StockMovementReason } from './inventory.types.js';

export interface ReserveLine {
  offerId: string;
  quantity: number;
  /** This line's hold reference when it differs from the input's (e.g. one order of a purchase). */
  reference?: string;
}

export interface ReserveInput {
  /** What the hold is for, e.g. a purchase id; release and consume find reservations by it. */
  reference: string;
  expiresAt: Date;
  lines: readonly ReserveLine[];
  /** Hold only at these locations (a store counter's sale); default: any of the offer's. */
  locationIds?: readonly string[];
}

export const ReservationCodes = {
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  QUANTITY_INVALID: 'QUANTITY_INVALID',
} as const;
export type ReservationCode = keyof typeof ReservationCodes;

/** Thrown by reserveStock: the caller's transaction must roll back (nothing is kept). */
export class StockShortError extends Error {
  constructor(
    readonly code: ReservationCode,
    /** The offers that could not be held (unknown offers included). */
    readonly offerIds: string[],
  ) {
    super(`${code}: ${offerIds.join(', ')}`);
    this.name = 'StockShortError';
  }
}

/** When a hold placed now ends: RESERVATION_TTL_MINUTES (default 15) later. */
export function reservationExpiry(
  env: Pick<Env, 'RESERVATION_TTL_MINUTES'>,
  now: Date = new Date(),
): Date {
  return new Date(now.getTime() + env.RESERVATION_TTL_MINUTES * 60_000);
}

interface LevelRow {
  id: string;
  available: number;
  backorder: boolean;
}

/**
 * Holds stock for every line, or throws StockShortError listing every offer
 * short of stock (see the failure contract above). For each line: the first
 * location (warehouses first, then stores) that has the whole quantity;
 * otherwise the quantity is split across locations. Offers taking backorders
 * always succeed (the remainder goes on their first location).
 */
export async function reserveStock(
  tx: Prisma.TransactionClient,
  input: ReserveInput,
): Promise<StockReservation[]> {
  // One line per offer, in a fixed order so concurrent multi-line holds lock levels alike.
  const wanted = new Map<string, number>();
  const references = new Map<string, string>();
  const invalid: string[] = [];
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) invalid.push(line.offerId);
    wanted.set(line.offerId, (wanted.get(line.offerId) ?? 0) + line.quantity);
    if (line.reference) references.set(line.offerId, line.reference);
  }
  if (invalid.length || [...wanted.values()].some((q) => q > MAX_QUANTITY))
    throw new StockShortError(
      'QUANTITY_INVALID',
      invalid.length ? invalid : [...wanted].filter(([, q]) => q > MAX_QUANTITY).map(([id]) => id),
    );

  const short: string[] = [];
  const held: { levelId: string; offerId: string; quantity: number }[] = [];
  for (const [offerId, quantity] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const taken = isUuid(offerId)
      ? await holdOffer(tx, offerId, quantity, input.locationIds)
      : null;
    if (taken) held.push(...taken.map((t) => ({ ...t, offerId })));
    else short.push(offerId);
  }
  if (short.length) throw new StockShortError('INSUFFICIENT_STOCK', short);

  const rows = held.map((h) => ({
    id: randomUUID(),
    stockLevelId: h.levelId,
    quantity: h.quantity,
    reference: references.get(h.offerId) ?? input.reference,
    expiresAt: input.expiresAt,
  }));
  const reservations = await tx.stockReservation.createManyAndReturn({ data: rows });
  await publishForOffers(tx, [...wanted.keys()]);
  return reservations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One atomic conditional UPDATE of a level; true when the quantity was added to reserved. */
async function tryHold(tx: Prisma.TransactionClient, levelId: string, q: number) {
  const changed = await tx.$executeRaw`
    UPDATE stock_levels SET reserved = reserved + ${q}::int, updated_at = now()
     WHERE id = ${levelId}::uuid AND (backorder OR on_hand - reserved >= ${q}::int)`;
  return changed === 1;
}

/** Holds `quantity` of one offer; null when short (the caller's transaction rolls back). */
async function holdOffer(
  tx: Prisma.TransactionClient,
  offerId: string,
  quantity: number,
  locationIds?: readonly string[],
): Promise<{ levelId: string; quantity: number }[] | null> {
  const onlyAt = locationIds
    ? Prisma.sql`AND sl.location_id = ANY(${[...locationIds]}::uuid[])`
    : Prisma.empty;
  const order = Prisma.sql`ORDER BY (l.kind = 'WAREHOUSE') DESC, l.created_at, sl.id`;
  // The usual case in one statement: the first level holding the whole
  // quantity (or taking backorders), re-checked atomically by the UPDATE.
  const held = await tx.$queryRaw<{ id: string }[]>`
    WITH first AS (
      SELECT sl.id FROM stock_levels sl JOIN stock_locations l ON l.id = sl.location_id
       WHERE sl.offer_id = ${offerId}::uuid ${onlyAt}
         AND (sl.backorder OR sl.on_hand - sl.reserved >= ${quantity}::int)
       ${order} LIMIT 1)
    UPDATE stock_levels sl SET reserved = sl.reserved + ${quantity}::int, updated_at = now()
      FROM first
     WHERE sl.id = first.id AND (sl.backorder OR sl.on_hand - sl.reserved >= ${quantity}::int)
    RETURNING sl.id::text AS id`;
  if (held[0]) return [{ levelId: held[0].id, quantity }];
  // Otherwise a plan: what is available is read without locks, and each hold
  // below re-checks it atomically.
  const levels = await tx.$queryRaw<LevelRow[]>`
    SELECT sl.id::text AS id, greatest(sl.on_hand - sl.reserved, 0)::int AS available, sl.backorder
      FROM stock_levels sl JOIN stock_locations l ON l.id = sl.location_id
     WHERE sl.offer_id = ${offerId}::uuid ${onlyAt}
     ${order}`;
  if (!levels.length) return null;
  // Backorder levels (the offer's flag, copied on every level) take any quantity.
  const first = levels[0]!;
  if (first.backorder)
    return (await tryHold(tx, first.id, quantity)) ? [{ levelId: first.id, quantity }] : null;
  // One location with the whole quantity, if any.
  for (const level of levels)
    if (level.available >= quantity && (await tryHold(tx, level.id, quantity)))
      return [{ levelId: level.id, quantity }];
  // Otherwise split it over the locations, in the same order.
  const taken: { levelId: string; quantity: number }[] = [];
  let left = quantity;
  for (const level of levels) {
    if (left === 0) break;
    const q = Math.min(left, level.available);
    if (q <= 0) continue;
    if (!(await tryHold(tx, level.id, q))) return null;
    taken.push({ levelId: level.id, quantity: q });
    left -= q;
  }
  return left === 0 ? taken : null;
}

interface ChangedLevel {
  id: string;
  offerId: string;
  onHand: number;
  quantity: number;
}

/**
 * Ends the HELD reservations chosen by `held` (a subquery of their ids): they
 * become `status`, and their levels give the quantity back in one UPDATE
 * (consuming also takes it off on-hand). Reservations not HELD are untouched,
 * so calling it again changes nothing.
 */
async function endReservations(
  tx: Prisma.TransactionClient,
  held: Prisma.Sql,
  status: 'RELEASED' | 'CONSUMED',
  now: Date,
): Promise<ChangedLevel[]> {
  const stamp =
    status === 'RELEASED' ? Prisma.sql`released_at = ${now}` : Prisma.sql`consumed_at = ${now}`;
  const onHand =
    status === 'CONSUMED' ? Prisma.sql`on_hand = sl.on_hand - pl.quantity,` : Prisma.empty;
  return tx.$queryRaw<ChangedLevel[]>`
    WITH chosen AS (${held}),
    ended AS (
      UPDATE stock_reservations r SET status = ${status}::"StockReservationStatus", ${stamp}
        FROM chosen
       WHERE r.id = chosen.id AND r.status = 'HELD'
      RETURNING r.stock_level_id, r.quantity),
    per_level AS (
      SELECT stock_level_id, sum(quantity)::int AS quantity FROM ended GROUP BY stock_level_id)
    UPDATE stock_levels sl
       SET ${onHand} reserved = sl.reserved - pl.quantity, updated_at = now()
      FROM per_level pl
     WHERE sl.id = pl.stock_level_id
    RETURNING sl.id::text AS id, sl.offer_id::text AS "offerId", sl.on_hand AS "onHand",
              pl.quantity`;
}

const heldFor = (reference: string) =>
  Prisma.sql`SELECT id FROM stock_reservations WHERE reference = ${reference} AND status = 'HELD'`;

/** HELD -> RELEASED for the reference; the stock is available again. Idempotent. */
export async function releaseReservations(
  tx: Prisma.TransactionClient,
  reference: string,
  now: Date = new Date(),
): Promise<number> {
  const levels = await endReservations(tx, heldFor(reference), 'RELEASED', now);
  await publishForOffers(
    tx,
    levels.map((l) => l.offerId),
  );
  return levels.reduce((sum, l) => sum + l.quantity, 0);
}

/**
 * HELD -> CONSUMED for the reference (the order is paid): the goods leave
 * on-hand with the hold, a SOLD movement per level. Idempotent. Returns the
 * quantity sold.
 */
export async function consumeReservations(
  tx: Prisma.TransactionClient,
  reference: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<number> {
  const levels = await endReservations(tx, heldFor(reference), 'CONSUMED', now);
  if (levels.length)
    await tx.stockMovement.createMany({
      data: levels.map((level) => ({
        stockLevelId: level.id,
        delta: -level.quantity,
        onHandAfter: level.onHand,
        reason: StockMovementReason.SOLD,
        note: `Reservation ${reference}`.slice(0, 500),
        actorId,
      })),
    });
  await publishForOffers(
    tx,
    levels.map((l) => l.offerId),
  );
  return levels.reduce((sum, l) => sum + l.quantity, 0);
}

/**
 * Puts the stock a cancelled sale consumed back on hand (a RECEIVED movement
 * per level with `note`). The caller calls it once per sale (the order's
 * cancellation is guarded by its status). Returns the quantity put back.
 */
export async function restockConsumed(
  tx: Prisma.TransactionClient,
  reference: string,
  actorId: string | null,
  note: string,
): Promise<number> {
  const levels = await tx.$queryRaw<ChangedLevel[]>`
    WITH back AS (
      SELECT stock_level_id, sum(quantity)::int AS quantity FROM stock_reservations
       WHERE reference = ${reference} AND status = 'CONSUMED' GROUP BY stock_level_id)
    UPDATE stock_levels sl SET on_hand = sl.on_hand + back.quantity, updated_at = now()
      FROM back WHERE sl.id = back.stock_level_id
    RETURNING sl.id::text AS id, sl.offer_id::text AS "offerId", sl.on_hand AS "onHand",
              back.quantity`;
  if (levels.length)
    await tx.stockMovement.createMany({
      data: levels.map((level) => ({
        stockLevelId: level.id,
        delta: level.quantity,
        onHandAfter: level.onHand,
        reason: StockMovementReason.RECEIVED,
        note: note.slice(0, 500),
        actorId,
      })),
    });
  await publishForOffers(
    tx,
    levels.map((l) => l.offerId),
  );
  return levels.reduce((sum, l) => sum + l.quantity, 0);
}

/** Releases up to `limit` HELD reservations expired at `now`, skipping rows others hold. */
export async function releaseExpiredReservations(
  tx: Prisma.TransactionClient,
  now: Date,
  limit: number,
): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM stock_reservations
     WHERE status = 'HELD' AND expires_at <= ${now}
     ORDER BY expires_at, id
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
  if (!due.length) return 0;
  const ids = due.map((d) => d.id);
  const levels = await endReservations(
    tx,
    Prisma.sql`SELECT unnest(${ids}::uuid[]) AS id`,
    'RELEASED',
    now,
  );
  await publishForOffers(
    tx,
    levels.map((l) => l.offerId),
  );
  return due.length;
}

/** A product.changed event per product of the offers (what publishEvents writes), in one statement. */
async function publishForOffers(tx: Prisma.TransactionClient, offerIds: readonly string[]) {
  const ids = [...new Set(offerIds)].filter(isUuid);
  if (!ids.length) return;
  await tx.$executeRaw`
    INSERT INTO outbox_events (topic, payload)
    SELECT 'product.changed', jsonb_build_object('productId', p.id::text)
      FROM (SELECT DISTINCT v.product_id AS id
              FROM offers o JOIN variants v ON v.id = o.variant_id
             WHERE o.id = ANY(${ids}::uuid[])) p`;
}
