// Fixtures of the checkout and orders tests: a shop with stock, shipping and
// tax; shoppers with an address, a cart and wallet money; a request context
// for calling services directly (as a resolver would, after its access check).
import { randomUUID } from 'node:crypto';
import type { Permission } from '@bazaar/schema';
import pino from 'pino';
import type { Context } from '../src/context.js';
import { createContext } from '../src/context.js';
import { loadEnv } from '../src/env.js';
import { completeCheckout } from '../src/modules/checkout/checkout-complete.service.js';
import { checkout } from '../src/modules/checkout/checkout.service.js';
import type { CheckoutCompleteInput } from '../src/modules/checkout/checkout.types.js';
import { db } from './api.js';
import { createSeller, createUser } from './accounts.js';
import { createOffer, createProductWithVariant, resetCatalog } from './catalog.js';
import { fundWallet, resetPayments } from './payments.js';

export const CURRENCY = 'USD';

export async function resetCheckout(): Promise<void> {
  await resetPayments();
  await db.prisma.$executeRawUnsafe(
    `TRUNCATE coupons, stock_reservations, stock_movements, stock_levels, stock_locations,
              cart_lines, carts, shipping_methods, tax_rates, addresses CASCADE`,
  );
  await resetCatalog();
}

const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const log = pino({ level: 'silent' });

/** A context as a resolver gets it: the user's session with these permissions. */
export function contextFor(
  userId: string | null,
  grants: { platform?: Permission[]; sellers?: Record<string, Permission[]> } = {},
  overrides: Partial<Context['services']['env']> = {},
): Context {
  return createContext({
    requestId: randomUUID(),
    log,
    ip: '127.0.0.1',
    userAgent: null,
    locale: 'en',
    http: { cookie: () => undefined, setCookie: () => {}, clearCookie: () => {} },
    session: {
      userId,
      sessionId: null,
      apiKeyId: null,
      permissions: new Set(grants.platform ?? []),
      sellerPermissions: new Map(
        Object.entries(grants.sellers ?? {}).map(([id, list]) => [id, new Set(list)]),
      ),
    },
    sessionProblem: null,
    db,
    services: { env: { ...env, ...overrides }, keyRing: null as never, authorizer: null as never },
  });
}

let shops = 0;

/** A seller with a warehouse and its store's stock location, delivery to FR and DE, 20 % VAT in FR. */
export async function createShop(slug = `shop${++shops}`) {
  const { seller, store, owner } = await createSeller(slug);
  const warehouse = await db.prisma.stockLocation.create({
    data: { sellerId: seller.id, kind: 'WAREHOUSE', name: 'Main' },
  });
  const counter = await db.prisma.stockLocation.create({
    data: { sellerId: seller.id, kind: 'STORE', storeId: store.id, name: store.name },
  });
  const standard = await db.prisma.shippingMethod.create({
    data: {
      sellerId: seller.id,
      name: 'Standard',
      currency: CURRENCY,
      flatFee: 500,
      freeOver: 10_000,
      countries: ['FR', 'DE'],
      minDays: 2,
      maxDays: 4,
    },
  });
  const express = await db.prisma.shippingMethod.create({
    data: {
      sellerId: seller.id,
      name: 'Express',
      currency: CURRENCY,
      flatFee: 1_500,
      countries: ['FR'],
      minDays: 1,
      maxDays: 1,
      position: 1,
    },
  });
  /** An offer with stock at the warehouse (and the store when given). */
  const offer = async (
    stock: { warehouse?: number; store?: number } = { warehouse: 10 },
    price = 2_000,
  ) => {
    const { variant, product } = await createProductWithVariant();
    const created = await createOffer(variant.id, seller.id, price);
    const levels = [] as { id: string }[];
    if (stock.warehouse !== undefined)
      levels.push(
        await db.prisma.stockLevel.create({
          data: { offerId: created.id, locationId: warehouse.id, onHand: stock.warehouse },
        }),
      );
    if (stock.store !== undefined)
      levels.push(
        await db.prisma.stockLevel.create({
          data: { offerId: created.id, locationId: counter.id, onHand: stock.store },
        }),
      );
    return { ...created, productId: product.id, levelIds: levels.map((l) => l.id) };
  };
  return { seller, store, owner, warehouse, counter, standard, express, offer };
}

let shoppers = 0;

/** A shopper with a default address in France and, when asked, wallet money. */
export async function createShopper(funds = 0, email = `shopper${++shoppers}@checkout.test`) {
  const user = await createUser(email);
  await db.prisma.address.create({
    data: {
      userId: user.id,
      recipient: 'Ada Shopper',
      line1: '1 rue de la Paix',
      city: 'Paris',
      postalCode: '75002',
      country: 'FR',
      isDefault: true,
    },
  });
  if (funds) await fundWallet(user.id, funds, CURRENCY);
  return user;
}

/** Puts the lines in the user's cart (as cartLinesAdd would). */
export async function fillCart(
  userId: string,
  lines: { offer: { id: string; price: number }; quantity: number }[],
) {
  const cart = await db.prisma.cart.upsert({
    where: { userId },
    create: { userId, currency: CURRENCY },
    update: {},
  });
  for (const line of lines)
    await db.prisma.cartLine.create({
      data: {
        cartId: cart.id,
        offerId: line.offer.id,
        quantity: line.quantity,
        unitPriceSeen: line.offer.price,
      },
    });
  return cart;
}

export async function stockOf(levelId: string) {
  return db.prisma.stockLevel.findUniqueOrThrow({
    where: { id: levelId },
    select: { onHand: true, reserved: true },
  });
}

/** Counts of everything checkout writes, to assert a refusal changed nothing. */
export async function checkoutCounts() {
  const [purchases, orders, lines, reservations, payments, entries, redemptions, cartLines] =
    await Promise.all([
      db.prisma.purchase.count(),
      db.prisma.order.count(),
      db.prisma.orderLine.count(),
      db.prisma.stockReservation.count(),
      db.prisma.payment.count(),
      db.prisma.ledgerEntry.count(),
      db.prisma.couponRedemption.count(),
      db.prisma.cartLine.count(),
    ]);
  return { purchases, orders, lines, reservations, payments, entries, redemptions, cartLines };
}

/** Quotes the caller's cart and places it at the quoted total (from the wallet unless told). */
export async function placePurchase(ctx: Context, input: Partial<CheckoutCompleteInput> = {}) {
  const paymentMethod = input.paymentMethod ?? 'WALLET';
  const quote = await checkout(ctx, { ...input, paymentMethod });
  return completeCheckout(ctx, {
    ...input,
    paymentMethod,
    idempotencyKey: randomUUID(),
    expectedGrandTotal: quote.grandTotal.amount,
  } as CheckoutCompleteInput);
}
