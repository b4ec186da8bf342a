import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { db, startApi, testDatabaseUrl } from '../../../test/api.js';
import { createUser } from '../../../test/accounts.js';
import {
  CURRENCY,
  contextFor,
  createShop,
  fillCart,
  resetCheckout,
  stockOf,
} from '../../../test/checkout.js';
import { expectLedgerConsistent, fundWallet } from '../../../test/payments.js';
import { completeCheckout } from './checkout-complete.service.js';
import { checkout } from './checkout.service.js';
import type { CheckoutCompleteInput } from './checkout.types.js';

const BUYERS = 200;

describe('the last unit, 200 buyers at once', async () => {
  await startApi();

  it('gives exactly one PAID order; every other buyer gets OUT_OF_STOCK; stock ends 0 and never negative', async () => {
    await resetCheckout();
    const shop = await createShop();
    const offer = await shop.offer({ warehouse: 1 }, 1_000);
    const users = [];
    for (let i = 0; i < BUYERS; i += 1) {
      const user = await createUser(`buyer${i}@rush.test`);
      users.push(user);
    }
    await db.prisma.address.createMany({
      data: users.map((u) => ({
        userId: u.id,
        recipient: 'Buyer',
        line1: '1 rue',
        city: 'Paris',
        postalCode: '75001',
        country: 'FR',
        isDefault: true,
      })),
    });
    for (const user of users) {
      await fundWallet(user.id, 5_000, CURRENCY);
      await fillCart(user.id, [{ offer, quantity: 1 }]);
    }
    const total = (await checkout(contextFor(users[0]!.id), { paymentMethod: 'WALLET' })).grandTotal
      .amount;

    const results = await Promise.all(
      users.map((user) =>
        completeCheckout(contextFor(user.id), {
          paymentMethod: 'WALLET',
          idempotencyKey: randomUUID(),
          expectedGrandTotal: total,
        } as CheckoutCompleteInput),
      ),
    );

    const placed = results.filter((r) => r.errors.length === 0);
    expect(placed).toHaveLength(1);
    const refused = results.filter((r) => r.errors.length > 0);
    expect(new Set(refused.flatMap((r) => r.errors.map((e) => e.code)))).toEqual(
      new Set(['OUT_OF_STOCK']),
    );
    expect(await db.prisma.order.findMany({ select: { status: true } })).toEqual([
      { status: 'PAID' },
    ]);
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 0, reserved: 0 });
    expect(await db.prisma.stockReservation.count({ where: { status: 'HELD' } })).toBe(0);
    expect(await db.prisma.payment.count()).toBe(1);
    await expectLedgerConsistent();
  }, 60_000);

  it('buyers queued on one locked offer leave connections for other shoppers', async () => {
    await resetCheckout();
    const shop = await createShop();
    const rushed = await shop.offer({ warehouse: 50 }, 1_000);
    const other = await shop.offer({ warehouse: 50 }, 1_000);
    const buyers = [];
    for (let i = 0; i < 12; i += 1) {
      const user = await createUser(`queued${i}@rush.test`);
      await db.prisma.address.create({
        data: {
          userId: user.id,
          recipient: 'B',
          line1: '1 rue',
          city: 'Paris',
          postalCode: '75001',
          country: 'FR',
          isDefault: true,
        },
      });
      await fundWallet(user.id, 5_000, CURRENCY);
      await fillCart(user.id, [{ offer: rushed, quantity: 1 }]);
      buyers.push(user);
    }
    const browser = buyers.pop()!;
    await db.prisma.cartLine.deleteMany({ where: { cart: { userId: browser.id } } });
    await fillCart(browser.id, [{ offer: other, quantity: 1 }]);
    const total = (await checkout(contextFor(buyers[0]!.id), { paymentMethod: 'WALLET' }))
      .grandTotal.amount;

    // Someone holds the offer's stock row: every checkout of it waits on the row lock.
    const holder = new pg.Client({ connectionString: testDatabaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM stock_levels WHERE id = $1 FOR UPDATE', [
      rushed.levelIds[0],
    ]);
    let settled = 0;
    const rush = buyers.map((user) =>
      completeCheckout(contextFor(user.id), {
        paymentMethod: 'WALLET',
        idempotencyKey: randomUUID(),
        expectedGrandTotal: total,
      } as CheckoutCompleteInput).finally(() => settled++),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The pool has 5 connections and 11 buyers wait: another shopper still gets a quote.
    const quote = await checkout(contextFor(browser.id), { paymentMethod: 'WALLET' });
    expect(quote.problems).toEqual([]);
    expect(settled).toBe(0);

    await holder.query('COMMIT');
    await holder.end();
    const results = await Promise.all(rush);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(buyers.length);
    expect(await stockOf(rushed.levelIds[0]!)).toEqual({ onHand: 50 - buyers.length, reserved: 0 });
    await expectLedgerConsistent();
  }, 60_000);
});
