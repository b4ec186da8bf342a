import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
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
});
