import { randomUUID } from 'node:crypto';
import { Permission } from '@bazaar/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import {
  contextFor,
  createShop,
  createShopper,
  fillCart,
  resetCheckout,
} from '../../../test/checkout.js';
import { completeCheckout } from '../checkout/checkout-complete.service.js';
import { checkout } from '../checkout/checkout.service.js';
import type { CheckoutCompleteInput, CheckoutInput } from '../checkout/checkout.types.js';
import { runUnpaidOrderExpiry } from '../orders/unpaid-expiry.job.js';
import { allocate, couponDiscount } from './coupon-rules.js';
import { createCoupon, sellerCoupons, updateCoupon } from './coupons.service.js';
import type { CouponInput } from './coupons.types.js';

const codes = (result: { errors: { code: string }[] }) => result.errors.map((e) => e.code);

describe('coupon arithmetic', () => {
  it('splits by largest remainder, summing to the total, ties to the first', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3_333, 6_667])).toEqual([3, 7]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
    expect(allocate(1_000_000_007, [99_999_999_999, 1])).toEqual([1_000_000_007, 0]);
  });

  it('rounds a percentage half-up and never takes more than the subtotal', () => {
    const pct = { kind: 'PERCENTAGE' as const, percentBp: 1_000, amountOff: null };
    expect(couponDiscount(pct, 1_005)).toBe(101);
    expect(couponDiscount(pct, 1_004)).toBe(100);
    expect(couponDiscount({ kind: 'FIXED', percentBp: null, amountOff: 5_000 }, 1_200)).toBe(1_200);
  });
});

