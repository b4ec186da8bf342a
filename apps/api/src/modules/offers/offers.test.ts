import { beforeEach, describe, expect, it } from 'vitest';
import { db, sqlLog, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import { createProductWithVariant, resetCatalog } from '../../../test/catalog.js';
import { bulkPrice } from './offer-prices.service.js';
import { activeOfferCountsByProduct } from './offers.service.js';
import { runPriceSchedules, startPriceScheduleJob } from './price-schedule.job.js';

const OFFER = `id condition status handlingDays allowBackorder lowStockThreshold
  price { amount currency formatted } compareAtPrice { amount }
  stockStatus availableQuantity pickupStores { name }`;
const CREATE = `mutation($input: OfferCreateInput!) { offerCreate(input: $input) { offer { ${OFFER} } errors { code field } } }`;
const UPDATE = `mutation($id: ID!, $input: OfferUpdateInput!) { offerUpdate(id: $id, input: $input) { offer { ${OFFER} } errors { code field } } }`;
const BULK = `mutation($input: OfferPricesBulkUpdateInput!) { offerPricesBulkUpdate(input: $input) { offers { id price { amount } } errors { code field message } } }`;
const SCHEDULE = `mutation($input: PriceScheduleCreateInput!) { priceScheduleCreate(input: $input) { priceSchedule { id state price { amount } compareAtPrice { amount } startsAt endsAt } errors { code field } } }`;
const CANCEL = `mutation($id: ID!) { priceScheduleCancel(id: $id) { priceSchedule { id state } errors { code field } } }`;
const LOCATIONS = `query($slug: String!) { seller(slug: $slug) { stockLocations { id kind name store { name } } } }`;
const SELLER_OFFERS = `query($s: ID!, $q: String, $first: Int! = 20, $after: String) {
  sellerOffers(sellerId: $s, query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id price { amount } priceSchedules { state price { amount } }
      priceHistory(first: 10) { totalCount edges { node { reason price { amount } compareAtPrice { amount } } } } } }
  }
}`;

/** Counts of every table an offer change writes to, to assert nothing changed. */
async function snapshot() {
  const [offers, history, schedules, levels, movements, events, prices] = await Promise.all([
    db.prisma.offer.count(),
    db.prisma.priceHistory.count(),
    db.prisma.priceSchedule.count(),
    db.prisma.stockLevel.count(),
    db.prisma.stockMovement.count(),
    db.prisma.outboxEvent.count(),
    db.prisma.offer.findMany({
      select: { id: true, price: true, compareAtPrice: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { offers, history, schedules, levels, movements, events, prices };
}

describe('offers and prices', async () => {
  const api = await startApi();

  beforeEach(resetCatalog);

  async function owner(slug: string) {
    const shop = await createSeller(slug);
    const session = await signIn(api, shop.owner.email);
    const locations = (await session.graphql(LOCATIONS, { slug })).data?.seller.stockLocations;
    return { ...shop, session, storeLocation: locations[0] as { id: string; kind: string } };
  }

  it('a seller offers a variant with opening stock: history, ledger and an index event', async () => {
    const a = await owner('shop-a');
    expect(a.storeLocation).toMatchObject({ kind: 'STORE' });
    const { product, variant } = await createProductWithVariant();
    const result = await a.session.graphql(CREATE, {
      input: {
        sellerId: a.seller.id,
        variantId: variant.id,
        price: 1250,
        compareAtPrice: 1500,
        currency: 'USD',
        stock: [{ locationId: a.storeLocation.id, onHand: 12 }],
      },
    });
    expect(result.data?.offerCreate).toEqual({
      errors: [],
      offer: expect.objectContaining({
        condition: 'NEW',
        status: 'ACTIVE',
        handlingDays: 1,
        lowStockThreshold: 5,
        price: { amount: 1250, currency: 'USD', formatted: '$12.50' },
        compareAtPrice: { amount: 1500 },
        stockStatus: 'IN_STOCK',
        availableQuantity: 12,
        pickupStores: [{ name: 'shop-a store' }],
      }),
    });
    const offerId = result.data?.offerCreate.offer.id;
    expect(await db.prisma.priceHistory.findMany({ where: { offerId } })).toMatchObject([
      {
        price: 1250,
        compareAtPrice: 1500,
        currency: 'USD',
        reason: 'CREATED',
        actorId: a.owner.id,
      },
    ]);
    expect(await db.prisma.stockMovement.findMany()).toMatchObject([
      { delta: 12, onHandAfter: 12, reason: 'RECEIVED' },
    ]);
    expect(await db.prisma.outboxEvent.findMany()).toMatchObject([
      { topic: 'product.changed', payload: { productId: product.id } },
    ]);
    expect(
      (await activeOfferCountsByProduct(db.prisma, [product.id, variant.id])).get(product.id),
    ).toBe(1);

    // Chinese shoppers see yuan-style formatting of the same amount; zh-CN text in search.
    const zh = await api.graphql<any>(
      `query($s: ID!) { sellerOffers(sellerId: $s) { edges { node { id } } } }`,
      { s: a.seller.id },
    );
    expect(zh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const found = await a.session.graphql(SELLER_OFFERS, { s: a.seller.id, q: '产品' });
    expect(found.data?.sellerOffers.totalCount).toBe(1);
    const bySku = await a.session.graphql(SELLER_OFFERS, { s: a.seller.id, q: 'sku-' });
    expect(bySku.data?.sellerOffers.edges).toHaveLength(1);
    const none = await a.session.graphql(SELLER_OFFERS, { s: a.seller.id, q: '%' });
    expect(none.data?.sellerOffers.totalCount).toBe(0);
  });

  it('refuses bad offers with coded errors and changes nothing', async () => {
    const a = await owner('shop-a');
    const b = await owner('shop-b');
    const { variant } = await createProductWithVariant();
    const archived = await createProductWithVariant({ status: 'ARCHIVED' });
    const othersDraft = await createProductWithVariant({
      status: 'DRAFT',
      ownerSellerId: b.seller.id,
    });
    const base = { sellerId: a.seller.id, variantId: variant.id, price: 1000, currency: 'EUR' };
    expect((await a.session.graphql(CREATE, { input: base })).data?.offerCreate.errors).toEqual([]);
    const before = await snapshot();

    const cases: [Record<string, unknown>, { code: string; field: string }[]][] = [
      [{ price: -1 }, [{ code: 'PRICE_INVALID', field: 'price' }]],
      [{ price: 1_000_000_001 }, [{ code: 'PRICE_INVALID', field: 'price' }]],
      [{ currency: 'ZZZ' }, [{ code: 'CURRENCY_INVALID', field: 'currency' }]],
      [{ currency: 'usd' }, [{ code: 'CURRENCY_INVALID', field: 'currency' }]],
      [{ compareAtPrice: 900 }, [{ code: 'COMPARE_AT_INVALID', field: 'compareAtPrice' }]],
      [{ compareAtPrice: 1000 }, [{ code: 'COMPARE_AT_INVALID', field: 'compareAtPrice' }]],
      [{ handlingDays: 366 }, [{ code: 'HANDLING_INVALID', field: 'handlingDays' }]],
      [{ lowStockThreshold: -1 }, [{ code: 'THRESHOLD_INVALID', field: 'lowStockThreshold' }]],
      [{}, [{ code: 'OFFER_EXISTS', field: 'variantId' }]],
      [{ variantId: archived.variant.id }, [{ code: 'VARIANT_INVALID', field: 'variantId' }]],
      [{ variantId: othersDraft.variant.id }, [{ code: 'VARIANT_INVALID', field: 'variantId' }]],
      [{ variantId: 'not-a-uuid' }, [{ code: 'VARIANT_INVALID', field: 'variantId' }]],
      [
        { condition: 'USED_GOOD', stock: [{ locationId: b.storeLocation.id, onHand: 3 }] },
        [{ code: 'LOCATION_INVALID', field: 'stock.0.locationId' }],
      ],
      [
        { condition: 'USED_GOOD', stock: [{ locationId: a.storeLocation.id, onHand: -3 }] },
        [{ code: 'QUANTITY_INVALID', field: 'stock.0.onHand' }],
      ],
    ];
    for (const [change, errors] of cases) {
      const result = await a.session.graphql(CREATE, { input: { ...base, ...change } });
      expect(result.data?.offerCreate, JSON.stringify(change)).toEqual({ offer: null, errors });
    }
    // GraphQL's Int refuses fractions before any resolver runs.
    const fraction = await a.session.graphql(CREATE, {
      input: { ...base, condition: 'USED_GOOD', price: 12.5 },
    });
    expect(fraction.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value: 12.5/);
    expect(fraction.data).toBeUndefined();
    // Someone else's seller.
    expect(
      (await b.session.graphql(CREATE, { input: { ...base, condition: 'USED_GOOD' } })).data
        ?.offerCreate.errors,
    ).toEqual([{ code: 'FORBIDDEN', field: 'sellerId' }]);
    expect(await snapshot()).toEqual(before);

    // The owner's own draft may carry its offers (to be publishable).
    const ownDraft = await createProductWithVariant({
      status: 'DRAFT',
      ownerSellerId: a.seller.id,
    });
    expect(
      (await a.session.graphql(CREATE, { input: { ...base, variantId: ownDraft.variant.id } })).data
        ?.offerCreate.errors,
    ).toEqual([]);
  });

  it('sellers edit only their own offers; salespeople cannot edit offers', async () => {
    const a = await owner('shop-a');
    const b = await owner('shop-b');
    const { variant } = await createProductWithVariant();
    const created = await a.session.graphql(CREATE, {
      input: { sellerId: a.seller.id, variantId: variant.id, price: 1000, currency: 'USD' },
    });
    const offerId = created.data?.offerCreate.offer.id;
    await createUser('sales@shop-a.test', [{ role: 'salesperson', sellerId: a.seller.id }]);
    const sales = await signIn(api, 'sales@shop-a.test');
    const before = await snapshot();

    expect(
      (await b.session.graphql(UPDATE, { id: offerId, input: { price: 1 } })).data?.offerUpdate,
    ).toEqual({ offer: null, errors: [{ code: 'FORBIDDEN', field: 'id' }] });
    expect(
      (
        await b.session.graphql(BULK, {
          input: { sellerId: b.seller.id, offerIds: [offerId], mode: 'SET', value: 1 },
        })
      ).data?.offerPricesBulkUpdate.errors,
    ).toMatchObject([{ code: 'NOT_FOUND', field: 'offerIds.0' }]);
    expect(
      (
        await b.session.graphql(BULK, {
          input: { sellerId: a.seller.id, offerIds: [offerId], mode: 'SET', value: 1 },
        })
      ).data?.offerPricesBulkUpdate.errors,
    ).toMatchObject([{ code: 'FORBIDDEN', field: 'sellerId' }]);
    expect(
      (
        await b.session.graphql(SCHEDULE, {
          input: { offerId, price: 1, startsAt: new Date(Date.now() + 3_600_000).toISOString() },
        })
      ).data?.priceScheduleCreate.errors,
    ).toEqual([{ code: 'FORBIDDEN', field: 'offerId' }]);
    const denied = await sales.graphql(UPDATE, { id: offerId, input: { price: 1 } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // They do read the seller's offers (products:read) but not another seller's.
    expect(
      (await sales.graphql(SELLER_OFFERS, { s: a.seller.id })).data?.sellerOffers.totalCount,
    ).toBe(1);
    expect(
      (await sales.graphql(SELLER_OFFERS, { s: b.seller.id })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    // One offer for the back-office offer page: its seller's staff only.
    const ONE = `query($id: ID!) { offer(id: $id) { id priceHistory { totalCount } } }`;
    expect((await sales.graphql(ONE, { id: offerId })).data?.offer).toEqual({
      id: offerId,
      priceHistory: { totalCount: 1 },
    });
    expect((await b.session.graphql(ONE, { id: offerId })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await a.session.graphql(ONE, { id: b.seller.id })).data?.offer).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('updates an offer: price history, compare-at rules and the backorder copy on stock levels', async () => {
    const a = await owner('shop-a');
    const { variant } = await createProductWithVariant();
    const created = await a.session.graphql(CREATE, {
      input: {
        sellerId: a.seller.id,
        variantId: variant.id,
        price: 1000,
        compareAtPrice: 1200,
        currency: 'USD',
        stock: [{ locationId: a.storeLocation.id, onHand: 0 }],
      },
    });
    const offerId = created.data?.offerCreate.offer.id;
    expect(created.data?.offerCreate.offer.stockStatus).toBe('OUT_OF_STOCK');
    const before = await snapshot();
    for (const [input, errors] of [
      [{ price: 1300 }, [{ code: 'COMPARE_AT_INVALID', field: 'price' }]],
      [{ compareAtPrice: 800 }, [{ code: 'COMPARE_AT_INVALID', field: 'compareAtPrice' }]],
      [
        { compareAtPrice: 1500, clearCompareAtPrice: true },
        [{ code: 'COMPARE_AT_INVALID', field: 'clearCompareAtPrice' }],
      ],
      [{ price: -5 }, [{ code: 'PRICE_INVALID', field: 'price' }]],
      [{ handlingDays: -1 }, [{ code: 'HANDLING_INVALID', field: 'handlingDays' }]],
    ] as const) {
      expect((await a.session.graphql(UPDATE, { id: offerId, input })).data?.offerUpdate).toEqual({
        offer: null,
        errors,
      });
    }
    expect(await snapshot()).toEqual(before);

    const updated = await a.session.graphql(UPDATE, {
      id: offerId,
      input: { price: 900, allowBackorder: true, handlingDays: 3 },
    });
    expect(updated.data?.offerUpdate.offer).toMatchObject({
      price: { amount: 900 },
      compareAtPrice: { amount: 1200 },
      allowBackorder: true,
      handlingDays: 3,
      stockStatus: 'BACKORDER',
    });
    expect(await db.prisma.stockLevel.findMany({ select: { backorder: true } })).toEqual([
      { backorder: true },
    ]);
    const cleared = await a.session.graphql(UPDATE, {
      id: offerId,
      input: { clearCompareAtPrice: true, status: 'INACTIVE' },
    });
    expect(cleared.data?.offerUpdate.offer).toMatchObject({
      compareAtPrice: null,
      status: 'INACTIVE',
    });
    // Not a price change: handling only.
    await a.session.graphql(UPDATE, { id: offerId, input: { handlingDays: 2 } });
    const history = await a.session.graphql(SELLER_OFFERS, { s: a.seller.id });
    expect(history.data?.sellerOffers.edges[0].node.priceHistory).toEqual({
      totalCount: 3,
      edges: [
        { node: { reason: 'MANUAL', price: { amount: 900 }, compareAtPrice: null } },
        { node: { reason: 'MANUAL', price: { amount: 900 }, compareAtPrice: { amount: 1200 } } },
        { node: { reason: 'CREATED', price: { amount: 1000 }, compareAtPrice: { amount: 1200 } } },
      ],
    });
    expect(await db.prisma.outboxEvent.count()).toBe(before.events + 3);
  });

  it('bulk price edits round to the unit and are all-or-nothing', async () => {
    expect(bulkPrice(1999, 'PERCENT', -1000)).toBe(1799); // 1799.1
    expect(bulkPrice(999, 'PERCENT', 1500)).toBe(1149); // 1148.85
    expect(bulkPrice(5, 'PERCENT', -1000)).toBe(5); // 4.5 rounds half up
    expect(bulkPrice(1000, 'PERCENT', -10_001)).toBeNull();
    expect(bulkPrice(1000, 'AMOUNT', -1001)).toBeNull();
    expect(bulkPrice(1_000_000_000, 'PERCENT', 10_000)).toBeNull();

    const a = await owner('shop-a');
    const ids: string[] = [];
    for (const price of [1000, 1999, 300]) {
      const { variant } = await createProductWithVariant();
      const result = await a.session.graphql(CREATE, {
        input: { sellerId: a.seller.id, variantId: variant.id, price, currency: 'USD' },
      });
      ids.push(result.data?.offerCreate.offer.id);
    }
    const before = await snapshot();
    const refused = await a.session.graphql(BULK, {
      input: { sellerId: a.seller.id, offerIds: ids, mode: 'AMOUNT', value: -500 },
    });
    expect(refused.data?.offerPricesBulkUpdate).toMatchObject({
      offers: [],
      errors: [{ code: 'PRICE_INVALID', field: 'offerIds.2' }],
    });
    const tooMany = await a.session.graphql(BULK, {
      input: {
        sellerId: a.seller.id,
        offerIds: Array.from({ length: 501 }, () => ids[0]),
        mode: 'SET',
        value: 1,
      },
    });
    expect(tooMany.data?.offerPricesBulkUpdate.errors).toMatchObject([
      { code: 'TOO_MANY', field: 'offerIds' },
    ]);
    expect(await snapshot()).toEqual(before);

    const done = await a.session.graphql(BULK, {
      input: { sellerId: a.seller.id, offerIds: ids, mode: 'PERCENT', value: -1000 },
    });
    expect(done.data?.offerPricesBulkUpdate).toEqual({
      errors: [],
      offers: [
        { id: ids[0], price: { amount: 900 } },
        { id: ids[1], price: { amount: 1799 } },
        { id: ids[2], price: { amount: 270 } },
      ],
    });
    expect(await db.prisma.priceHistory.count({ where: { reason: 'BULK_EDIT' } })).toBe(3);
    expect(await db.prisma.outboxEvent.count()).toBe(before.events + 3);
  });

  it('schedules a price: a past start applies at once, the job ends it and restores the price', async () => {
    const a = await owner('shop-a');
    const { variant } = await createProductWithVariant();
    const created = await a.session.graphql(CREATE, {
      input: {
        sellerId: a.seller.id,
        variantId: variant.id,
        price: 1000,
        compareAtPrice: 1100,
        currency: 'USD',
      },
    });
    const offerId = created.data?.offerCreate.offer.id;
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

    const bad = [
      [{ price: -1, startsAt: at(10) }, [{ code: 'PRICE_INVALID', field: 'price' }]],
      [
        { price: 500, startsAt: at(10), endsAt: at(5) },
        [{ code: 'WINDOW_INVALID', field: 'endsAt' }],
      ],
      [
        { price: 500, startsAt: at(-20), endsAt: at(-10) },
        [{ code: 'WINDOW_INVALID', field: 'endsAt' }],
      ],
      [
        { price: 500, compareAtPrice: 400, startsAt: at(10) },
        [{ code: 'COMPARE_AT_INVALID', field: 'compareAtPrice' }],
      ],
    ] as const;
    for (const [input, errors] of bad)
      expect(
        (await a.session.graphql(SCHEDULE, { input: { offerId, ...input } })).data
          ?.priceScheduleCreate,
      ).toEqual({ priceSchedule: null, errors });

    const sale = await a.session.graphql(SCHEDULE, {
      input: { offerId, price: 800, compareAtPrice: 1000, startsAt: at(-1), endsAt: at(60) },
    });
    expect(sale.data?.priceScheduleCreate).toMatchObject({
      errors: [],
      priceSchedule: { state: 'RUNNING', price: { amount: 800 }, compareAtPrice: { amount: 1000 } },
    });
    expect(await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      price: 800,
      compareAtPrice: 1000,
    });
    // Overlapping windows are refused, whether running or pending.
    const before = await snapshot();
    expect(
      (
        await a.session.graphql(SCHEDULE, {
          input: { offerId, price: 700, startsAt: at(30), endsAt: at(90) },
        })
      ).data?.priceScheduleCreate.errors,
    ).toEqual([{ code: 'WINDOW_INVALID', field: 'startsAt' }]);
    expect(
      (await a.session.graphql(SCHEDULE, { input: { offerId, price: 700, startsAt: at(30) } })).data
        ?.priceScheduleCreate.errors,
    ).toEqual([{ code: 'WINDOW_INVALID', field: 'startsAt' }]);
    expect(await snapshot()).toEqual(before);
    // Back to back is fine; so is a one-off change later.
    const next = await a.session.graphql(SCHEDULE, {
      input: { offerId, price: 900, startsAt: at(60), endsAt: at(120) },
    });
    expect(next.data?.priceScheduleCreate.priceSchedule.state).toBe('PENDING');
    const later = await a.session.graphql(SCHEDULE, {
      input: { offerId, price: 1050, startsAt: at(240) },
    });
    expect(later.data?.priceScheduleCreate.priceSchedule.state).toBe('PENDING');

    // Nothing is due yet.
    expect(await runPriceSchedules(db.prisma, new Date(now + 30 * 60_000))).toBe(0);
    // At +61 min the sale ends (price restored) and the next window starts from it.
    expect(await runPriceSchedules(db.prisma, new Date(now + 61 * 60_000))).toBe(2);
    expect(await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      price: 900,
      compareAtPrice: null,
    });
    expect(await runPriceSchedules(db.prisma, new Date(now + 121 * 60_000))).toBe(1);
    expect(await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      price: 1000,
      compareAtPrice: 1100,
    });
    const list = await a.session.graphql(SELLER_OFFERS, { s: a.seller.id });
    const node = list.data?.sellerOffers.edges[0].node;
    expect(node.priceSchedules).toEqual([{ state: 'PENDING', price: { amount: 1050 } }]);
    expect(node.priceHistory.edges.map((e: any) => [e.node.reason, e.node.price.amount])).toEqual([
      ['SCHEDULE_END', 1000],
      ['SCHEDULE_START', 900],
      ['SCHEDULE_END', 1000],
      ['SCHEDULE_START', 800],
      ['CREATED', 1000],
    ]);
    // The one-off change applies and is over at once; it cannot be cancelled afterwards.
    expect(await runPriceSchedules(db.prisma, new Date(now + 241 * 60_000))).toBe(1);
    expect((await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).price).toBe(1050);
    const laterId = later.data?.priceScheduleCreate.priceSchedule.id;
    expect(
      (await a.session.graphql(CANCEL, { id: laterId })).data?.priceScheduleCancel.errors,
    ).toEqual([{ code: 'ALREADY_ENDED', field: 'id' }]);
  });

  it('cancels schedules: a pending one never applies, a running one gives the price back', async () => {
    const a = await owner('shop-a');
    const { variant } = await createProductWithVariant();
    const created = await a.session.graphql(CREATE, {
      input: { sellerId: a.seller.id, variantId: variant.id, price: 1000, currency: 'USD' },
    });
    const offerId = created.data?.offerCreate.offer.id;
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const pending = await a.session.graphql(SCHEDULE, {
      input: { offerId, price: 500, startsAt: at(60), endsAt: at(120) },
    });
    const pendingId = pending.data?.priceScheduleCreate.priceSchedule.id;
    expect((await a.session.graphql(CANCEL, { id: pendingId })).data?.priceScheduleCancel).toEqual({
      errors: [],
      priceSchedule: { id: pendingId, state: 'CANCELLED' },
    });
    expect(await runPriceSchedules(db.prisma, new Date(now + 90 * 60_000))).toBe(0);
    const running = await a.session.graphql(SCHEDULE, {
      input: { offerId, price: 600, startsAt: at(-5), endsAt: at(30) },
    });
    expect((await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).price).toBe(600);
    const runningId = running.data?.priceScheduleCreate.priceSchedule.id;
    expect(
      (await a.session.graphql(CANCEL, { id: runningId })).data?.priceScheduleCancel,
    ).toMatchObject({
      errors: [],
      priceSchedule: { state: 'CANCELLED' },
    });
    expect((await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).price).toBe(1000);
    expect(
      (await a.session.graphql(CANCEL, { id: runningId })).data?.priceScheduleCancel.errors,
    ).toEqual([{ code: 'ALREADY_ENDED', field: 'id' }]);
    expect(
      (
        await db.prisma.priceHistory.findMany({ where: { offerId }, orderBy: { changedAt: 'asc' } })
      ).map((row) => row.reason),
    ).toEqual(['CREATED', 'SCHEDULE_START', 'SCHEDULE_END']);
  });

  it('the background job applies schedules that fall due', async () => {
    const a = await owner('shop-a');
    const { variant } = await createProductWithVariant();
    const created = await a.session.graphql(CREATE, {
      input: { sellerId: a.seller.id, variantId: variant.id, price: 1000, currency: 'USD' },
    });
    const offerId = created.data?.offerCreate.offer.id;
    // Written as if created a moment ago, with a start that has just passed.
    await db.prisma.priceSchedule.create({
      data: { offerId, price: 750, startsAt: new Date(Date.now() - 1_000) },
    });
    const stop = startPriceScheduleJob(db, api.app.log);
    try {
      await expect
        .poll(
          async () => (await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).price,
        )
        .toBe(750);
    } finally {
      await stop();
    }
    expect(await db.prisma.priceSchedule.findFirstOrThrow({ where: { offerId } })).toMatchObject({
      previousPrice: 1000,
      startedAt: expect.any(Date),
      endedAt: expect.any(Date),
    });
  });

  it('pages the price history newest first', async () => {
    const a = await owner('shop-a');
    const { variant } = await createProductWithVariant();
    const created = await a.session.graphql(CREATE, {
      input: { sellerId: a.seller.id, variantId: variant.id, price: 100, currency: 'USD' },
    });
    const offerId = created.data?.offerCreate.offer.id;
    for (const price of [101, 102, 103, 104])
      await a.session.graphql(UPDATE, { id: offerId, input: { price } });
    const PAGE = `query($s: ID!, $after: String) { sellerOffers(sellerId: $s) { edges { node {
      priceHistory(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { price { amount } } } } } } } }`;
    const amounts: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await a.session.graphql(PAGE, { s: a.seller.id, after })).data
        ?.sellerOffers.edges[0].node.priceHistory;
      expect(page.totalCount).toBe(5);
      amounts.push(...page.edges.map((e: any) => e.node.price.amount));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(amounts).toEqual([104, 103, 102, 101, 100]);
  });

  it('the buy box picks the cheapest offer in stock over a cheaper one out of stock', async () => {
    const a = await owner('shop-a');
    const b = await owner('shop-b');
    const c = await owner('shop-c');
    await db.prisma.seller.update({ where: { id: b.seller.id }, data: { ratingAverage: 4.1 } });
    await db.prisma.seller.update({ where: { id: c.seller.id }, data: { ratingAverage: 4.8 } });
    const { product, variant } = await createProductWithVariant();
    const offer = async (shop: typeof a, price: number, onHand: number, extra = {}) =>
      (
        await shop.session.graphql(CREATE, {
          input: {
            sellerId: shop.seller.id,
            variantId: variant.id,
            price,
            currency: 'USD',
            stock: [{ locationId: shop.storeLocation.id, onHand }],
            ...extra,
          },
        })
      ).data?.offerCreate.offer.id as string;
    const cheapOut = await offer(a, 900, 0);
    const bOffer = await offer(b, 1000, 3);
    const cOffer = await offer(c, 1000, 20);
    const PRODUCT = `query($s: ID!) { sellerOffers(sellerId: $s) { edges { node { product {
      offerCount buyBox { id } priceRange { min { amount } max { amount } }
      offers { id price { amount } stockStatus seller { name } } } variant { offers { id } } } } } }`;
    const read = async () =>
      (await a.session.graphql(PRODUCT, { s: a.seller.id })).data?.sellerOffers.edges[0].node;
    const node = await read();
    expect(node.product).toEqual({
      offerCount: 3,
      buyBox: { id: cOffer }, // same price as B, better rated seller
      priceRange: { min: { amount: 900 }, max: { amount: 1000 } },
      offers: [
        {
          id: cheapOut,
          price: { amount: 900 },
          stockStatus: 'OUT_OF_STOCK',
          seller: { name: 'shop-a' },
        },
        {
          id: bOffer,
          price: { amount: 1000 },
          stockStatus: 'LOW_STOCK',
          seller: { name: 'shop-b' },
        },
        {
          id: cOffer,
          price: { amount: 1000 },
          stockStatus: 'IN_STOCK',
          seller: { name: 'shop-c' },
        },
      ],
    });
    expect(node.variant.offers.map((o: any) => o.id)).toEqual([cheapOut, bOffer, cOffer]);
    // Shoppers see the offers but none of the sellers' stock levels, history or schedules.
    const PUBLIC = `query($id: ID!) { product(id: $id) { buyBox { id } offers {
      seller { name } stockLevels { id } priceHistory { totalCount edges { cursor } } priceSchedules { id } } } }`;
    const shopper = (await api.graphql<any>(PUBLIC, { id: product.id })).data?.product;
    expect(shopper.buyBox).toEqual({ id: cOffer });
    expect(shopper.offers).toHaveLength(3);
    for (const seen of shopper.offers)
      expect(seen).toMatchObject({
        stockLevels: [],
        priceHistory: { totalCount: 0, edges: [] },
        priceSchedules: [],
      });
    // Out of stock everywhere: a backorder offer is the default; without one, none.
    await db.prisma.stockLevel.updateMany({ data: { onHand: 0 } });
    expect((await read()).product.buyBox).toBeNull();
    await a.session.graphql(UPDATE, { id: cheapOut, input: { allowBackorder: true } });
    expect((await read()).product.buyBox).toEqual({ id: cheapOut });
    // Inactive offers leave the product page.
    await c.session.graphql(UPDATE, { id: cOffer, input: { status: 'INACTIVE' } });
    expect((await read()).product.offerCount).toBe(2);
    expect((await activeOfferCountsByProduct(db.prisma, [product.id])).get(product.id)).toBe(2);
  });

  it('a page of products with offers, sellers and stock costs a fixed number of statements', async () => {
    const a = await owner('shop-a');
    const b = await owner('shop-b');
    for (let i = 0; i < 20; i += 1) {
      const { variant } = await createProductWithVariant();
      for (const shop of [a, b])
        await shop.session.graphql(CREATE, {
          input: {
            sellerId: shop.seller.id,
            variantId: variant.id,
            price: 1000 + i,
            currency: 'USD',
            stock: [{ locationId: shop.storeLocation.id, onHand: i }],
          },
        });
    }
    const PAGE = `query($s: ID!, $first: Int!) { sellerOffers(sellerId: $s, first: $first) { edges { node {
      id stockLevels { onHand available low location { name store { name } } }
      product { offerCount buyBox { id seller { name } } priceRange { min { amount } }
        offers { id price { formatted } stockStatus availableQuantity pickupStores { name } seller { name } } }
      variant { sku offers { id } } } } } }`;
    const count = async (first: number) => {
      sqlLog.length = 0;
      const result = await a.session.graphql(PAGE, { s: a.seller.id, first });
      expect(result.errors).toBeUndefined();
      expect(result.data?.sellerOffers.edges).toHaveLength(first);
      return sqlLog.length;
    };
    // The storefront's product list, anonymous.
    const LIST = `query($first: Int!) { products(first: $first) { edges { node { id offerCount
      priceRange { min { formatted } max { formatted } } buyBox { price { amount } stockStatus seller { name } }
      offers { price { amount } stockStatus availableQuantity pickupStores { name } seller { name } } } } } }`;
    const listCount = async (first: number) => {
      sqlLog.length = 0;
      const result = await api.graphql<any>(LIST, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data?.products.edges).toHaveLength(first);
      expect(result.data?.products.edges[0].node.offers).toHaveLength(2);
      return sqlLog.length;
    };
    const listed = [await listCount(3), await listCount(20)];
    // Products, their offers, stock levels, sellers, pick-up stores: whatever the page size.
    expect(listed[1]).toBe(listed[0]);
    expect(listed[1]).toBeLessThanOrEqual(6);
    await count(1); // the session's permissions are cached from here on
    const small = await count(2);
    const large = await count(20);
    // About ten statements whatever the page size (two store look-ups may or may
    // not share a batch, depending on when their resolvers run).
    expect(small).toBeLessThanOrEqual(10);
    expect(large).toBeLessThanOrEqual(10);
  });
});
