// Offer prices beyond a single edit: bulk price edits over many offers and
// price schedules (the job starting and ending them is price-schedule.job.ts).
// Every change records price history and publishes product.changed.
import { type Offer as OfferRow, type PriceSchedule as PriceScheduleRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { PayloadErrors, type PayloadErrorShape } from '../../common/errors/payload.js';
import { publishEvents } from '../../common/events/outbox.js';
import { isPriceAmount } from '../../common/money/money.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import type {
  OfferPricesBulkUpdateCode,
  PriceScheduleCancelCode,
  PriceScheduleCreateCode,
} from './offers.errors.js';
import { OFFER_COLUMNS } from './offers.loaders.js';
import {
  MAX_BULK_OFFERS,
  Refused,
  type Result,
  checkTerms,
  compareAtMessage,
  lockOffer,
  recordPrice,
  refusable,
} from './offers.service.js';
import type { OfferPricesBulkUpdateInput, PriceScheduleCreateInput } from './offers.types.js';
import { endSchedule, startDueSchedules } from './price-schedule.job.js';

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
