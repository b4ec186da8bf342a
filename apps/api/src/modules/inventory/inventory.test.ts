import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import { createProductWithVariant, resetCatalog } from '../../../test/catalog.js';

const LOCATIONS = `query($slug: String!) { seller(slug: $slug) { stockLocations { id kind name store { name } } } }`;
const CREATE_LOCATION = `mutation($s: ID!, $name: String!) { stockLocationCreate(sellerId: $s, name: $name) { stockLocation { id kind name store { name } } errors { code field } } }`;
const CREATE_OFFER = `mutation($input: OfferCreateInput!) { offerCreate(input: $input) { offer { id } errors { code field } } }`;
const ADJUST = `mutation($input: StockAdjustInput!) { stockAdjust(input: $input) {
  stockLevel { id onHand reserved available low backorder location { name } offer { id stockStatus availableQuantity } }
  errors { code field } } }`;
const MOVEMENTS = `query($id: ID!, $after: String) { stockMovements(stockLevelId: $id, first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { delta onHandAfter reason note actor { name } } } } }`;
const REPORT = `query($s: ID!, $kind: StockReportKind!, $after: String) { stockReport(sellerId: $s, kind: $kind, first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { onHand available low offer { id } } } } }`;

/** Rows stock changes write to, to assert a refused change left nothing behind. */
async function snapshot() {
  const [levels, movements, events] = await Promise.all([
    db.prisma.stockLevel.findMany({
      select: { id: true, onHand: true, reserved: true },
      orderBy: { id: 'asc' },
    }),
    db.prisma.stockMovement.count(),
    db.prisma.outboxEvent.count(),
  ]);
  return { levels, movements, events };
}

