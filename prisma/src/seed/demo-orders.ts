import type { Faker } from '@faker-js/faker';
import type { OrderStatus, Prisma, PrismaClient } from '../generated/client/client.js';
import { SEED_CURRENCY } from './commerce.js';
import { DEMO_ACCOUNTS, DEMO_SELLER } from './demo-accounts.js';
import {
  type DemoLine,
  type PlaceInput,
  type PlacedOrder,
  cancelPaidOrder,
  completeOrder,
  moveOrder,
  openInStorePayment,
  payFromWallet,
  placeOrder,
  priceOrder,
  topUpWallet,
} from './order-steps.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long after the previous step the seller takes each step of a delivered order. */
const FULFILMENT: readonly { to: OrderStatus; after: number }[] = [
  { to: 'ACCEPTED', after: 5 * HOUR },
  { to: 'PACKED', after: 18 * HOUR },
  { to: 'SHIPPED', after: 8 * HOUR },
  { to: 'DELIVERED', after: 3 * DAY },
  { to: 'COMPLETED', after: 7 * DAY },
];
/** The API's defaults: RESERVATION_TTL_MINUTES and IN_STORE_PAYMENT_HOURS. */
const ONLINE_PAYMENT_MS = 15 * MINUTE;
const IN_STORE_PAYMENT_MS = 72 * HOUR;
/** Offers sold from keep at least this many available for other shoppers. */
const KEEP_AVAILABLE = 4;
/** How many different offers the demo orders buy. */
const OFFERS_USED = 6;

interface DemoStory {
  /** How long before now the shopper checked out. */
  placedAgo: number;
  status: OrderStatus;
  /** Units of each line: one cheap offer of the demo seller per line. */
  lines: number[];
  /** Picked up at the seller's store and paid there; otherwise delivered and paid from the wallet. */
  pickup?: true;
}

/** An order in each status a shopper and a seller meet most, oldest first. */
const STORIES: readonly DemoStory[] = [
  { placedAgo: 30 * DAY, status: 'COMPLETED', lines: [1, 1] },
  { placedAgo: 21 * DAY, status: 'CANCELLED', lines: [2] },
  { placedAgo: 12 * DAY, status: 'DELIVERED', lines: [1] },
  { placedAgo: 4 * DAY, status: 'SHIPPED', lines: [1] },
  { placedAgo: 1 * DAY, status: 'ACCEPTED', lines: [1] },
  { placedAgo: 3 * HOUR, status: 'PAID', lines: [1] },
  { placedAgo: 1 * HOUR, status: 'PLACED', lines: [1], pickup: true },
];

type Product = Omit<DemoLine, 'stockLevelId' | 'quantity' | 'taxRateBp'>;

/**
 * The demo seller's cheapest published offers in stock at its warehouse, of
 * different products, so the demo history spends little of the demo
 * shopper's wallet.
 */
async function cheapOffers(prisma: PrismaClient, sellerId: string) {
  const offers = await prisma.offer.findMany({
    where: {
      sellerId,
      status: 'ACTIVE',
      allowBackorder: false,
      currency: SEED_CURRENCY,
      variant: { product: { status: 'PUBLISHED' } },
    },
    include: {
      variant: { include: { product: true } },
      stockLevels: { where: { location: { kind: 'WAREHOUSE' } } },
    },
    orderBy: [{ price: 'asc' }, { id: 'asc' }],
  });
  // Enough for every demo unit, however the lines fall on the offers.
  const units = STORIES.flatMap((story) => story.lines).reduce((sum, q) => sum + q, 0);
  const products = new Set<string>();
  const picked = offers.flatMap((offer) => {
    const { product } = offer.variant;
    const level = offer.stockLevels.find((l) => l.onHand - l.reserved >= KEEP_AVAILABLE + units);
    // One variant per product: an order of two sizes of one shirt reads like a mistake.
    if (!level || products.has(product.id)) return [];
    products.add(product.id);
    const line: Product & { stockLevelId: string } = {
      offerId: offer.id,
      stockLevelId: level.id,
      productId: product.id,
      categoryId: product.categoryId,
      sku: offer.variant.sku,
      title: (product.title as Record<string, string>).en ?? offer.variant.sku,
      unitPrice: offer.price,
    };
    return [line];
  });
  if (!picked.length) throw new Error('demo orders: the demo seller has no offer in stock');
  return picked.slice(0, OFFERS_USED);
}

