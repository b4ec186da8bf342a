// A counter sale: a salesperson or store counter places an order for a
// walk-in customer (an account found by e-mail, or anonymous) from ONE
// store's stock, paid in store and picked up there. A store-counter account
// (role assignment with a store) may only sell from its own store.
import { Permission } from '@bazaar/schema';
import { Prisma, type Purchase as PurchaseRow } from '@bazaar/db';
import { can } from '../../common/auth/session.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { MAX_LINES_PER_CALL, MAX_QUANTITY } from '../cart/cart.types.js';
import { loadCheckoutLines } from '../checkout/checkout.data.js';
import { HOLD_GRACE_MS, insertOrders } from '../checkout/checkout-complete.service.js';
import { priceCheckout } from '../checkout/checkout.pricing.js';
import { uuidv7 } from '../../common/ids/uuidv7.js';
import { StockShortError, reserveStock } from '../inventory/reservations.service.js';
import { openPurchasePayments } from '../payments/purchase-payments.js';
import type { OfflineOrderCode } from './orders.errors.js';
import type { OfflineOrderInput } from './orders.types.js';
import { toOrder, toPurchase } from './orders.view.js';

/** The stores the caller may sell from for the seller: null = any of them. */
async function allowedStores(ctx: Context, sellerId: string): Promise<string[] | null> {
  if (ctx.session.permissions.has(Permission.ORDERS_PLACE_OFFLINE)) return null;
  const rows = await ctx.db.prisma.$queryRaw<{ storeId: string | null }[]>`
    SELECT ra.store_id::text AS "storeId" FROM role_assignments ra JOIN roles r ON r.id = ra.role_id
     WHERE ra.user_id = ${ctx.session.userId}::uuid AND ra.seller_id = ${sellerId}::uuid
       AND ${Permission.ORDERS_PLACE_OFFLINE} = ANY(r.permissions)`;
  if (!rows.length || rows.some((r) => r.storeId === null)) return null;
  return rows.map((r) => r.storeId!);
}

async function result(ctx: Context, purchase: PurchaseRow) {
  const order = await ctx.db.prisma.order.findFirst({ where: { purchaseId: purchase.id } });
  return {
    purchase: toPurchase(purchase, ctx.locale),
    order: order ? toOrder(order, ctx.locale) : null,
    errors: [],
  };
}

