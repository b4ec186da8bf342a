import type { Faker } from '@faker-js/faker';
import type { OfferCondition, Prisma, PrismaClient } from '../generated/client/client.js';
import { insertRows } from './bulk.js';
import { retailPrice, type SeededProduct, type SeedSeller } from './products.js';

/** How many sellers besides the owner offer a product: weights for 0, 1, 2, 3. */
const EXTRA_SELLERS = [
  { weight: 35, value: 0 },
  { weight: 35, value: 1 },
  { weight: 20, value: 2 },
  { weight: 10, value: 3 },
];
/** The demo seller also offers about this many products other sellers own. */
const DEMO_SELLER_EXTRA_OFFERS = 12;
/** One offer in this many takes backorders (and has none on hand). */
const BACKORDER_EVERY = 60;

const DAY = 86_400_000;

export interface OfferSeedResult {
  offers: number;
  stockLevels: number;
}

/** `count` distinct sellers drawn from `pool`, none of them in `exclude`. */
function pickSellers(
  faker: Faker,
  pool: SeedSeller[],
  count: number,
  exclude: Set<string>,
): SeedSeller[] {
  const picked: SeedSeller[] = [];
  const wanted = Math.min(count, pool.length - exclude.size);
  for (let tries = 0; picked.length < wanted && tries < wanted * 20; tries++) {
    const seller = faker.helpers.arrayElement(pool);
    if (exclude.has(seller.id)) continue;
    exclude.add(seller.id);
    picked.push(seller);
  }
  return picked;
}

function conditionFor(faker: Faker, department: string, owner: boolean): OfferCondition {
  if (owner) return 'NEW';
  if (department === 'electronics' && faker.datatype.boolean(0.12)) return 'REFURBISHED';
  if (department === 'books' && faker.datatype.boolean(0.15)) {
    return faker.helpers.arrayElement(['USED_LIKE_NEW', 'USED_GOOD'] as const);
  }
  return 'NEW';
}

function onHandFor(faker: Faker, threshold: number, store: boolean): number {
  const roll = faker.number.float({ min: 0, max: 1 });
  if (roll < 0.1) return 0;
  if (roll < 0.25) return faker.number.int({ min: 1, max: threshold });
  return store ? faker.number.int({ min: 2, max: 25 }) : faker.number.int({ min: 6, max: 120 });
}

/**
 * Stock locations for every seller (a main warehouse and one per store), then
 * offers: the owner and up to three more sellers offer each product's
 * variants at their own prices, with stock, a movement ledger and price history.
 */
