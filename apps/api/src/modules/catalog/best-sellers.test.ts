import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import {
  contextFor,
  createShop,
  createShopper,
  fillCart,
  placePurchase,
  resetCheckout,
} from '../../../test/checkout.js';
import { refreshSalesCounts } from './best-sellers.job.js';

const DAY = 86_400_000;

describe('best sellers', async () => {
  await startApi();
  beforeEach(async () => {
    await resetCheckout();
    await db.prisma.taxRate.create({ data: { country: 'FR', rateBp: 2000 } });
  });

  /** A wallet purchase of `quantity` units of one offer; returns its order's id. */
  async function buy(offer: { id: string; price: number }, quantity: number) {
    const user = await createShopper(1_000_000);
    await fillCart(user.id, [{ offer, quantity }]);
    const result = await placePurchase(contextFor(user.id));
    expect(result.errors).toEqual([]);
    const [order] = await db.prisma.order.findMany({ where: { purchaseId: result.purchase!.id } });
    return order!.id;
  }

  const salesOf = async (productId: string) =>
    (await db.prisma.product.findUniqueOrThrow({ where: { id: productId } })).salesCount;

  it('counts units ordered in the last 30 days, leaves out cancelled orders and tells the index', async () => {
    const shop = await createShop();
    const popular = await shop.offer({ warehouse: 20 });
    const cancelled = await shop.offer({ warehouse: 20 });
    const stale = await shop.offer({ warehouse: 20 });
    await db.prisma.product.update({ where: { id: stale.productId }, data: { salesCount: 99 } });
    await buy(popular, 2);
    await buy(popular, 3);
    const orderId = await buy(cancelled, 4);
    await db.prisma.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } });
    await db.prisma.outboxEvent.deleteMany();

    expect(await refreshSalesCounts(db.prisma)).toBe(2);
    expect(await salesOf(popular.productId)).toBe(5);
    expect(await salesOf(cancelled.productId)).toBe(0);
    expect(await salesOf(stale.productId)).toBe(0);
    const events = await db.prisma.outboxEvent.findMany({ where: { topic: 'product.changed' } });
    expect(events.map((e) => (e.payload as { productId: string }).productId).sort()).toEqual(
      [popular.productId, stale.productId].sort(),
    );

    // Nothing changed since: nothing written.
    expect(await refreshSalesCounts(db.prisma)).toBe(0);
    // A month later those sales no longer count.
    expect(await refreshSalesCounts(db.prisma, new Date(Date.now() + 31 * DAY))).toBe(1);
    expect(await salesOf(popular.productId)).toBe(0);
  });
});