export async function placeOfflineOrder(ctx: Context, input: OfflineOrderInput) {
  const errors = new PayloadErrors<OfflineOrderCode>();
  const fail = () => ({ purchase: null, order: null, errors: errors.list });
  const actorId = ctx.session.userId!;
  const key = input.idempotencyKey.trim();
  if (key.length < 8 || key.length > 100)
    errors.add('IDEMPOTENCY_KEY_INVALID', 'Use 8 to 100 characters.', 'idempotencyKey');
  if (!input.lines.length) errors.add('LINES_REQUIRED', 'Add at least one item.', 'lines');
  if (input.lines.length > MAX_LINES_PER_CALL)
    errors.add('TOO_MANY', `At most ${MAX_LINES_PER_CALL} lines.`, 'lines');
  input.lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY)
      errors.add(
        'QUANTITY_INVALID',
        `The quantity must be 1 to ${MAX_QUANTITY}.`,
        `lines.${i}.quantity`,
      );
    if (!isUuid(line.offerId))
      errors.add('OFFER_UNAVAILABLE', 'This item is not for sale here.', `lines.${i}.offerId`);
  });
  if (!isUuid(input.sellerId) || !can(ctx.session, Permission.ORDERS_PLACE_OFFLINE, input.sellerId))
    return (errors.add('FORBIDDEN', 'You cannot sell for this seller.', 'sellerId'), fail());
  if (errors.any) return fail();

  const existing = await ctx.db.prisma.purchase.findUnique({
    where: { placedById_idempotencyKey: { placedById: actorId, idempotencyKey: key } },
  });
  if (existing) return result(ctx, existing);

  const store = isUuid(input.storeId)
    ? await ctx.db.prisma.store.findUnique({
        where: { id: input.storeId },
        include: { location: true },
      })
    : null;
  if (!store || store.sellerId !== input.sellerId)
    return (errors.add('STORE_NOT_FOUND', 'This store does not exist.', 'storeId'), fail());
  const stores = await allowedStores(ctx, input.sellerId);
  if (stores && !stores.includes(store.id))
    return (
      errors.add('STORE_NOT_ALLOWED', 'You can only sell from your own store.', 'storeId'),
      fail()
    );
  let customerId: string | null = null;
  const email = input.customerEmail?.trim();
  if (email) {
    const customer = await ctx.db.prisma.user.findFirst({
      where: { email: { equals: email, mode: 'insensitive' } },
      select: { id: true },
    });
    if (!customer)
      return (
        errors.add('CUSTOMER_NOT_FOUND', 'No account has this e-mail.', 'customerEmail'),
        fail()
      );
    customerId = customer.id;
  }

  const locationIds = store.location ? [store.location.id] : [];
  const { lines } = await loadCheckoutLines(ctx.db.prisma, ctx.locale, {
    offers: input.lines.map((line, i) => ({
      lineId: String(i),
      offerId: line.offerId,
      quantity: line.quantity,
    })),
    locationIds,
  });
  for (const line of lines) {
    if (line.withdrawn || line.sellerId !== input.sellerId)
      errors.add(
        'OFFER_UNAVAILABLE',
        'This item is not for sale here.',
        `lines.${line.lineId}.offerId`,
      );
    else if (line.short)
      errors.add(
        'OUT_OF_STOCK',
        `Not enough ${line.title} in this store.`,
        `lines.${line.lineId}.quantity`,
      );
  }
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size > 1)
    errors.add('OFFER_UNAVAILABLE', 'All items must be in one currency.', 'lines');
  if (errors.any) return fail();

  const currency = lines[0]!.currency;
  const taxRates = await ctx.db.prisma.taxRate.findMany({ where: { country: store.country } });
  const priced = priceCheckout({
    lines,
    currency,
    address: null,
    choices: new Map([
      [input.sellerId, { fulfilment: 'PICKUP' as const, pickupStoreId: store.id }],
    ]),
    methodsBySeller: new Map(),
    storesBySeller: new Map([[input.sellerId, [store]]]),
    taxRates,
    coupon: null,
    now: new Date(),
  });
  const group = priced.groups[0]!;
  const orderId = uuidv7();
  const dueAt = new Date(Date.now() + ctx.services.env.IN_STORE_PAYMENT_HOURS * 3_600_000);
  try {
    const purchase = await ctx.db.prisma.$transaction(async (tx) => {
      const purchase = await tx.purchase.create({
        data: {
          customerId,
          placedById: actorId,
          idempotencyKey: key,
          channel: 'OFFLINE',
          paymentMethod: 'IN_STORE',
          currency,
          itemsSubtotal: priced.itemsSubtotal,
          shippingTotal: 0,
          taxTotal: priced.taxTotal,
          grandTotal: priced.grandTotal,
          contactEmail: email ?? null,
        },
      });
      await reserveStock(tx, {
        reference: orderId,
        expiresAt: new Date(dueAt.getTime() + HOLD_GRACE_MS),
        lines: group.lines.map((l) => ({ offerId: l.offerId, quantity: l.quantity })),
        locationIds,
      });
      await insertOrders(tx, {
        purchaseId: purchase.id,
        customerId,
        actorId,
        channel: 'OFFLINE',
        paymentMethod: 'IN_STORE',
        currency,
        dueAt,
        address: null,
        groups: [group],
        orderIds: new Map([[input.sellerId, orderId]]),
      });
      if (group.total > 0)
        await openPurchasePayments(tx, {
          purchaseId: purchase.id,
          payerId: customerId,
          method: 'IN_STORE',
          currency,
          amount: group.total,
          orders: [{ orderId, sellerId: input.sellerId, total: group.total, platformDiscount: 0 }],
        });
      return purchase;
    });
    return result(ctx, purchase);
  } catch (error) {
    const winner = await ctx.db.prisma.purchase.findUnique({
      where: { placedById_idempotencyKey: { placedById: actorId, idempotencyKey: key } },
    });
    if (winner) return result(ctx, winner);
    if (error instanceof StockShortError) {
      for (const offerId of error.offerIds) {
        const i = input.lines.findIndex((l) => l.offerId === offerId);
        errors.add('OUT_OF_STOCK', 'Not enough in this store.', `lines.${i}.quantity`);
      }
      return fail();
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw error;
    throw error;
  }
}
