import { createDatabase } from '@bazaar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, sqlLog, startApi, testDatabaseUrl } from '../../../test/api.js';
import { createUser, signIn } from '../../../test/accounts.js';
import { createProductWithVariant, resetCatalog } from '../../../test/catalog.js';
import { loadEnv } from '../../env.js';
import { searchEngines } from '../../modules/search/search.registry.js';
import { indexPendingChanges } from '../../modules/search/search.indexer.js';
import { publishEvents } from '../events/outbox.js';

const PRODUCT = `query Product($slug: String!) { product(slug: $slug) { slug title } }`;
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

  it('never answers signed-in or cookie-carrying requests from the shared cache', async () => {
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

    const withCookie = await title(api, { cookie: 'bazaar_cart=abc' });
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
