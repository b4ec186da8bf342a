import { randomUUID } from 'node:crypto';
import { createDatabase } from '@bazaar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, sqlLog, startApi, testDatabaseUrl } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import { createOffer, createProductWithVariant, resetCatalog } from '../../../test/catalog.js';
import { loadEnv } from '../../env.js';
import { searchEngines } from '../../modules/search/search.registry.js';
import { indexPendingChanges } from '../../modules/search/search.indexer.js';
import { publishEvents } from '../events/outbox.js';
import { notifyCatalogChanged } from './response-cache.js';
import { changedProductsOf, changedProductsPayload } from './response-cache.products.js';

const PRODUCT = `query Product($slug: String!) { product(slug: $slug) { slug title } }`;
const PRODUCTS = `query Products { products(first: 100) { edges { node { slug title } } } }`;
/** A shelf of cards with what only the product page is sure to show fresh: available stock. */
const SHELF = `query Shelf { products(first: 100) {
  edges { node { slug offers { price { amount } availableQuantity } } } } }`;
const IN_STOCK = `query InStock { search(input: { query: "skillet", inStockOnly: true }, first: 20) {
  totalCount edges { node { slug } } } }`;
const STOCK_PAGE = `query StockPage($slug: String!) { product(slug: $slug) {
  slug offers { price { amount } availableQuantity } } }`;
const CACHED = { RESPONSE_CACHE_TTL_SECONDS: '60' };
const quiet = { warn: () => {} };
const engines = searchEngines(loadEnv({ NODE_ENV: 'test' }), db).writers;

/** A title change as the catalog services make it: the row and a `product.changed` event. */
async function retitle(productId: string, title: string, withEvent = true): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.product.update({ where: { id: productId }, data: { title: { en: title } } });
    if (withEvent) await publishEvents(tx, 'product.changed', [{ productId }]);
  });
}

async function drain(): Promise<void> {
  while ((await indexPendingChanges(db, engines, quiet)) > 0);
}

async function announce(productId: string): Promise<void> {
  await db.prisma.$transaction((tx) => publishEvents(tx, 'product.changed', [{ productId }]));
}

/** A published product with one offer holding `onHand` units in a warehouse, indexed. */
async function stockedProduct(title: string, onHand: number) {
  const { product, variant } = await createProductWithVariant({ title });
  const { seller } = await createSeller(`seller-${product.slug}`);
  const offer = await createOffer(variant.id, seller.id, 4_500);
  const location = await db.prisma.stockLocation.create({
    data: { sellerId: seller.id, kind: 'WAREHOUSE', name: 'Main' },
  });
  const level = await db.prisma.stockLevel.create({
    data: { offerId: offer.id, locationId: location.id, onHand },
  });
  await announce(product.id);
  await drain();
  return { product, offer, level };
}

/** A catalog or inventory change as the services make it: the rows and a `product.changed` event. */
async function change(
  productId: string,
  write: (tx: Parameters<Parameters<typeof db.prisma.$transaction>[0]>[0]) => Promise<unknown>,
): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await write(tx);
    await publishEvents(tx, 'product.changed', [{ productId }]);
  });
  await drain();
}

