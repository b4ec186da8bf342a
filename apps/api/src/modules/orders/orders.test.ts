import { randomUUID } from 'node:crypto';
import type { OrderStatus } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createUser } from '../../../test/accounts.js';
import {
  CURRENCY,
  contextFor,
  createShop,
  createShopper,
  fillCart,
  placePurchase,
  resetCheckout,
  stockOf,
} from '../../../test/checkout.js';
import { balance, expectLedgerConsistent } from '../../../test/payments.js';
import type { CheckoutInput } from '../checkout/checkout.types.js';
import * as actions from './order-actions.service.js';
import { ORDER_MOVES, canMove } from './order-state.js';
import { placeOfflineOrder } from './offline-order.service.js';
import { allowedActions } from './orders.view.js';

const codes = (result: { errors: { code: string }[] }) => result.errors.map((e) => e.code);
const STAFF = [
  Permission.ORDERS_READ,
  Permission.ORDERS_MANAGE,
  Permission.PAYMENTS_COLLECT,
  Permission.REFUNDS_ISSUE,
  Permission.ORDERS_PLACE_OFFLINE,
];

describe('orders', async () => {
  await startApi();
  beforeEach(resetCheckout);

  /** One seller, a shopper with money, one order placed (wallet: PAID; in store: PLACED). */
  async function placed(
    options: { method?: 'WALLET' | 'IN_STORE'; quantity?: number; stock?: number } = {},
  ) {
    const shop = await createShop();
    const offer = await shop.offer({ warehouse: options.stock ?? 5 }, 2_000);
    const user = await createShopper(100_000);
    await fillCart(user.id, [{ offer, quantity: options.quantity ?? 2 }]);
    const customer = contextFor(user.id);
    const extra: CheckoutInput =
      options.method === 'IN_STORE'
        ? {
            choices: [
              { sellerId: shop.seller.id, fulfilment: 'PICKUP', pickupStoreId: shop.store.id },
            ],
          }
        : {};
    const result = await placePurchase(customer, {
      ...extra,
      paymentMethod: options.method ?? 'WALLET',
    });
    expect(result.errors).toEqual([]);
    const order = await db.prisma.order.findFirstOrThrow({
      where: { purchaseId: result.purchase!.id },
    });
    const staff = contextFor(shop.owner.id, { sellers: { [shop.seller.id]: STAFF } });
    return { shop, offer, user, customer, staff, order };
  }

  it('walks a delivery order through every status, recording actor and reason, and settles it', async () => {
    const { order, staff, shop } = await placed();
    expect((await actions.acceptOrder(staff, order.id)).order?.status).toBe('ACCEPTED');
    expect((await actions.packOrder(staff, order.id)).order?.status).toBe('PACKED');
    const shipped = await actions.shipOrder(staff, {
      id: order.id,
      carrier: 'La Poste',
      trackingNumber: 'LP123',
    });
    expect(shipped.order).toMatchObject({
      status: 'SHIPPED',
      carrier: 'La Poste',
      trackingNumber: 'LP123',
    });
    expect((await actions.deliverOrder(staff, order.id)).order?.status).toBe('DELIVERED');
    expect((await actions.completeOrder(staff, order.id)).order?.status).toBe('COMPLETED');
    const transitions = await db.prisma.orderTransition.findMany({
      where: { orderId: order.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(transitions.map((t) => t.toStatus)).toEqual([
      'PLACED',
      'PAID',
      'ACCEPTED',
      'PACKED',
      'SHIPPED',
      'DELIVERED',
      'COMPLETED',
    ]);
    expect(transitions.slice(2).every((t) => t.actorId === shop.owner.id)).toBe(true);
    expect(await balance('SELLER_AVAILABLE', { sellerId: shop.seller.id }, CURRENCY)).toBe(
      order.total,
    );
    expect(await balance('SELLER_ESCROW', { sellerId: shop.seller.id }, CURRENCY)).toBe(0);
    await expectLedgerConsistent();
  });

  it('allows exactly the moves of the state machine table, from every status', async () => {
    const { order, staff } = await placed();
    const targets: [OrderStatus, (id: string) => Promise<{ errors: { code: string }[] }>][] = [
      ['ACCEPTED', (id) => actions.acceptOrder(staff, id)],
      ['PACKED', (id) => actions.packOrder(staff, id)],
      ['SHIPPED', (id) => actions.shipOrder(staff, { id, carrier: 'DHL', trackingNumber: 'T1' })],
      ['DELIVERED', (id) => actions.deliverOrder(staff, id)],
      ['COMPLETED', (id) => actions.completeOrder(staff, id)],
    ];
    for (const from of Object.keys(ORDER_MOVES) as OrderStatus[]) {
      for (const [to, act] of targets) {
        await db.prisma.order.update({ where: { id: order.id }, data: { status: from } });
        const result = await act(order.id);
        const allowed = canMove({ ...order, status: from }, to);
        expect([from, to, codes(result)]).toEqual([
          from,
          to,
          allowed ? [] : ['TRANSITION_NOT_ALLOWED'],
        ]);
      }
    }
    // Online PAID cannot jump to DELIVERED; a delivery order is never "collected".
    expect(
      canMove({ status: 'PAID', channel: 'ONLINE', fulfilment: 'DELIVERY' }, 'DELIVERED'),
    ).toBe(false);
    expect(
      canMove({ status: 'PACKED', channel: 'ONLINE', fulfilment: 'DELIVERY' }, 'DELIVERED'),
    ).toBe(false);
    expect(canMove({ status: 'PACKED', channel: 'ONLINE', fulfilment: 'PICKUP' }, 'SHIPPED')).toBe(
      false,
    );
  });

  it('refuses bad input and other sellers with coded errors, changing nothing', async () => {
    const { order, staff, customer } = await placed();
    const other = await createShop();
    const stranger = contextFor(other.owner.id, { sellers: { [other.seller.id]: STAFF } });
    expect(codes(await actions.acceptOrder(stranger, order.id))).toEqual(['NOT_FOUND']);
    expect(codes(await actions.acceptOrder(staff, 'not-a-uuid'))).toEqual(['NOT_FOUND']);
    expect(codes(await actions.acceptOrder(customer, order.id))).toEqual(['FORBIDDEN']);
    expect(codes(await actions.markOrderPaid(staff, order.id))).toEqual([
      'NOT_IN_STORE_PAYMENT',
      'TRANSITION_NOT_ALLOWED',
    ]);
    await actions.acceptOrder(staff, order.id);
    await actions.packOrder(staff, order.id);
    expect(
      codes(await actions.shipOrder(staff, { id: order.id, carrier: ' ', trackingNumber: '' })),
    ).toEqual(['CARRIER_REQUIRED', 'TRACKING_NUMBER_REQUIRED']);
    expect(codes(await actions.cancelOrderAction(staff, { id: order.id, reason: 'x' }))).toEqual([
      'REASON_REQUIRED',
    ]);
    expect(
      codes(await actions.cancelOrderAction(customer, { id: order.id, reason: 'changed my mind' })),
    ).toEqual(['FORBIDDEN']);
    const row = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect([row.status, row.carrier, row.refundedTotal]).toEqual(['PACKED', null, 0]);
  });

  it('a lost race gets ORDER_STATUS_CHANGED: two accepts at once, one wins', async () => {
    const { order, staff } = await placed();
    const results = await Promise.all([
      actions.acceptOrder(staff, order.id),
      actions.acceptOrder(
        contextFor(staff.session.userId, { sellers: { [order.sellerId]: STAFF } }),
        order.id,
      ),
    ]);
    expect(results.map(codes).sort()).toEqual([[], ['ORDER_STATUS_CHANGED']]);
    expect(await db.prisma.orderTransition.count({ where: { toStatus: 'ACCEPTED' } })).toBe(1);
  });

  it('cancelling a paid order refunds the wallet and puts the stock back on hand', async () => {
    const { order, staff, user, offer } = await placed();
    const before = await balance('WALLET', { userId: user.id }, CURRENCY);
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    const result = await actions.cancelOrderAction(staff, {
      id: order.id,
      reason: 'damaged in stock',
    });
    expect(result.errors).toEqual([]);
    expect(result.order).toMatchObject({ status: 'CANCELLED', cancelReason: 'damaged in stock' });
    expect(result.order!.refundedTotal.amount).toBe(order.total);
    expect(await balance('WALLET', { userId: user.id }, CURRENCY)).toBe(before + order.total);
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 5, reserved: 0 });
    expect(await db.prisma.stockMovement.count({ where: { reason: 'RECEIVED', delta: 2 } })).toBe(
      1,
    );
    await expectLedgerConsistent();
    expect(
      codes(await actions.cancelOrderAction(staff, { id: order.id, reason: 'again' })),
    ).toEqual(['TRANSITION_NOT_ALLOWED']);
  });

  it('the customer cancels their own order before acceptance', async () => {
    const { order, customer } = await placed();
    const shown = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(allowedActions(customer, shown)).toEqual(['CANCEL']);
    const result = await actions.cancelOrderAction(customer, {
      id: order.id,
      reason: 'ordered twice',
    });
    expect(result.errors).toEqual([]);
    expect(result.order?.status).toBe('CANCELLED');
  });

  it('refunds part of a paid order once per key, never more than is left', async () => {
    const { order, staff, user } = await placed();
    const before = await balance('WALLET', { userId: user.id }, CURRENCY);
    const refund = (amount: number, idempotencyKey: string = randomUUID()) =>
      actions.refundOrderAction(staff, {
        id: order.id,
        amount,
        reason: 'late delivery',
        idempotencyKey,
      });
    const key = randomUUID();
    const first = await refund(1_000, key);
    expect(first.errors).toEqual([]);
    expect(first.refund).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 1_000 } });
    expect((await refund(1_000, key)).refund?.id).toBe(first.refund!.id);
    expect(codes(await refund(order.total))).toEqual(['AMOUNT_INVALID']);
    expect(codes(await refund(0))).toEqual(['AMOUNT_INVALID']);
    expect(codes(await refund(10, 'short'))).toEqual(['IDEMPOTENCY_KEY_INVALID']);
    const other = await createShop();
    const stranger = contextFor(other.owner.id, { sellers: { [other.seller.id]: STAFF } });
    expect(
      codes(
        await actions.refundOrderAction(stranger, {
          id: order.id,
          amount: 1,
          reason: 'nope',
          idempotencyKey: randomUUID(),
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(await balance('WALLET', { userId: user.id }, CURRENCY)).toBe(before + 1_000);
    expect(
      (await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedTotal,
    ).toBe(1_000);
  });

  it('an in-store order is marked paid at the counter, its stock sold, then collected', async () => {
    const { order, staff, offer } = await placed({ method: 'IN_STORE' });
    expect(order.status).toBe('PLACED');
    expect(allowedActions(staff, order)).toEqual(['CANCEL', 'MARK_PAID']);
    const paid = await actions.markOrderPaid(staff, order.id);
    expect(paid.errors).toEqual([]);
    expect(paid.order).toMatchObject({ status: 'PAID', paid: true });
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    expect(
      (await db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).status,
    ).toBe('SUCCEEDED');
    await actions.acceptOrder(staff, order.id);
    await actions.packOrder(staff, order.id);
    expect((await actions.deliverOrder(staff, order.id)).order?.status).toBe('DELIVERED');
  });

  describe('offline orders', () => {
    async function counterSetup() {
      const shop = await createShop();
      const secondStore = await db.prisma.store.create({
        data: {
          sellerId: shop.seller.id,
          name: 'Second',
          line1: '2 rue',
          city: 'Lyon',
          postalCode: '69002',
          country: 'FR',
        },
      });
      const clerk = await createUser(`clerk${randomUUID().slice(0, 6)}@counter.test`, [
        { role: 'store_counter', sellerId: shop.seller.id, storeId: shop.store.id },
      ]);
      const ctx = contextFor(clerk.id, {
        sellers: {
          [shop.seller.id]: [
            Permission.ORDERS_PLACE_OFFLINE,
            Permission.PAYMENTS_COLLECT,
            Permission.ORDERS_READ,
          ],
        },
      });
      return { shop, secondStore, clerk, ctx };
    }
    const place = (
      ctx: ReturnType<typeof contextFor>,
      input: Partial<Parameters<typeof placeOfflineOrder>[1]> & {
        sellerId: string;
        storeId: string;
      },
    ) => placeOfflineOrder(ctx, { lines: [], idempotencyKey: randomUUID(), ...input });

    it('sells from the store stock for a walk-in, paid and handed over at the counter', async () => {
      const { shop, ctx } = await counterSetup();
      const offer = await shop.offer({ warehouse: 10, store: 2 }, 1_500);
      const customer = await createShopper(0, 'walkin@counter.test');
      const key = randomUUID();
      const result = await place(ctx, {
        sellerId: shop.seller.id,
        storeId: shop.store.id,
        customerEmail: 'WALKIN@counter.test',
        lines: [{ offerId: offer.id, quantity: 2 }],
        idempotencyKey: key,
      });
      expect(result.errors).toEqual([]);
      expect(result.order).toMatchObject({
        status: 'PLACED',
        channel: 'OFFLINE',
        paymentMethod: 'IN_STORE',
        fulfilment: 'PICKUP',
      });
      expect(result.order!.row.customerId).toBe(customer.id);
      // Only the store's level is held, never the warehouse's.
      expect(await stockOf(offer.levelIds[1]!)).toEqual({ onHand: 2, reserved: 2 });
      expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 10, reserved: 0 });
      const again = await place(ctx, {
        sellerId: shop.seller.id,
        storeId: shop.store.id,
        lines: [{ offerId: offer.id, quantity: 2 }],
        idempotencyKey: key,
      });
      expect(again.purchase!.id).toBe(result.purchase!.id);
      expect((await actions.markOrderPaid(ctx, result.order!.id)).order?.status).toBe('PAID');
      expect((await actions.deliverOrder(ctx, result.order!.id)).order?.status).toBe('DELIVERED');
      expect(await stockOf(offer.levelIds[1]!)).toEqual({ onHand: 0, reserved: 0 });
    });

    it('refuses other stores, other sellers, withdrawn offers, bad quantities and missing stock', async () => {
      const { shop, secondStore, ctx } = await counterSetup();
      const offer = await shop.offer({ warehouse: 10, store: 1 });
      const warehouseOnly = await shop.offer({ warehouse: 10 });
      const withdrawn = await shop.offer({ store: 5 });
      await db.prisma.offer.update({ where: { id: withdrawn.id }, data: { status: 'INACTIVE' } });
      const other = await createShop();
      const foreign = await other.offer({ store: 5 });
      const at = { sellerId: shop.seller.id, storeId: shop.store.id };
      const line = (offerId: string, quantity = 1) => ({ lines: [{ offerId, quantity }] });
      expect(
        codes(await place(ctx, { ...at, storeId: secondStore.id, ...line(offer.id) })),
      ).toEqual(['STORE_NOT_ALLOWED']);
      expect(
        codes(await place(ctx, { ...at, storeId: other.store.id, ...line(offer.id) })),
      ).toEqual(['STORE_NOT_FOUND']);
      expect(
        codes(await place(ctx, { ...at, sellerId: other.seller.id, ...line(foreign.id) })),
      ).toEqual(['FORBIDDEN']);
      expect(codes(await place(ctx, { ...at, ...line(foreign.id) }))).toEqual([
        'OFFER_UNAVAILABLE',
      ]);
      expect(codes(await place(ctx, { ...at, ...line(withdrawn.id) }))).toEqual([
        'OFFER_UNAVAILABLE',
      ]);
      for (const quantity of [0, -1, 1_000, 1.5])
        expect(codes(await place(ctx, { ...at, ...line(offer.id, quantity) }))).toEqual([
          'QUANTITY_INVALID',
        ]);
      expect(codes(await place(ctx, { ...at, ...line(offer.id, 2) }))).toEqual(['OUT_OF_STOCK']);
      expect(codes(await place(ctx, { ...at, ...line(warehouseOnly.id) }))).toEqual([
        'OUT_OF_STOCK',
      ]);
      expect(
        codes(await place(ctx, { ...at, ...line(offer.id), customerEmail: 'nobody@x.test' })),
      ).toEqual(['CUSTOMER_NOT_FOUND']);
      expect(codes(await place(ctx, at))).toEqual(['LINES_REQUIRED']);
      expect(codes(await place(ctx, { ...at, ...line(offer.id), idempotencyKey: 'x' }))).toEqual([
        'IDEMPOTENCY_KEY_INVALID',
      ]);
      expect(await db.prisma.purchase.count()).toBe(0);
      expect(await db.prisma.stockReservation.count()).toBe(0);
      // Anonymous is fine, at the clerk's own store.
      const ok = await place(ctx, { ...at, ...line(offer.id) });
      expect(ok.errors).toEqual([]);
      expect(ok.order!.row.customerId).toBeNull();
    });
  });
});