export async function seedOffers(
  prisma: PrismaClient,
  faker: Faker,
  input: {
    products: SeededProduct[];
    sellers: SeedSeller[];
    demoSeller: SeedSeller;
    referenceDate: Date;
  },
): Promise<OfferSeedResult> {
  const { products, sellers, demoSeller, referenceDate } = input;
  const locations: Prisma.StockLocationCreateManyInput[] = [];
  const warehouseOf = new Map<string, string>();
  const storesOf = new Map<string, string[]>();
  for (const seller of sellers) {
    const warehouse = faker.string.uuid();
    warehouseOf.set(seller.id, warehouse);
    locations.push({
      id: warehouse,
      sellerId: seller.id,
      kind: 'WAREHOUSE',
      name: 'Main warehouse',
    });
    const storeLocations = seller.stores.map((store) => {
      const id = faker.string.uuid();
      locations.push({
        id,
        sellerId: seller.id,
        kind: 'STORE',
        storeId: store.id,
        name: store.name,
      });
      return id;
    });
    storesOf.set(seller.id, storeLocations);
  }
  // Each seller prices a little above or below the market and ships at its own pace.
  const style = new Map(
    sellers.map((seller) => [
      seller.id,
      {
        factor: faker.number.float({ min: 0.9, max: 1.12 }),
        handlingDays: faker.number.int({ min: 1, max: 3 }),
      },
    ]),
  );
  const byId = new Map(sellers.map((seller) => [seller.id, seller]));
  const others = sellers.filter((seller) => seller.id !== demoSeller.id);
  const demoStride = Math.max(1, Math.floor(products.length / DEMO_SELLER_EXTRA_OFFERS));

  const offers: Prisma.OfferCreateManyInput[] = [];
  const levels: Prisma.StockLevelCreateManyInput[] = [];
  const movements: Prisma.StockMovementCreateManyInput[] = [];
  const history: Prisma.PriceHistoryCreateManyInput[] = [];

  products.forEach((product, index) => {
    if (product.status === 'DRAFT' && faker.datatype.boolean(0.5)) return; // not priced yet
    const owner = byId.get(product.ownerSellerId)!;
    const taken = new Set([owner.id]);
    const offering = [owner];
    if (product.status === 'PUBLISHED') {
      if (owner.id !== demoSeller.id && index % demoStride === 3) {
        taken.add(demoSeller.id);
        offering.push(demoSeller);
      }
      // At most four sellers per product.
      const extra = Math.min(faker.helpers.weightedArrayElement(EXTRA_SELLERS), 4 - taken.size);
      offering.push(...pickSellers(faker, others, extra, taken));
    }
    for (const seller of offering) {
      const isOwner = seller.id === owner.id;
      const { factor, handlingDays } = style.get(seller.id)!;
      const condition = conditionFor(faker, product.department, isOwner);
      const variants =
        isOwner || product.variants.length === 1
          ? product.variants
          : product.variants.filter(() => faker.datatype.boolean(0.8));
      for (const variant of variants) {
        const createdAt = faker.date.between({ from: product.createdAt, to: referenceDate });
        const used = condition === 'NEW' ? 1 : 0.7;
        const noise = faker.number.float({ min: 0.96, max: 1.04 });
        const price = retailPrice(variant.price * factor * noise * used);
        const compareAtPrice = faker.datatype.boolean(0.2)
          ? retailPrice(price * faker.number.float({ min: 1.2, max: 1.45 }))
          : null;
        const allowBackorder = condition === 'NEW' && offers.length % BACKORDER_EVERY === 11;
        const lowStockThreshold = faker.helpers.arrayElement([3, 5, 5, 10]);
        const inactive =
          product.status === 'ARCHIVED' || (!isOwner && faker.datatype.boolean(0.03));
        const offerId = faker.string.uuid();
        offers.push({
          id: offerId,
          variantId: variant.id,
          sellerId: seller.id,
          condition,
          price,
          compareAtPrice,
          currency: 'USD',
          handlingDays: allowBackorder ? handlingDays + 7 : handlingDays,
          allowBackorder,
          lowStockThreshold,
          status: inactive ? 'INACTIVE' : 'ACTIVE',
          createdAt,
          updatedAt: createdAt,
        });
        history.push({
          id: faker.string.uuid(),
          offerId,
          price,
          compareAtPrice,
          currency: 'USD',
          reason: 'CREATED',
          changedAt: createdAt,
        });

        const stores = storesOf.get(seller.id)!;
        const atStores =
          stores.length > 0 && faker.datatype.boolean(seller.id === demoSeller.id ? 0.7 : 0.3)
            ? faker.helpers.arrayElements(stores, { min: 1, max: Math.min(2, stores.length) })
            : [];
        for (const locationId of [warehouseOf.get(seller.id)!, ...atStores]) {
          const store = locationId !== warehouseOf.get(seller.id);
          const onHand = allowBackorder && !store ? 0 : onHandFor(faker, lowStockThreshold, store);
          const levelId = faker.string.uuid();
          const receivedAt = new Date(
            Math.min(
              referenceDate.getTime(),
              createdAt.getTime() + faker.number.int({ min: 1, max: 48 }) * 3_600_000,
            ),
          );
          const updatedAt = new Date(
            Math.min(
              referenceDate.getTime(),
              receivedAt.getTime() + faker.number.int({ min: 0, max: 30 }) * DAY,
            ),
          );
          levels.push({
            id: levelId,
            offerId,
            locationId,
            onHand,
            // Reserved is the sum of HELD reservations, and no stock is held yet.
            reserved: 0,
            backorder: allowBackorder,
            updatedAt,
          });
          // The ledger explains on-hand: a delivery, and for sold-out stock its sale.
          const received = onHand > 0 ? onHand : faker.number.int({ min: 2, max: 12 });
          movements.push({
            id: faker.string.uuid(),
            stockLevelId: levelId,
            delta: received,
            onHandAfter: received,
            reason: 'RECEIVED',
            note: 'Opening stock',
            createdAt: receivedAt,
          });
          if (onHand === 0) {
            movements.push({
              id: faker.string.uuid(),
              stockLevelId: levelId,
              delta: -received,
              onHandAfter: 0,
              reason: store ? 'OFFLINE_SALE' : 'COUNT_CORRECTION',
              note: store ? 'Sold at the counter' : 'Stock count',
              createdAt: updatedAt,
            });
          }
        }
      }
    }
  });

  await insertRows(prisma, 'stock_locations', locations);
  await insertRows(prisma, 'offers', offers);
  await insertRows(prisma, 'price_history', history);
  await insertRows(prisma, 'stock_levels', levels);
  await insertRows(prisma, 'stock_movements', movements);
  return { offers: offers.length, stockLevels: levels.length };
}
