import type { Prisma } from '@bazaar/db';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser } from '../../../test/accounts.js';
import { createOffer, createProductWithVariant, resetCatalog } from '../../../test/catalog.js';
import { runReservationExpiry } from './reservation-expiry.job.js';
import {
  type ReserveInput,
  StockShortError,
  consumeReservations,
  releaseReservations,
  reservationExpiry,
  reserveStock,
} from './reservations.service.js';

const LATER = new Date(Date.now() + 15 * 60_000);
const tx = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) =>
  db.prisma.$transaction(work, { maxWait: 60_000, timeout: 60_000 });

const reserve = (input: Omit<ReserveInput, 'expiresAt'> & { expiresAt?: Date }) =>
  tx((t) => reserveStock(t, { expiresAt: LATER, ...input }));

/** The error reserveStock threw (after its transaction rolled back), or null. */
async function refusal(promise: Promise<unknown>): Promise<StockShortError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof StockShortError) return error;
    throw error;
  }
}

async function snapshot() {
  const [levels, reservations, movements, events] = await Promise.all([
    db.prisma.stockLevel.findMany({
      select: { id: true, onHand: true, reserved: true },
      orderBy: { id: 'asc' },
    }),
    db.prisma.stockReservation.findMany({ orderBy: { id: 'asc' } }),
    db.prisma.stockMovement.findMany({ orderBy: { id: 'asc' } }),
    db.prisma.outboxEvent.count(),
  ]);
  return { levels, reservations, movements, events };
}