describe('coupons', async () => {
  await startApi();
  beforeEach(async () => {
    await resetCheckout();
    await db.prisma.taxRate.create({ data: { country: 'FR', rateBp: 2000 } });
  });

  const input = (extra: Partial<CouponInput> = {}): CouponInput => ({
    code: `C${randomUUID().slice(0, 8)}`,
    kind: 'PERCENTAGE',
    percentBp: 1_000,
    ...extra,
  });
  const platformAdmin = () => contextFor(randomUUID(), { platform: [Permission.COUPONS_MANAGE] });

  it('a seller manages its own coupons only; platform coupons need platform COUPONS_MANAGE', async () => {
    const a = await createShop();
    const b = await createShop();
    const staff = contextFor(a.owner.id, {
      sellers: { [a.seller.id]: [Permission.COUPONS_MANAGE] },
    });
    const own = await createCoupon(staff, input({ sellerId: a.seller.id }));
    expect(own.errors).toEqual([]);
    expect(own.coupon).toMatchObject({ sellerId: a.seller.id, percentBp: 1_000, usedCount: 0 });
    expect(codes(await createCoupon(staff, input({ sellerId: b.seller.id })))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await createCoupon(staff, input()))).toEqual(['FORBIDDEN']);
    expect(() => sellerCoupons(staff, b.seller.id, { first: 10 })).toThrow();
    expect((await sellerCoupons(staff, a.seller.id, { first: 10 })).edges).toHaveLength(1);
    const other = contextFor(b.owner.id, {
      sellers: { [b.seller.id]: [Permission.COUPONS_MANAGE] },
    });
    expect(
      codes(await updateCoupon(other, own.coupon!.id, input({ sellerId: a.seller.id }))),
    ).toEqual(['FORBIDDEN']);
    expect((await createCoupon(platformAdmin(), input())).errors).toEqual([]);
    expect(await db.prisma.coupon.count()).toBe(2);
    // A platform manager may name any seller, but only one that exists.
    expect(
      (await createCoupon(platformAdmin(), input({ code: 'GHOST10', sellerId: randomUUID() })))
        .errors,
    ).toMatchObject([{ code: 'NOT_FOUND', field: 'sellerId' }]);
    expect(await db.prisma.coupon.count()).toBe(2);
  });

  it('refuses bad coupons with coded errors and writes nothing', async () => {
    const admin = platformAdmin();
    const bad: [Partial<CouponInput>, string][] = [
      [{ code: 'a b' }, 'CODE_INVALID'],
      [{ percentBp: 0 }, 'VALUE_INVALID'],
      [{ percentBp: 10_001 }, 'VALUE_INVALID'],
      [{ kind: 'FIXED', amountOff: 500 }, 'CURRENCY_INVALID'],
      [{ kind: 'FIXED', amountOff: -1, currency: 'USD' }, 'VALUE_INVALID'],
      [{ minSubtotal: 1_000 }, 'CURRENCY_INVALID'],
      [{ startsAt: new Date('2030-01-02'), endsAt: new Date('2030-01-01') }, 'WINDOW_INVALID'],
      [{ usageLimit: 0 }, 'LIMIT_INVALID'],
      [{ perCustomerLimit: -2 }, 'LIMIT_INVALID'],
      [{ currency: 'XXY' }, 'CURRENCY_INVALID'],
    ];
    for (const [extra, code] of bad)
      expect(codes(await createCoupon(admin, input(extra)))).toEqual([code]);
    expect(await db.prisma.coupon.count()).toBe(0);
    await createCoupon(admin, input({ code: 'SAME' }));
    expect(codes(await createCoupon(admin, input({ code: 'same' })))).toEqual(['CODE_TAKEN']);
  });

  async function cart(funds = 100_000) {
    const a = await createShop();
    const b = await createShop();
    const offerA = await a.offer({ warehouse: 5 }, 3_000);
    const offerB = await b.offer({ warehouse: 5 }, 7_001);
    const user = await createShopper(funds);
    await fillCart(user.id, [
      { offer: offerA, quantity: 1 },
      { offer: offerB, quantity: 1 },
    ]);
    return { a, b, user, ctx: contextFor(user.id) };
  }
  const place = async (ctx: ReturnType<typeof contextFor>, extra: CheckoutInput = {}) => {
    const quote = await checkout(ctx, { paymentMethod: 'WALLET', ...extra });
    return completeCheckout(ctx, {
      paymentMethod: 'WALLET',
      idempotencyKey: randomUUID(),
      expectedGrandTotal: quote.grandTotal.amount,
      ...extra,
    } as CheckoutCompleteInput);
  };

  it('a platform coupon spreads over every order; tax is on the discounted lines', async () => {
    const { ctx } = await cart();
    await createCoupon(platformAdmin(), input({ code: 'WELCOME10' }));
    const quote = await checkout(ctx, { couponCode: 'welcome10' });
    expect(quote.problems).toEqual([]);
    expect(quote.coupon).toMatchObject({ code: 'WELCOME10', discount: { amount: 1_000 } });
    expect(quote.groups.map((g) => [g.discount.amount, g.tax.amount])).toEqual([
      [300, 540],
      [700, 1_260],
    ]);
    const result = await place(ctx, { couponCode: 'WELCOME10' });
    expect(result.errors).toEqual([]);
    const orders = await db.prisma.order.findMany({ orderBy: { itemsSubtotal: 'asc' } });
    expect(orders.map((o) => [o.discountTotal, o.platformDiscount])).toEqual([
      [300, 300],
      [700, 700],
    ]);
    expect((await db.prisma.coupon.findFirstOrThrow()).usedCount).toBe(1);
    expect(await db.prisma.couponRedemption.count()).toBe(1);
  });

  it("a seller's coupon discounts that seller's order only, funded by the seller", async () => {
    const { ctx, b } = await cart();
    const staff = contextFor(b.owner.id, {
      sellers: { [b.seller.id]: [Permission.COUPONS_MANAGE] },
    });
    await createCoupon(
      staff,
      input({
        code: 'BSHOP',
        sellerId: b.seller.id,
        kind: 'FIXED',
        percentBp: null,
        amountOff: 1_000,
        currency: 'USD',
      }),
    );
    const result = await place(ctx, { couponCode: 'BSHOP' });
    expect(result.errors).toEqual([]);
    const orders = await db.prisma.order.findMany({ orderBy: { itemsSubtotal: 'asc' } });
    expect(orders.map((o) => [o.discountTotal, o.platformDiscount])).toEqual([
      [0, 0],
      [1_000, 0],
    ]);
  });

  it('refuses unknown, expired, below-minimum, other-currency and used-up coupons', async () => {
    const { ctx } = await cart();
    const admin = platformAdmin();
    await createCoupon(
      admin,
      input({ code: 'OLD', startsAt: new Date('2020-01-01'), endsAt: new Date('2020-02-01') }),
    );
    await createCoupon(admin, input({ code: 'BIG', minSubtotal: 50_000, currency: 'USD' }));
    await createCoupon(
      admin,
      input({ code: 'EURO', kind: 'FIXED', percentBp: null, amountOff: 100, currency: 'EUR' }),
    );
    await createCoupon(admin, input({ code: 'ONCE', usageLimit: 1 }));
    await createCoupon(admin, input({ code: 'MINE', perCustomerLimit: 1 }));
    const problem = async (code: string) =>
      (await checkout(ctx, { couponCode: code })).problems.map((p) => p.code);
    expect(await problem('NOPE')).toEqual(['COUPON_INVALID']);
    expect(await problem('OLD')).toEqual(['COUPON_EXPIRED']);
    expect(await problem('BIG')).toEqual(['COUPON_MIN_SUBTOTAL']);
    expect(await problem('EURO')).toEqual(['COUPON_INVALID']);

    const other = await cart();
    expect((await place(other.ctx, { couponCode: 'ONCE' })).errors).toEqual([]);
    expect(codes(await place(ctx, { couponCode: 'ONCE' }))).toEqual(['COUPON_USED_UP']);
    expect((await place(ctx, { couponCode: 'MINE' })).errors).toEqual([]);
    await fillCart(ctx.session.userId!, [
      { offer: { id: (await db.prisma.offer.findFirstOrThrow()).id, price: 3_000 }, quantity: 1 },
    ]);
    expect(codes(await place(ctx, { couponCode: 'MINE' }))).toEqual(['COUPON_USED_UP']);
  });

  it('a per-customer limit of 1 holds against the same customer checking out twice at once', async () => {
    const { ctx, user } = await cart();
    const offer = await db.prisma.offer.findFirstOrThrow({ orderBy: { price: 'asc' } });
    await createCoupon(platformAdmin(), input({ code: 'MINE', perCustomerLimit: 1 }));
    const quote = await checkout(ctx, { couponCode: 'MINE', paymentMethod: 'WALLET' });
    const attempt = () =>
      completeCheckout(contextFor(user.id), {
        couponCode: 'MINE',
        paymentMethod: 'WALLET',
        idempotencyKey: randomUUID(),
        expectedGrandTotal: quote.grandTotal.amount,
      } as CheckoutCompleteInput);
    const results = await Promise.all([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(await db.prisma.couponRedemption.count()).toBe(1);
    expect((await db.prisma.coupon.findFirstOrThrow()).usedCount).toBe(1);
    expect(offer).toBeTruthy();
  });

  it('a purchase a coupon pays in full is PAID at once, with no payment', async () => {
    const { ctx } = await cart();
    await createCoupon(platformAdmin(), input({ code: 'ALL', percentBp: 10_000 }));
    const choices = (await db.prisma.seller.findMany()).map((s) => ({
      sellerId: s.id,
      fulfilment: 'PICKUP' as const,
      pickupStoreId: null as string | null,
    }));
    for (const choice of choices)
      choice.pickupStoreId = (
        await db.prisma.store.findFirstOrThrow({ where: { sellerId: choice.sellerId } })
      ).id;
    const result = await place(ctx, { couponCode: 'ALL', choices });
    expect(result.errors).toEqual([]);
    expect(result.purchase!.grandTotal.amount).toBe(0);
    expect((await db.prisma.order.findMany()).map((o) => o.status)).toEqual(['PAID', 'PAID']);
    expect(await db.prisma.payment.count()).toBe(0);
  });

  it('gives the use back when the whole purchase is cancelled unpaid', async () => {
    const { ctx, a, b } = await cart();
    await createCoupon(platformAdmin(), input({ code: 'BACK', usageLimit: 1 }));
    const choices = [
      { sellerId: a.seller.id, fulfilment: 'PICKUP' as const, pickupStoreId: a.store.id },
      { sellerId: b.seller.id, fulfilment: 'PICKUP' as const, pickupStoreId: b.store.id },
    ];
    const result = await place(ctx, { couponCode: 'BACK', choices, paymentMethod: 'IN_STORE' });
    expect(result.errors).toEqual([]);
    expect((await db.prisma.coupon.findFirstOrThrow()).usedCount).toBe(1);
    await runUnpaidOrderExpiry(db.prisma, new Date(Date.now() + 100 * 3_600_000));
    expect((await db.prisma.coupon.findFirstOrThrow()).usedCount).toBe(0);
    expect((await db.prisma.couponRedemption.findFirstOrThrow()).releasedAt).not.toBeNull();
  });
});