/** The seller's steps from PAID to `status`, each some time after the one before. */
async function fulfil(
  tx: Prisma.TransactionClient,
  faker: Faker,
  order: PlacedOrder,
  status: OrderStatus,
  paidAt: Date,
  actorId: string,
): Promise<void> {
  let when = paidAt.getTime();
  for (const step of FULFILMENT.slice(0, FULFILMENT.findIndex((s) => s.to === status) + 1)) {
    when += step.after;
    const move = { at: new Date(when), actorId };
    if (step.to === 'COMPLETED') await completeOrder(tx, faker, order, move);
    else
      await moveOrder(tx, faker, order, step.to, {
        ...move,
        set:
          step.to === 'SHIPPED'
            ? { carrier: 'Colissimo', trackingNumber: `6A${faker.string.numeric(11)}` }
            : undefined,
      });
  }
}

/**
 * The demo shopper's order history with the demo seller, an order in each
 * usual status, dated back from `now`: every order booked as the API books it
 * (a card top-up of the wallet, stock held then sold, the wallet paying the
 * seller's escrow, completion settling it, a cancellation refunding it), so
 * the back-office has orders to work on and the shopper a purchase history.
 */
export async function seedDemoOrders(prisma: PrismaClient, faker: Faker, now: Date): Promise<void> {
  const shopper = await prisma.user.findUniqueOrThrow({
    where: { email: DEMO_ACCOUNTS[2].email },
    include: { addresses: { where: { isDefault: true } } },
  });
  const seller = await prisma.seller.findUniqueOrThrow({
    where: { slug: DEMO_SELLER.slug },
    include: {
      stores: { orderBy: { id: 'asc' }, take: 1 },
      shippingMethods: { where: { name: 'Standard' } },
    },
  });
  const home = shopper.addresses[0]!;
  const store = seller.stores[0]!;
  const standard = seller.shippingMethods[0]!;
  const rates = await prisma.taxRate.findMany({ where: { region: null, categoryId: null } });
  const rateIn = (country: string) => rates.find((r) => r.country === country)?.rateBp ?? 0;
  const offers = await cheapOffers(prisma, seller.id);
  const address = {
    recipient: home.recipient,
    line1: home.line1,
    line2: home.line2,
    city: home.city,
    region: home.region,
    postalCode: home.postalCode,
    country: home.country,
    phone: home.phone,
  };

  let next = 0;
  const orders = STORIES.map((story, index): { story: DemoStory; input: PlaceInput } => {
    const at = new Date(now.getTime() - story.placedAgo);
    const taxRateBp = rateIn(story.pickup ? store.country : home.country);
    const lines = story.lines.map((quantity) => ({
      ...offers[next++ % offers.length]!,
      quantity,
      taxRateBp,
    }));
    const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
    const input: PlaceInput = {
      customerId: shopper.id,
      sellerId: seller.id,
      currency: SEED_CURRENCY,
      idempotencyKey: `demo-order-${index + 1}`,
      at,
      paymentDueAt: new Date(
        at.getTime() + (story.pickup ? IN_STORE_PAYMENT_MS : ONLINE_PAYMENT_MS),
      ),
      paymentMethod: story.pickup ? 'IN_STORE' : 'WALLET',
      delivery: story.pickup
        ? { fulfilment: 'PICKUP', storeId: store.id }
        : {
            fulfilment: 'DELIVERY',
            method: standard,
            fee: standard.freeOver !== null && subtotal >= standard.freeOver ? 0 : standard.flatFee,
            address,
          },
      lines,
    };
    return { story, input };
  });

  // The shopper topped up by card what the history costs, before the first
  // order: the wallet never runs dry on the way and ends holding the welcome credit.
  const cost = orders
    .filter(({ story }) => !story.pickup && story.status !== 'CANCELLED')
    .reduce((sum, { input }) => sum + priceOrder(input.lines, input.delivery).total, 0);
  await prisma.$transaction((tx) =>
    topUpWallet(tx, faker, {
      userId: shopper.id,
      amount: cost,
      currency: SEED_CURRENCY,
      at: new Date(orders[0]!.input.at.getTime() - DAY),
    }),
  );

  for (const { story, input } of orders) {
    await prisma.$transaction(async (tx) => {
      const order = await placeOrder(tx, faker, input);
      if (story.pickup) return openInStorePayment(tx, faker, order, input.at);
      const paidAt = new Date(input.at.getTime() + 1_000);
      await payFromWallet(tx, faker, order, paidAt);
      if (story.status === 'CANCELLED')
        return cancelPaidOrder(tx, faker, order, {
          at: new Date(paidAt.getTime() + 2 * HOUR),
          actorId: shopper.id,
          reason: 'Ordered by mistake',
        });
      await fulfil(tx, faker, order, story.status, paidAt, seller.ownerId);
    });
  }
}