describe('stock reservations', async () => {
  // Syncs the built-in roles createSeller assigns; the services are called directly.
  await startApi();

  beforeEach(resetCatalog);

  /** A seller with a warehouse and its store location, and offers with stock at each. */
  async function shop(slug = 'shop') {
    const { seller, store } = await createSeller(slug);
    const warehouse = await db.prisma.stockLocation.create({
      data: { sellerId: seller.id, kind: 'WAREHOUSE', name: 'Main' },
    });
    const counter = await db.prisma.stockLocation.create({
      data: { sellerId: seller.id, kind: 'STORE', storeId: store.id, name: store.name },
    });
    const offer = async (stock: { warehouse?: number; store?: number }, backorder = false) => {
      const { variant } = await createProductWithVariant();
      const created = await createOffer(variant.id, seller.id);
      if (backorder)
        await db.prisma.offer.update({ where: { id: created.id }, data: { allowBackorder: true } });
      const level = (locationId: string, onHand: number) =>
        db.prisma.stockLevel.create({
          data: { offerId: created.id, locationId, onHand, backorder },
        });
      return {
        id: created.id,
        productId: variant.productId,
        warehouse:
          stock.warehouse === undefined ? null : await level(warehouse.id, stock.warehouse),
        store: stock.store === undefined ? null : await level(counter.id, stock.store),
      };
    };
    return { seller, offer };
  }

  const level = (id: string) => db.prisma.stockLevel.findUniqueOrThrow({ where: { id } });

  it('reserves, then consuming sells the stock with SOLD movements, once', async () => {
    const { offer } = await shop();
    const a = await offer({ warehouse: 5, store: 3 });
    const b = await offer({ warehouse: 1, store: 4 });
    const actor = await createUser('clerk@shop.test');

    const held = await reserve({
      reference: 'purchase-1',
      lines: [
        { offerId: a.id, quantity: 2 },
        { offerId: b.id, quantity: 3 },
      ],
    });
    // a: the warehouse has it all; b: the store is the one location with enough.
    expect(held.map((r) => [r.stockLevelId, r.quantity, r.status]).sort()).toEqual(
      [
        [a.warehouse!.id, 2, 'HELD'],
        [b.store!.id, 3, 'HELD'],
      ].sort(),
    );
    expect(held.every((r) => r.expiresAt.getTime() === LATER.getTime())).toBe(true);
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 5, reserved: 2 });
    expect(await level(b.store!.id)).toMatchObject({ onHand: 4, reserved: 3 });

    const sold = await tx((t) => consumeReservations(t, 'purchase-1', actor.id));
    expect(sold).toBe(5);
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await level(b.store!.id)).toMatchObject({ onHand: 1, reserved: 0 });
    const movements = await db.prisma.stockMovement.findMany({ where: { reason: 'SOLD' } });
    expect(
      movements.map((m) => [m.stockLevelId, m.delta, m.onHandAfter, m.actorId]).sort(),
    ).toEqual(
      [
        [a.warehouse!.id, -2, 3, actor.id],
        [b.store!.id, -3, 1, actor.id],
      ].sort(),
    );
    const reservations = await db.prisma.stockReservation.findMany();
    expect(reservations.every((r) => r.status === 'CONSUMED' && r.consumedAt)).toBe(true);
    const events = await db.prisma.outboxEvent.findMany({ where: { topic: 'product.changed' } });
    expect(new Set(events.map((e) => (e.payload as { productId: string }).productId))).toEqual(
      new Set([a.productId, b.productId]),
    );

    // A second consume (a replayed webhook) and a late release change nothing.
    const before = await snapshot();
    expect(await tx((t) => consumeReservations(t, 'purchase-1', actor.id))).toBe(0);
    expect(await tx((t) => releaseReservations(t, 'purchase-1'))).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('releasing gives the stock back, once; consuming after it sells nothing', async () => {
    const { offer } = await shop();
    const a = await offer({ warehouse: 2, store: 2 });
    // Neither location has 3: split, warehouse first.
    const held = await reserve({ reference: 'p-2', lines: [{ offerId: a.id, quantity: 3 }] });
    expect(held.map((r) => [r.stockLevelId, r.quantity]).sort()).toEqual(
      [
        [a.warehouse!.id, 2],
        [a.store!.id, 1],
      ].sort(),
    );
    expect(await tx((t) => releaseReservations(t, 'p-2'))).toBe(3);
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await level(a.store!.id)).toMatchObject({ onHand: 2, reserved: 0 });
    const released = await db.prisma.stockReservation.findMany();
    expect(released.every((r) => r.status === 'RELEASED' && r.releasedAt)).toBe(true);

    const before = await snapshot();
    expect(await tx((t) => releaseReservations(t, 'p-2'))).toBe(0);
    expect(await tx((t) => consumeReservations(t, 'p-2', null))).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a hold beyond the stock: every short offer listed, nothing changed', async () => {
    const { offer } = await shop();
    const ok = await offer({ warehouse: 5 });
    const short = await offer({ warehouse: 1, store: 1 });
    const none = await offer({});
    await reserve({ reference: 'other', lines: [{ offerId: ok.id, quantity: 4 }] });
    const before = await snapshot();

    const error = await refusal(
      reserve({
        reference: 'p-3',
        lines: [
          { offerId: ok.id, quantity: 1 },
          { offerId: short.id, quantity: 3 },
          { offerId: none.id, quantity: 1 },
          { offerId: 'not-a-uuid', quantity: 1 },
        ],
      }),
    );
    expect(error?.code).toBe('INSUFFICIENT_STOCK');
    expect(error?.offerIds.sort()).toEqual([short.id, none.id, 'not-a-uuid'].sort());
    expect(await snapshot()).toEqual(before);

    // Lines of one offer add up: 2 + 2 is more than the 1 left.
    const summed = await refusal(
      reserve({
        reference: 'p-4',
        lines: [
          { offerId: ok.id, quantity: 1 },
          { offerId: ok.id, quantity: 1 },
        ],
      }),
    );
    expect(summed?.offerIds).toEqual([ok.id]);

    for (const quantity of [0, -1, 1.5, 2_000_000_000]) {
      const bad = await refusal(
        reserve({ reference: 'p-5', lines: [{ offerId: ok.id, quantity }] }),
      );
      expect(bad?.code).toBe('QUANTITY_INVALID');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('holds backorder offers beyond their stock', async () => {
    const { offer } = await shop();
    const a = await offer({ warehouse: 1, store: 0 }, true);
    await reserve({ reference: 'p-6', lines: [{ offerId: a.id, quantity: 7 }] });
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 1, reserved: 7 });
    await tx((t) => consumeReservations(t, 'p-6', null));
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: -6, reserved: 0 });
  });

  it('gives the last unit to exactly one of 50 concurrent holds', async () => {
    const { offer } = await shop();
    const a = await offer({ warehouse: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        reserve({ reference: `race-${i}`, lines: [{ offerId: a.id, quantity: 1 }] }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof StockShortError)).toBe(true);
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 1, reserved: 1 });
    expect(await db.prisma.stockReservation.count()).toBe(1);
    const [invariant] = await db.prisma.$queryRaw<{ bad: number }[]>`
      SELECT count(*)::int AS bad FROM stock_levels WHERE reserved > on_hand`;
    expect(invariant!.bad).toBe(0);
  });

  it('the expiry job releases only HELD reservations past their expiry', async () => {
    const { offer } = await shop();
    const a = await offer({ warehouse: 10 });
    const now = new Date('2026-11-23T12:00:00Z');
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await reserve({
      reference: 'expired',
      expiresAt: at(-1),
      lines: [{ offerId: a.id, quantity: 1 }],
    });
    await reserve({
      reference: 'due-now',
      expiresAt: now,
      lines: [{ offerId: a.id, quantity: 2 }],
    });
    await reserve({ reference: 'live', expiresAt: at(1), lines: [{ offerId: a.id, quantity: 3 }] });
    await reserve({
      reference: 'sold',
      expiresAt: at(-5),
      lines: [{ offerId: a.id, quantity: 4 }],
    });
    await tx((t) => consumeReservations(t, 'sold', null));
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 6, reserved: 6 });

    // Batches of one: the job drains them one transaction at a time.
    expect(await runReservationExpiry(db.prisma, now, 1)).toBe(1);
    expect(await runReservationExpiry(db.prisma, now, 1)).toBe(1);
    expect(await runReservationExpiry(db.prisma, now, 1)).toBe(0);
    const byRef = Object.fromEntries(
      (await db.prisma.stockReservation.findMany()).map((r) => [r.reference, r.status]),
    );
    expect(byRef).toEqual({
      expired: 'RELEASED',
      'due-now': 'RELEASED',
      live: 'HELD',
      sold: 'CONSUMED',
    });
    expect(await level(a.warehouse!.id)).toMatchObject({ onHand: 6, reserved: 3 });
  });

  it('holds for RESERVATION_TTL_MINUTES', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(reservationExpiry({ RESERVATION_TTL_MINUTES: 15 }, now)).toEqual(
      new Date('2026-11-23T12:15:00Z'),
    );
  });
});