/** Repeats `read` until `done` holds (a NOTIFY reaches the other process asynchronously). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe('response cache of anonymous catalog reads', async () => {
  const api = await startApi(CACHED);
  // A second API process on its own connection pool: it hears changes only through NOTIFY.
  const otherDb = createDatabase(testDatabaseUrl, { poolSize: 2 });
  afterAll(() => otherDb.close());
  const replica = await startApi(CACHED, otherDb);
  let product: { id: string; slug: string };

  beforeAll(async () => {
    await resetCatalog();
    ({ product } = await createProductWithVariant({ title: 'Blue Kettle' }));
  });

  const title = async (target = api, headers: Record<string, string> = {}) => {
    const result = await target.graphql<any>(PRODUCT, { slug: product.slug }, headers);
    expect(result.errors).toBeUndefined();
    return { title: result.data.product.title, cache: result.headers['x-cache'] };
  };

  it('serves a repeated anonymous read without SQL and refreshes it once the change is indexed', async () => {
    expect(await title()).toEqual({ title: 'Blue Kettle', cache: 'miss' });
    sqlLog.length = 0;
    expect(await title()).toEqual({ title: 'Blue Kettle', cache: 'hit' });
    expect(sqlLog).toEqual([]);

    await retitle(product.id, 'Red Kettle');
    expect(await title()).toEqual({ title: 'Blue Kettle', cache: 'hit' }); // not indexed yet
    await drain();
    expect(await title()).toEqual({ title: 'Red Kettle', cache: 'miss' });
    expect(await title()).toEqual({ title: 'Red Kettle', cache: 'hit' });
  });

  it('reaches the other API processes through NOTIFY', async () => {
    await retitle(product.id, 'Green Kettle');
    await drain();
    await title(replica);
    expect(await title(replica)).toEqual({ title: 'Green Kettle', cache: 'hit' });

    await retitle(product.id, 'Yellow Kettle');
    await drain(); // in this process only: the replica learns it from PostgreSQL
    let seen = await title(replica);
    for (let i = 0; i < 50 && seen.title !== 'Yellow Kettle'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await title(replica);
    }
    expect(seen).toEqual({ title: 'Yellow Kettle', cache: 'miss' });
  });

  it('never answers signed-in requests, or ones with cookies besides the cart, from the shared cache', async () => {
    await drain();
    await title();
    expect((await title()).cache).toBe('hit');
    await retitle(product.id, 'Secret Kettle', false); // no event: the cache stays stale
    expect(await title()).toEqual({ title: 'Yellow Kettle', cache: 'hit' });

    const email = 'shopper@cache.test';
    await createUser(email);
    const shopper = await signIn(api, email);
    const signedIn = await shopper.graphql<any>(PRODUCT, { slug: product.slug });
    expect(signedIn.data.product.title).toBe('Secret Kettle');
    expect(signedIn.headers['x-cache']).toBeUndefined();

    // A guest's cart changes no public answer.
    const guest = await title(api, { cookie: 'bazaar_cart=abc' });
    expect(guest).toEqual({ title: 'Yellow Kettle', cache: 'hit' });
    const withCookie = await title(api, { cookie: 'bazaar_cart=abc; bazaar_refresh=def' });
    expect(withCookie).toEqual({ title: 'Secret Kettle', cache: undefined });
    const withToken = await api.graphql<any>(
      PRODUCT,
      { slug: product.slug },
      {
        authorization: 'Bearer not-a-token',
      },
    );
    expect(withToken.headers['x-cache']).toBeUndefined();
  });

  const page = async (slug: string, target = api) => {
    const result = await target.graphql<any>(PRODUCT, { slug });
    expect(result.errors).toBeUndefined();
    return { title: result.data.product?.title ?? null, cache: result.headers['x-cache'] };
  };
  const list = async (target = api) => {
    const result = await target.graphql<any>(PRODUCTS);
    expect(result.errors).toBeUndefined();
    const titles: string[] = result.data.products.edges.map((edge: any) => edge.node.title);
    return { titles: titles.sort(), cache: result.headers['x-cache'] };
  };

  it('drops only the product pages showing a changed product, and every list when its listing changed', async () => {
    await drain();
    const { product: a } = await createProductWithVariant({ title: 'Copper Pan' });
    const { product: b } = await createProductWithVariant({ title: 'Iron Pan' });
    await page(a.slug);
    await page(b.slug);
    await list();
    expect((await page(a.slug)).cache).toBe('hit');
    expect((await page(b.slug)).cache).toBe('hit');
    expect((await list()).cache).toBe('hit');

    await retitle(a.id, 'Steel Pan');
    await drain();
    sqlLog.length = 0;
    expect(await page(b.slug)).toEqual({ title: 'Iron Pan', cache: 'hit' });
    expect(sqlLog).toEqual([]);
    expect(await page(a.slug)).toEqual({ title: 'Steel Pan', cache: 'miss' });
    const refreshed = await list();
    expect(refreshed.cache).toBe('miss');
    expect(refreshed.titles).toContain('Steel Pan');
    expect(refreshed.titles).not.toContain('Copper Pan');

    // A product entering the list, which showed nothing of it, refreshes the list too.
    const { product: c } = await createProductWithVariant({ title: 'Clay Pot' });
    expect((await list()).cache).toBe('hit');
    await announce(c.id);
    await drain();
    expect(await list()).toMatchObject({
      cache: 'miss',
      titles: expect.arrayContaining(['Clay Pot']),
    });
    expect(await page(b.slug)).toEqual({ title: 'Iron Pan', cache: 'hit' });
  });

  it('refreshes product answers that depend on other products when any product changes', async () => {
    const { product: shown } = await createProductWithVariant({ title: 'Shown Kettle' });
    const category = await db.prisma.category.create({
      data: { slug: 'kettles', name: { en: 'Kettles' } },
    });
    await db.prisma.product.update({ where: { id: shown.id }, data: { categoryId: category.id } });
    await announce(shown.id);
    await drain();
    const missing = `{ product(slug: "late-kettle") { title } }`;
    const alongside = `query Two($slug: String!) {
      shown: product(slug: $slug) { title } late: product(slug: "late-kettle") { title } }`;
    const counted = `query Counted($slug: String!) { product(slug: $slug) { category { productCount } } }`;
    const reads = async () =>
      Promise.all(
        [missing, alongside, counted].map(async (query) => {
          const result = await api.graphql<any>(query, { slug: shown.slug });
          expect(result.errors).toBeUndefined();
          return { data: result.data, cache: result.headers['x-cache'] };
        }),
      );
    await reads();
    const before = await reads();
    expect(before.map((read) => read.cache)).toEqual(['hit', 'hit', 'hit']);

    // Another product, published into the asked-for slug and into the category.
    const { product: late } = await createProductWithVariant({ title: 'Late Kettle' });
    await db.prisma.product.update({
      where: { id: late.id },
      data: { slug: 'late-kettle', categoryId: category.id },
    });
    await announce(late.id);
    await drain();
    const after = await reads();
    expect(after.map((read) => read.cache)).toEqual(['miss', 'miss', 'miss']);
    expect(after[0]!.data.product.title).toBe('Late Kettle');
    expect(after[1]!.data.late.title).toBe('Late Kettle');
    expect(after[2]!.data.product.category.productCount).toBe(
      before[2]!.data.product.category.productCount + 1,
    );
  });

  it('keeps a product page computed while another product changed, not one whose product changed', async () => {
    const { product: a } = await createProductWithVariant({ title: 'Slow Kettle' });
    const { product: b } = await createProductWithVariant({ title: 'Other Kettle' });
    for (const [changed, expected] of [
      [b.id, 'hit'],
      [a.id, 'miss'],
    ] as const) {
      await retitle(a.id, `Slow Kettle ${expected}`, false);
      await notifyCatalogChanged(db.prisma, db.prisma, null); // start from an empty cache
      // The page's read of the product waits behind this lock while the change is announced.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let lockTaken!: () => void;
      const taken = new Promise<void>((resolve) => (lockTaken = resolve));
      const locked = db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`LOCK TABLE products IN ACCESS EXCLUSIVE MODE`;
        lockTaken();
        await released;
      });
      await taken;
      const computing = page(a.slug);
      const waiting = await eventually(
        () => db.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'relation'`,
        (rows) => rows[0]!.n > 0,
      );
      expect(waiting[0]!.n).toBe(1);
      await notifyCatalogChanged(db.prisma, db.prisma, [changed]);
      release();
      await locked;
      expect(await computing).toEqual({ title: `Slow Kettle ${expected}`, cache: 'miss' });
      expect(await page(a.slug)).toEqual({ title: `Slow Kettle ${expected}`, cache: expected });
    }
  });

  it('tells the other processes which products changed through NOTIFY', async () => {
    await drain();
    const { product: a } = await createProductWithVariant({ title: 'Far Teapot' });
    const { product: b } = await createProductWithVariant({ title: 'Near Teapot' });
    for (const slug of [a.slug, b.slug, a.slug, b.slug]) await page(slug, replica);
    expect(await page(b.slug, replica)).toEqual({ title: 'Near Teapot', cache: 'hit' });

    // As many ids as one NOTIFY can carry (216 uuids), the changed product among them.
    await retitle(a.id, 'Far Mug', false);
    const others = Array.from({ length: 215 }, () => randomUUID());
    await db.prisma.$transaction((tx) => notifyCatalogChanged(db.prisma, tx, [...others, a.id]));
    expect(
      await eventually(
        () => page(a.slug, replica),
        (seen) => seen.title === 'Far Mug',
      ),
    ).toEqual({ title: 'Far Mug', cache: 'miss' });
    expect(await page(b.slug, replica)).toEqual({ title: 'Near Teapot', cache: 'hit' });

    // More than fit: every replica empties its whole cache.
    const tooMany = Array.from({ length: 217 }, () => randomUUID());
    await db.prisma.$transaction((tx) => notifyCatalogChanged(db.prisma, tx, tooMany));
    expect(
      await eventually(
        () => page(b.slug, replica),
        (seen) => seen.cache === 'miss',
      ),
    ).toEqual({ title: 'Near Teapot', cache: 'miss' });
  });

  type Card = { slug: string; offers: { price: { amount: number }; availableQuantity: number }[] };
  const read = async <T>(query: string, pick: (data: any) => T, target = api, variables = {}) => {
    const result = await target.graphql<any>(query, variables);
    expect(result.errors).toBeUndefined();
    return { value: pick(result.data), cache: result.headers['x-cache'] };
  };
  const shelf = (target = api) =>
    read(SHELF, (data) => data.products.edges.map((edge: { node: Card }) => edge.node), target);
  const cardOf = (cards: Card[], slug: string) => cards.find((card) => card.slug === slug);
  const inStock = (target = api) =>
    read(IN_STOCK, (data) => data.search.edges.map((edge: any) => edge.node.slug), target);
  const stockPage = (slug: string, target = api) =>
    read(STOCK_PAGE, (data) => data.product?.offers[0] ?? null, target, { slug });

  it('keeps lists and searches through a sale that leaves the product in stock, not its page', async () => {
    await drain();
    const { product, level } = await stockedProduct('Cast Iron Skillet', 50);
    for (const target of [shelf, inStock, () => stockPage(product.slug)]) await target();
    expect((await shelf()).cache).toBe('hit');
    expect((await inStock()).cache).toBe('hit');
    expect((await stockPage(product.slug)).cache).toBe('hit');

    await change(product.id, (tx) =>
      tx.stockLevel.update({ where: { id: level.id }, data: { onHand: 49 } }),
    );
    sqlLog.length = 0;
    const cards = await shelf();
    expect(cards.cache).toBe('hit');
    // Up to the TTL old in lists (cart and checkout re-check stock).
    expect(cardOf(cards.value, product.slug)!.offers[0]!.availableQuantity).toBe(50);
    expect(await inStock()).toEqual({ value: [product.slug], cache: 'hit' });
    expect(sqlLog).toEqual([]);
    expect(await stockPage(product.slug)).toEqual({
      value: { price: { amount: 4_500 }, availableQuantity: 49 },
      cache: 'miss',
    });
  });

  it('refreshes lists when a price, the in-stock flag or the published status changes', async () => {
    await drain();
    const { product, offer, level } = await stockedProduct('Enamel Skillet', 3);
    const warm = async () => {
      await shelf();
      await inStock();
      expect((await shelf()).cache).toBe('hit');
      expect((await inStock()).cache).toBe('hit');
    };

    await warm();
    await change(product.id, (tx) =>
      tx.offer.update({ where: { id: offer.id }, data: { price: 3_900 } }),
    );
    const repriced = await shelf();
    expect(repriced.cache).toBe('miss');
    expect(cardOf(repriced.value, product.slug)!.offers[0]!.price.amount).toBe(3_900);

    await warm();
    await change(product.id, (tx) =>
      tx.stockLevel.update({ where: { id: level.id }, data: { onHand: 0 } }),
    );
    const soldOut = await shelf();
    expect(soldOut.cache).toBe('miss');
    expect(cardOf(soldOut.value, product.slug)!.offers[0]!.availableQuantity).toBe(0);
    expect((await inStock()).value).not.toContain(product.slug);

    await change(product.id, (tx) =>
      tx.stockLevel.update({ where: { id: level.id }, data: { onHand: 5 } }),
    );
    await warm();
    expect((await inStock()).value).toContain(product.slug);
    await change(product.id, (tx) =>
      tx.product.update({ where: { id: product.id }, data: { status: 'ARCHIVED' } }),
    );
    expect(cardOf((await shelf()).value, product.slug)).toBeUndefined();
    const afterArchive = await inStock();
    expect(afterArchive.cache).toBe('miss');
    expect(afterArchive.value).not.toContain(product.slug);
  });

  it('tells the other processes whether listings changed through NOTIFY', async () => {
    await drain();
    const { product, offer, level } = await stockedProduct('Carbon Steel Skillet', 20);
    for (let i = 0; i < 2; i++) {
      await shelf(replica);
      await stockPage(product.slug, replica);
    }
    expect((await shelf(replica)).cache).toBe('hit');

    await change(product.id, (tx) =>
      tx.stockLevel.update({ where: { id: level.id }, data: { onHand: 19 } }),
    );
    expect(
      await eventually(
        () => stockPage(product.slug, replica),
        (seen) => seen.value?.availableQuantity === 19,
      ),
    ).toMatchObject({ cache: 'miss' });
    expect((await shelf(replica)).cache).toBe('hit');

    await change(product.id, (tx) =>
      tx.offer.update({ where: { id: offer.id }, data: { price: 2_500 } }),
    );
    const repriced = await eventually(
      () => shelf(replica),
      (seen) => cardOf(seen.value, product.slug)?.offers[0]?.price.amount === 2_500,
    );
    expect(repriced.cache).toBe('miss');
  });

  it('names in one NOTIFY the products whose listing changed and those whose page did', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const payload = changedProductsPayload({ products: [a, b, c], listings: [b] });
    // A process that knows only bare ids reads this as "everything changed".
    expect(payload.split(',').some((id) => !/^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(changedProductsOf(payload)).toEqual({ products: [b, a, c], listings: [b] });
    expect(changedProductsOf(changedProductsPayload({ products: [a], listings: [] }))).toEqual({
      products: [a],
      listings: [],
    });
    // Bare ids, as older processes send them: every listing changed.
    expect(changedProductsOf(`${a},${b}`)).toEqual({ products: [a, b], listings: [a, b] });
    const tooMany = Array.from({ length: 217 }, () => randomUUID());
    expect(changedProductsPayload({ products: tooMany, listings: [] })).toBe('');
    for (const bad of ['', '|', `${a}|${b}|${c}`, `${a},nope`])
      expect(changedProductsOf(bad)).toBeNull();
  });

  it('caches only public catalog queries, and never errors', async () => {
    const cart = await api.graphql<any>(`{ cart { id } }`);
    expect(cart.headers['x-cache']).toBeUndefined();
    const mixed = await api.graphql<any>(`{ products(first: 1) { totalCount } cart { id } }`);
    expect(mixed.headers['x-cache']).toBeUndefined();

    const failing = `query Bad($slug: String!) { product(slug: $slug) { slug title } products(first: -5) { totalCount } }`;
    for (let i = 0; i < 2; i++) {
      const result = await api.graphql<any>(failing, { slug: product.slug });
      expect(result.errors).toBeDefined();
      expect(result.headers['x-cache']).toBe('miss');
    }
  });
});