describe('inventory', async () => {
  const api = await startApi();

  beforeEach(resetCatalog);

  async function shop(slug: string) {
    const created = await createSeller(slug);
    const session = await signIn(api, created.owner.email);
    const warehouse = (
      await session.graphql(CREATE_LOCATION, { s: created.seller.id, name: 'Main warehouse' })
    ).data?.stockLocationCreate.stockLocation;
    const locations = (await session.graphql(LOCATIONS, { slug })).data?.seller.stockLocations;
    const store = locations.find((l: { kind: string }) => l.kind === 'STORE');
    const offer = async (extra: Record<string, unknown> = {}) => {
      const { variant } = await createProductWithVariant();
      const result = await session.graphql(CREATE_OFFER, {
        input: {
          sellerId: created.seller.id,
          variantId: variant.id,
          price: 1000,
          currency: 'USD',
          ...extra,
        },
      });
      return result.data?.offerCreate.offer.id as string;
    };
    return { ...created, session, warehouse, storeLocation: store, locations, offer };
  }

  it('lists store locations, creates warehouses with unique names', async () => {
    const a = await shop('shop-a');
    expect(a.locations).toEqual([
      { id: a.warehouse.id, kind: 'WAREHOUSE', name: 'Main warehouse', store: null },
      {
        id: expect.any(String),
        kind: 'STORE',
        name: 'shop-a store',
        store: { name: 'shop-a store' },
      },
    ]);
    for (const [name, code] of [
      ['  main WAREHOUSE ', 'NAME_TAKEN'],
      ['Shop-A store', 'NAME_TAKEN'],
      ['   ', 'NAME_REQUIRED'],
      ['x'.repeat(101), 'NAME_REQUIRED'],
    ])
      expect(
        (await a.session.graphql(CREATE_LOCATION, { s: a.seller.id, name })).data
          ?.stockLocationCreate,
      ).toEqual({ stockLocation: null, errors: [{ code, field: 'name' }] });
    expect(await db.prisma.stockLocation.count()).toBe(2);

    // A store renamed later shows its new name; a new store gets its location.
    await db.prisma.store.update({ where: { id: a.store.id }, data: { name: 'Old Town' } });
    await db.prisma.store.create({
      data: {
        sellerId: a.seller.id,
        name: 'Harbour',
        line1: '2 Quai',
        city: 'Lyon',
        postalCode: '69002',
        country: 'FR',
      },
    });
    const names = (
      await a.session.graphql(LOCATIONS, { slug: 'shop-a' })
    ).data?.seller.stockLocations.map((l: { name: string }) => l.name);
    expect(names).toEqual(['Main warehouse', 'Harbour', 'Old Town']);

    // Shoppers and other sellers see none; salespeople read but cannot create.
    const b = await shop('shop-b');
    expect(
      (await b.session.graphql(LOCATIONS, { slug: 'shop-a' })).data?.seller.stockLocations,
    ).toEqual([]);
    expect(
      (await api.graphql<any>(LOCATIONS, { slug: 'shop-a' })).data?.seller.stockLocations,
    ).toEqual([]);
    expect(
      (await b.session.graphql(CREATE_LOCATION, { s: a.seller.id, name: 'Sneaky' })).data
        ?.stockLocationCreate.errors,
    ).toEqual([{ code: 'FORBIDDEN', field: 'sellerId' }]);
    await createUser('sales@shop-a.test', [{ role: 'salesperson', sellerId: a.seller.id }]);
    const sales = await signIn(api, 'sales@shop-a.test');
    expect(
      (await sales.graphql(LOCATIONS, { slug: 'shop-a' })).data?.seller.stockLocations,
    ).toHaveLength(3);
    expect(
      (await sales.graphql(CREATE_LOCATION, { s: a.seller.id, name: 'Back room' })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('adjusts stock with reasons into the ledger; bad adjustments change nothing', async () => {
    const a = await shop('shop-a');
    const offerId = await a.offer({ lowStockThreshold: 3 });
    const adjust = async (input: Record<string, unknown>, who = a.session) =>
      (await who.graphql(ADJUST, { input: { offerId, locationId: a.warehouse.id, ...input } })).data
        ?.stockAdjust;

    const received = await adjust({ reason: 'RECEIVED', delta: 10, note: ' pallet 7 ' });
    expect(received).toMatchObject({
      errors: [],
      stockLevel: {
        onHand: 10,
        reserved: 0,
        available: 10,
        low: false,
        backorder: false,
        location: { name: 'Main warehouse' },
        offer: { id: offerId, stockStatus: 'IN_STOCK', availableQuantity: 10 },
      },
    });
    const levelId = received.stockLevel.id;
    expect((await adjust({ reason: 'DAMAGED', delta: -3 })).stockLevel).toMatchObject({
      onHand: 7,
    });
    expect(
      (await adjust({ reason: 'COUNT_CORRECTION', countedQuantity: 2 })).stockLevel,
    ).toMatchObject({
      onHand: 2,
      low: true,
      offer: { stockStatus: 'LOW_STOCK' },
    });
    // Goods that left the store beyond the count take on-hand below zero.
    expect((await adjust({ reason: 'OFFLINE_SALE', delta: -5 })).stockLevel).toMatchObject({
      onHand: -3,
      available: -3,
      offer: { stockStatus: 'OUT_OF_STOCK', availableQuantity: 0 },
    });

    const before = await snapshot();
    const refused: [Record<string, unknown>, { code: string; field: string }[]][] = [
      [{ reason: 'DAMAGED', delta: -1 }, [{ code: 'INSUFFICIENT_STOCK', field: 'delta' }]],
      [{ reason: 'RECEIVED', delta: -1 }, [{ code: 'QUANTITY_INVALID', field: 'delta' }]],
      [{ reason: 'RECEIVED', delta: 0 }, [{ code: 'QUANTITY_INVALID', field: 'delta' }]],
      [{ reason: 'RECEIVED' }, [{ code: 'QUANTITY_INVALID', field: 'delta' }]],
      [{ reason: 'DAMAGED', delta: 2 }, [{ code: 'QUANTITY_INVALID', field: 'delta' }]],
      [{ reason: 'OFFLINE_SALE', delta: 2 }, [{ code: 'QUANTITY_INVALID', field: 'delta' }]],
      [
        { reason: 'COUNT_CORRECTION', delta: 2, countedQuantity: 4 },
        [{ code: 'QUANTITY_INVALID', field: 'delta' }],
      ],
      [
        { reason: 'COUNT_CORRECTION', countedQuantity: -1 },
        [{ code: 'QUANTITY_INVALID', field: 'countedQuantity' }],
      ],
      [
        { reason: 'RECEIVED', delta: 1, countedQuantity: 1 },
        [{ code: 'QUANTITY_INVALID', field: 'countedQuantity' }],
      ],
      [{ reason: 'IMPORT', delta: 1 }, [{ code: 'REASON_INVALID', field: 'reason' }]],
      [{ reason: 'SOLD', delta: -1 }, [{ code: 'REASON_INVALID', field: 'reason' }]],
      [
        { reason: 'RECEIVED', delta: 1, note: 'n'.repeat(501) },
        [{ code: 'TEXT_TOO_LONG', field: 'note' }],
      ],
      [
        { reason: 'RECEIVED', delta: 2_000_000_000 },
        [{ code: 'QUANTITY_INVALID', field: 'delta' }],
      ],
      [
        { reason: 'RECEIVED', delta: 1, offerId: a.seller.id },
        [{ code: 'NOT_FOUND', field: 'offerId' }],
      ],
    ];
    for (const [input, errors] of refused)
      expect(await adjust(input), JSON.stringify(input)).toEqual({ stockLevel: null, errors });
    // Another seller's location, or another seller adjusting.
    const b = await shop('shop-b');
    expect(await adjust({ reason: 'RECEIVED', delta: 1, locationId: b.warehouse.id })).toEqual({
      stockLevel: null,
      errors: [{ code: 'LOCATION_INVALID', field: 'locationId' }],
    });
    expect(await adjust({ reason: 'RECEIVED', delta: 1 }, b.session)).toEqual({
      stockLevel: null,
      errors: [{ code: 'FORBIDDEN', field: 'offerId' }],
    });
    // A refused first adjustment at a location leaves no empty level behind.
    expect(await adjust({ reason: 'DAMAGED', delta: -1, locationId: a.storeLocation.id })).toEqual({
      stockLevel: null,
      errors: [{ code: 'INSUFFICIENT_STOCK', field: 'delta' }],
    });
    expect(await snapshot()).toEqual(before);

    // The ledger, newest first, paged.
    const seen: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await a.session.graphql(MOVEMENTS, { id: levelId, after })).data
        ?.stockMovements;
      expect(page.totalCount).toBe(4);
      seen.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      { delta: -5, onHandAfter: -3, reason: 'OFFLINE_SALE', note: null, actor: { name: 'owner' } },
      {
        delta: -5,
        onHandAfter: 2,
        reason: 'COUNT_CORRECTION',
        note: null,
        actor: { name: 'owner' },
      },
      { delta: -3, onHandAfter: 7, reason: 'DAMAGED', note: null, actor: { name: 'owner' } },
      {
        delta: 10,
        onHandAfter: 10,
        reason: 'RECEIVED',
        note: 'pallet 7',
        actor: { name: 'owner' },
      },
    ]);
    expect(
      (await b.session.graphql(MOVEMENTS, { id: levelId })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    // Every accepted change told the search index.
    const product = await db.prisma.offer.findUniqueOrThrow({
      where: { id: offerId },
      select: { variant: { select: { productId: true } } },
    });
    expect(
      await db.prisma.outboxEvent.count({
        where: { payload: { equals: { productId: product.variant.productId } } },
      }),
    ).toBe(5); // created + 4 adjustments
  });

  it('twenty parallel damages of one unit on ten units: exactly ten succeed', async () => {
    const a = await shop('shop-a');
    const offerId = await a.offer({ stock: [{ locationId: a.warehouse.id, onHand: 10 }] });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        a.session.graphql(ADJUST, {
          input: { offerId, locationId: a.warehouse.id, reason: 'DAMAGED', delta: -1 },
        }),
      ),
    );
    const codes = results.map((r) => r.data?.stockAdjust.errors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c === 'INSUFFICIENT_STOCK')).toHaveLength(10);
    const level = await db.prisma.stockLevel.findFirstOrThrow({ where: { offerId } });
    expect(level.onHand).toBe(0);
    const damaged = await db.prisma.stockMovement.findMany({
      where: { stockLevelId: level.id, reason: 'DAMAGED' },
      orderBy: { onHandAfter: 'desc' },
    });
    expect(damaged.map((m) => m.onHandAfter)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('reservations stay on hand: the CHECK constraint and the adjustment guards', async () => {
    const a = await shop('shop-a');
    const offerId = await a.offer({ stock: [{ locationId: a.storeLocation.id, onHand: 5 }] });
    const level = await db.prisma.stockLevel.findFirstOrThrow({ where: { offerId } });
    // Reserving beyond what is on hand is refused by the database itself.
    await expect(
      db.prisma
        .$executeRaw`UPDATE stock_levels SET reserved = on_hand + 1 WHERE id = ${level.id}::uuid`,
    ).rejects.toThrow(/stock_levels_reserved_check/);
    await db.prisma.$executeRaw`UPDATE stock_levels SET reserved = 4 WHERE id = ${level.id}::uuid`;
    const adjust = async (input: Record<string, unknown>) =>
      (
        await a.session.graphql(ADJUST, {
          input: { offerId, locationId: a.storeLocation.id, ...input },
        })
      ).data?.stockAdjust;
    const before = await snapshot();
    expect((await adjust({ reason: 'DAMAGED', delta: -2 })).errors).toEqual([
      { code: 'INSUFFICIENT_STOCK', field: 'delta' },
    ]);
    expect((await adjust({ reason: 'OFFLINE_SALE', delta: -2 })).errors).toEqual([
      { code: 'INSUFFICIENT_STOCK', field: 'delta' },
    ]);
    expect((await adjust({ reason: 'COUNT_CORRECTION', countedQuantity: 3 })).errors).toEqual([
      { code: 'INSUFFICIENT_STOCK', field: 'countedQuantity' },
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await adjust({ reason: 'OFFLINE_SALE', delta: -1 })).stockLevel).toMatchObject({
      onHand: 4,
      reserved: 4,
      available: 0,
      offer: { stockStatus: 'OUT_OF_STOCK' },
    });
    // An offer taking backorders may reserve beyond on-hand.
    await a.session.graphql(
      `mutation($id: ID!) { offerUpdate(id: $id, input: { allowBackorder: true }) { errors { code } } }`,
      { id: offerId },
    );
    await db.prisma.$executeRaw`UPDATE stock_levels SET reserved = 9 WHERE id = ${level.id}::uuid`;
    expect((await adjust({ reason: 'RECEIVED', delta: 1 })).stockLevel).toMatchObject({
      onHand: 5,
      reserved: 9,
      available: -4,
      backorder: true,
      offer: { stockStatus: 'BACKORDER' },
    });
  });

  it('a store counter adjusts stock only at its own store', async () => {
    const a = await shop('shop-a');
    const second = await db.prisma.store.create({
      data: {
        sellerId: a.seller.id,
        name: 'Harbour',
        line1: '2 Quai',
        city: 'Lyon',
        postalCode: '69002',
        country: 'FR',
      },
    });
    const locations = (await a.session.graphql(LOCATIONS, { slug: 'shop-a' })).data?.seller
      .stockLocations;
    const harbour = locations.find((l: { name: string }) => l.name === 'Harbour');
    const offerId = await a.offer();
    await createUser('counter@shop-a.test', [
      { role: 'store_counter', sellerId: a.seller.id, storeId: a.store.id },
    ]);
    const counter = await signIn(api, 'counter@shop-a.test');
    const adjust = (locationId: string) =>
      counter.graphql(ADJUST, {
        input: { offerId, locationId, reason: 'OFFLINE_SALE', delta: -1 },
      });
    expect((await adjust(a.storeLocation.id)).data?.stockAdjust).toMatchObject({
      errors: [],
      stockLevel: { onHand: -1 },
    });
    for (const other of [a.warehouse.id, harbour.id])
      expect((await adjust(other)).data?.stockAdjust).toEqual({
        stockLevel: null,
        errors: [{ code: 'FORBIDDEN', field: 'locationId' }],
      });
    expect(second.id).toBeTruthy();
    // It reads the seller's stock levels on offers; shoppers do not.
    const LEVELS = `query($id: ID!) { offer(id: $id) { stockLevels { onHand location { name } } } }`;
    expect((await counter.graphql(LEVELS, { id: offerId })).data?.offer.stockLevels).toEqual([
      { onHand: -1, location: { name: 'shop-a store' } },
    ]);
    const shopper = await (async () => {
      await createUser('shopper@example.com');
      return signIn(api, 'shopper@example.com');
    })();
    const VIA_PRODUCT = `query($s: ID!) { sellerOffers(sellerId: $s) { edges { node { product { offers { stockLevels { onHand } } } } } } }`;
    expect(
      (await a.session.graphql(VIA_PRODUCT, { s: a.seller.id })).data?.sellerOffers.edges[0].node
        .product.offers,
    ).toEqual([{ stockLevels: [{ onHand: -1 }] }]);
    expect(
      (await shopper.graphql(VIA_PRODUCT, { s: a.seller.id })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('reports negative stock and low stock of active offers', async () => {
    const a = await shop('shop-a');
    const b = await shop('shop-b');
    const negative = await a.offer({ stock: [{ locationId: a.storeLocation.id, onHand: 1 }] });
    const low1 = await a.offer({
      lowStockThreshold: 5,
      stock: [{ locationId: a.warehouse.id, onHand: 4 }],
    });
    const low2 = await a.offer({
      lowStockThreshold: 5,
      stock: [{ locationId: a.warehouse.id, onHand: 2 }],
    });
    await a.offer({ lowStockThreshold: 5, stock: [{ locationId: a.warehouse.id, onHand: 6 }] });
    const inactive = await a.offer({
      lowStockThreshold: 5,
      stock: [{ locationId: a.warehouse.id, onHand: 1 }],
    });
    await a.session.graphql(
      `mutation($id: ID!) { offerUpdate(id: $id, input: { status: INACTIVE }) { errors { code } } }`,
      { id: inactive },
    );
    await b.offer({ lowStockThreshold: 5, stock: [{ locationId: b.warehouse.id, onHand: 0 }] });
    await a.session.graphql(ADJUST, {
      input: {
        offerId: negative,
        locationId: a.storeLocation.id,
        reason: 'OFFLINE_SALE',
        delta: -3,
      },
    });

    const neg = (await a.session.graphql(REPORT, { s: a.seller.id, kind: 'NEGATIVE' })).data
      ?.stockReport;
    expect(neg).toMatchObject({
      totalCount: 1,
      edges: [{ node: { onHand: -2, available: -2, low: true, offer: { id: negative } } }],
    });
    const page1 = (await a.session.graphql(REPORT, { s: a.seller.id, kind: 'LOW' })).data
      ?.stockReport;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => [e.node.offer.id, e.node.available])).toEqual([
      [negative, -2],
      [low2, 2],
    ]);
    const page2 = (
      await a.session.graphql(REPORT, {
        s: a.seller.id,
        kind: 'LOW',
        after: page1.pageInfo.endCursor,
      })
    ).data?.stockReport;
    expect(page2.edges.map((e: any) => [e.node.offer.id, e.node.available, e.node.low])).toEqual([
      [low1, 4, true],
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(
      (await b.session.graphql(REPORT, { s: a.seller.id, kind: 'LOW' })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
