import { publishEvents } from '../../common/events/outbox.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestServer, db, sqlLog, startApi } from '../../../test/api.js';
import { createUser, signIn } from '../../../test/accounts.js';
import { startMeilisearchDouble } from '../../../test/meilisearch-double.js';
import {
  CATALOG_PRODUCTS,
  type Catalog,
  clearCatalog,
  createCatalog,
  createProduct,
} from '../../../test/search-fixtures.js';
import { loadEnv } from '../../env.js';
import type { SearchEngine } from './search.engine.js';
import { indexPendingChanges, rebuildIndex } from './search.indexer.js';
import { searchEngines } from './search.registry.js';

const SEARCH = `query Search($input: SearchInput!, $first: Int, $after: String) {
  search(input: $input, first: $first, after: $after) {
    totalCount didYouMean engine
    edges { cursor node { id slug } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const FACETS = `query Facets($input: SearchInput!, $first: Int) {
  search(input: $input, first: $first) {
    totalCount
    edges { node { slug } }
    facets {
      categories { category { slug productCount } count selected }
      brands { value count selected }
      sellers { seller { slug } count selected }
      priceRanges { min max count }
      ratings { min count }
      attributes { key name values { value count selected } }
    }
  }
}`;
const SUGGEST = `query($q: String!, $first: Int) { searchSuggestions(query: $q, first: $first) { text product { slug } } }`;
const REINDEX = `mutation { searchReindex { queued errors { code } } }`;

const quiet = { warn: () => {} };
const env = loadEnv({ NODE_ENV: 'test' });
const postgres = () => searchEngines(env, db).writers;

async function publish(productIds: string[]): Promise<void> {
  await db.prisma.$transaction((tx) =>
    publishEvents(
      tx,
      'product.changed',
      productIds.map((productId) => ({ productId })),
    ),
  );
}

/** Runs the indexer until the outbox holds nothing due. */
async function drain(engines: readonly SearchEngine[] = postgres()): Promise<void> {
  while ((await indexPendingChanges(db, engines, quiet)) > 0);
}

describe('search API', async () => {
  const api = await startApi();
  let catalog: Catalog;
  const slugs = async (input: Record<string, unknown>, first = 20) => {
    const result = await api.graphql<any>(SEARCH, { input, first });
    expect(result.errors).toBeUndefined();
    return result.data.search.edges.map((edge: any) => edge.node.slug);
  };

  beforeAll(async () => {
    await clearCatalog();
    catalog = await createCatalog();
    await publish(Object.values(catalog.products));
    await drain();
  });

  it('indexes products through the outbox and drops them when archived', async () => {
    expect(await db.prisma.outboxEvent.count({ where: { processedAt: null } })).toBe(0);
    const lamp = await createProduct(catalog, {
      key: 'lamp',
      title: { en: 'Brass Desk Lamp' },
      category: 'furniture',
      offers: [{ seller: 'c', price: 3_500, stock: 2 }],
      sales: 5,
    });
    const furniture = async () => {
      const result = await api.graphql<any>(FACETS, { input: { categorySlug: 'home' } });
      return result.data.search.facets.categories.find((c: any) => c.category.slug === 'furniture');
    };
    expect(await furniture()).toMatchObject({ count: 1, category: { productCount: 1 } });
    expect(await slugs({ query: 'lamp' })).toEqual([]); // not indexed until the event is consumed
    await publish([lamp, lamp, lamp]); // duplicates: one document build
    expect(await indexPendingChanges(db, postgres(), quiet)).toBe(3);
    // Cached facet counts and product counts are refreshed by the indexer's writes.
    expect(await furniture()).toMatchObject({ count: 2, category: { productCount: 2 } });
    expect(await db.prisma.outboxEvent.count({ where: { processedAt: null } })).toBe(0);
    expect(await slugs({ query: 'brass lamp' })).toEqual(['lamp']);
    expect(await slugs({ query: 'lamp', sellerIds: [catalog.sellers['c']] })).toEqual(['lamp']);

    // Stock runs out: the change reaches the index through an event too.
    await db.prisma.stockLevel.updateMany({
      where: { offer: { variant: { productId: lamp } } },
      data: { onHand: 0 },
    });
    await publish([lamp]);
    await drain();
    expect(await slugs({ query: 'lamp', inStockOnly: true })).toEqual([]);
    expect(await slugs({ query: 'lamp' })).toEqual(['lamp']);

    await db.prisma.product.update({ where: { id: lamp }, data: { status: 'ARCHIVED' } });
    await publish([lamp]);
    await drain();
    expect(await slugs({ query: 'lamp' })).toEqual([]);
    expect(await db.prisma.searchDocument.count({ where: { productId: lamp } })).toBe(0);
  });

  it('runs the indexer in the background of a server that is told to', async () => {
    const app = await createTestServer({ indexSearch: true });
    try {
      await app.ready();
      await db.prisma.product.update({
        where: { id: catalog.products['tshirt']! },
        data: { title: { en: 'Organic Cotton Tee' } },
      });
      await publish([catalog.products['tshirt']!]);
      await vi.waitFor(async () => expect(await slugs({ query: 'organic' })).toEqual(['tshirt']), {
        timeout: 10_000,
        interval: 200,
      });
    } finally {
      await app.close();
    }
  });

  it('retries a failed batch later with backoff, then succeeds', async () => {
    const pixel = catalog.products['pixel']!;
    await publish([pixel]);
    const failing: SearchEngine = {
      name: 'postgres',
      start: async () => {},
      clear: async () => {},
      search: async () => {
        throw new Error('unused');
      },
      suggest: async () => [],
      remove: async () => {},
      upsert: async () => {
        throw new Error('engine down');
      },
    };
    expect(await indexPendingChanges(db, [failing], quiet)).toBe(1);
    const [event] = await db.prisma.outboxEvent.findMany({ where: { processedAt: null } });
    expect(event).toMatchObject({ attempts: 1, lastError: 'Error: engine down' });
    expect(event!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 3_000);
    // Not due yet: nothing is claimed.
    expect(await indexPendingChanges(db, postgres(), quiet)).toBe(0);
    await db.prisma.outboxEvent.update({
      where: { id: event!.id },
      data: { nextAttemptAt: new Date() },
    });
    expect(await indexPendingChanges(db, postgres(), quiet)).toBe(1);
    expect(
      await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id: event!.id } }),
    ).toMatchObject({
      attempts: 2,
      lastError: null,
    });
    expect(
      (await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id: event!.id } })).processedAt,
    ).not.toBeNull();
  });

  it('answers a search with ordered edges, an exact total, cursors and the engine name', async () => {
    const first = await api.graphql<any>(SEARCH, { input: { sort: 'PRICE_ASC' }, first: 3 });
    expect(first.data.search).toMatchObject({
      totalCount: 7,
      engine: 'postgres',
      didYouMean: null,
    });
    expect(first.data.search.edges.map((e: any) => e.node.slug)).toEqual([
      'tshirt',
      'cafe',
      'pixel',
    ]);
    expect(first.data.search.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await api.graphql<any>(SEARCH, {
      input: { sort: 'PRICE_ASC' },
      first: 3,
      after: first.data.search.pageInfo.endCursor,
    });
    expect(second.data.search.edges.map((e: any) => e.node.slug)).toEqual([
      'galaxy',
      'iphone',
      'sofa',
    ]);
    const third = await api.graphql<any>(SEARCH, {
      input: { sort: 'PRICE_ASC' },
      first: 3,
      after: second.data.search.pageInfo.endCursor,
    });
    expect(third.data.search.edges.map((e: any) => e.node.slug)).toEqual(['macbook']);
    expect(third.data.search.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const typo = await api.graphql<any>(SEARCH, { input: { query: 'samsnug' } });
    expect(typo.data.search).toMatchObject({ totalCount: 1, didYouMean: 'samsung' });
    // PostgreSQL's last resort: pg_trgm word similarity on the folded text.
    expect(await slugs({ query: 'iphone15' })).toEqual(['iphone']);
    expect(await slugs({ query: 'galaxys24' })).toEqual(['galaxy']);
  });

  it('serves category pages with disjunctive facet counts, localized names and productCount', async () => {
    const page = await api.graphql<any>(FACETS, {
      input: { categorySlug: 'electronics', brands: ['Apple'] },
    });
    expect(page.errors).toBeUndefined();
    const { search } = page.data;
    expect(search.totalCount).toBe(2);
    expect(search.facets.categories).toEqual([
      { category: { slug: 'phones', productCount: 3 }, count: 1, selected: false },
      { category: { slug: 'laptops', productCount: 1 }, count: 1, selected: false },
    ]);
    expect(search.facets.brands).toEqual([
      { value: 'Apple', count: 2, selected: true },
      { value: 'Google', count: 1, selected: false },
      { value: 'Samsung', count: 1, selected: false },
    ]);
    expect(search.facets.sellers).toEqual([
      { seller: { slug: 'seller-a' }, count: 1, selected: false },
      { seller: { slug: 'seller-b' }, count: 1, selected: false },
    ]);
    expect(search.facets.priceRanges).toEqual([{ min: 50_000, max: 99_999, count: 1 }]);
    expect(search.facets.ratings).toEqual([
      { min: 4, count: 1 },
      { min: 3, count: 1 },
      { min: 2, count: 1 },
      { min: 1, count: 1 },
    ]);
    expect(search.facets.attributes).toEqual([
      { key: 'storage', name: 'Storage', values: [{ value: '128 GB', count: 1, selected: false }] },
      { key: 'color', name: 'Colour', values: [{ value: 'Black', count: 1, selected: false }] },
    ]);

    // A leaf lists its siblings, itself selected; names follow Accept-Language.
    const leaf = await api.graphql<any>(
      FACETS,
      { input: { categorySlug: 'phones', attributes: [{ key: 'storage', values: ['128 GB'] }] } },
      { 'accept-language': 'zh-CN' },
    );
    expect(leaf.data.search.facets.categories).toEqual([
      { category: { slug: 'phones', productCount: 3 }, count: 2, selected: true },
    ]);
    expect(leaf.data.search.facets.attributes[0]).toEqual({
      key: 'storage',
      name: '存储',
      values: [
        { value: '128 GB', count: 2, selected: true },
        { value: '256 GB', count: 1, selected: false },
      ],
    });

    // No category: the top level, each counted.
    const top = await api.graphql<any>(FACETS, { input: {} });
    expect(
      top.data.search.facets.categories.map((c: any) => [
        c.category.slug,
        c.count,
        c.category.productCount,
      ]),
    ).toEqual([
      ['electronics', 4, 4],
      ['home', 2, 2],
      ['fashion', 1, 1],
    ]);

    const unknown = await api.graphql<any>(FACETS, { input: { categorySlug: 'nope' } });
    expect(unknown.data.search).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('runs a fixed number of SQL statements per page, whatever its size', async () => {
    const count = async (first: number) => {
      sqlLog.length = 0;
      const result = await api.graphql<any>(FACETS, {
        input: { query: 'a', categorySlug: 'electronics' },
        first,
      });
      expect(result.errors).toBeUndefined();
      return { statements: sqlLog.length, edges: result.data.search.edges.length };
    };
    sqlLog.length = 0;
    await api.graphql<any>(FACETS, { input: { sort: 'NEWEST' }, first: 1 });
    const small = sqlLog.length;
    sqlLog.length = 0;
    await api.graphql<any>(FACETS, { input: { sort: 'NEWEST' }, first: 7 });
    expect(sqlLog.length).toBe(small);
    // Category context, the search statement, products, categories, sellers, product counts.
    expect(small).toBeLessThanOrEqual(6);
    const text = await count(1);
    expect((await count(4)).statements).toBe(text.statements);
  });

  it('autocompletes products first, then words', async () => {
    const result = await api.graphql<any>(SUGGEST, { q: 'iph' });
    expect(result.data.searchSuggestions).toEqual([
      { text: 'Apple iPhone 15', product: { slug: 'iphone' } },
      { text: 'iphone', product: null },
    ]);
    const twoWords = await api.graphql<any>(SUGGEST, { q: 'Apple ip' });
    expect(twoWords.data.searchSuggestions).toEqual([
      { text: 'Apple iPhone 15', product: { slug: 'iphone' } },
      { text: 'apple iphone', product: null },
    ]);
    const chinese = await api.graphql<any>(SUGGEST, { q: 'iph' }, { 'accept-language': 'zh-CN' });
    expect(chinese.data.searchSuggestions[0].text).toBe('苹果手机 15');
    expect((await api.graphql<any>(SUGGEST, { q: '   ' })).data.searchSuggestions).toEqual([]);
    expect(
      (await api.graphql<any>(SUGGEST, { q: 'iph', first: 1 })).data.searchSuggestions,
    ).toEqual([{ text: 'Apple iPhone 15', product: { slug: 'iphone' } }]);
  });

  it('refuses bad input with coded errors', async () => {
    const bad = async (input: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const result = await api.graphql<any>(SEARCH, { input, ...extra });
      return result.errors?.[0]?.extensions?.code;
    };
    expect(await bad({ ratingMin: 6 })).toBe('BAD_USER_INPUT');
    expect(await bad({ priceMin: -1 })).toBe('BAD_USER_INPUT');
    expect(await bad({}, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await bad({}, { first: 0 })).toBe('BAD_USER_INPUT');
    expect(await bad({}, { after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
    expect(await bad({ sellerIds: ['nope'] })).toBe('BAD_USER_INPUT');
    expect(await bad({ attributes: [{ key: 'Bad Key', values: ['x'] }] })).toBe('BAD_USER_INPUT');
    expect(await bad({ query: 'x'.repeat(201) })).toBe('BAD_USER_INPUT');
    expect(await bad({ brands: Array.from({ length: 51 }, (_, i) => `b${i}`) })).toBe(
      'BAD_USER_INPUT',
    );
  });

  describe('reindex', () => {
    it('queues every product for admins only', async () => {
      expect((await api.graphql<any>(REINDEX)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      await createUser('shopper@example.com');
      const shopper = await signIn(api, 'shopper@example.com');
      expect((await shopper.graphql(REINDEX)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      await db.prisma.searchDocument.deleteMany();
      await createUser('admin@example.com', [{ role: 'admin' }]);
      const admin = await signIn(api, 'admin@example.com');
      const result = await admin.graphql(REINDEX);
      const products = await db.prisma.product.count();
      expect(result.data?.searchReindex).toEqual({ queued: products, errors: [] });
      await drain();
      // Every published product is back; drafts and archived ones are not.
      expect(await db.prisma.searchDocument.count()).toBe(
        await db.prisma.product.count({ where: { status: 'PUBLISHED' } }),
      );
    });
  });

  it('rebuilds the whole index in process (pnpm search:reindex)', async () => {
    await db.prisma.searchDocument.deleteMany();
    const indexed = await rebuildIndex(db, postgres());
    expect(indexed).toBe(
      CATALOG_PRODUCTS.filter((p) => (p.status ?? 'PUBLISHED') === 'PUBLISHED').length,
    );
    expect(await slugs({ query: 'iphone' })).toEqual(['iphone']);
  });
});

describe('search API on Meilisearch', async () => {
  const double = await startMeilisearchDouble();
  afterAll(() => double.close());
  const meiliEnv = {
    MEILISEARCH_HOST: double.url,
    MEILISEARCH_API_KEY: double.apiKey,
    MEILISEARCH_INDEX: 'api_products',
  };
  const api = await startApi(meiliEnv);
  const engines = searchEngines(loadEnv({ NODE_ENV: 'test', ...meiliEnv }), db);

  beforeAll(async () => {
    await clearCatalog();
    const catalog = await createCatalog();
    await publish(Object.values(catalog.products));
    await drain(engines.writers);
  });

  it('answers through Meilisearch while PostgreSQL keeps the read model', async () => {
    expect(engines.writers.map((e) => e.name)).toEqual(['postgres', 'meilisearch']);
    const result = await api.graphql<any>(SEARCH, { input: { query: 'iphnoe' } });
    expect(result.data.search).toMatchObject({
      engine: 'meilisearch',
      totalCount: 1,
      didYouMean: 'iphone',
      edges: [{ node: { slug: 'iphone' } }],
    });
    expect(double.documents('api_products').size).toBe(7);
    expect(await db.prisma.searchDocument.count()).toBe(7);
    expect(double.settings('api_products')?.filterableAttributes).toEqual(
      expect.arrayContaining(['attr_storage', 'attr_color', 'attr_size', 'price', 'in_stock']),
    );
    expect(double.settings('api_products')?.synonyms['sofa']).toEqual(['couch']);
    const facets = await api.graphql<any>(FACETS, { input: { categorySlug: 'electronics' } });
    expect(facets.data.search.facets.categories).toEqual([
      { category: { slug: 'phones', productCount: 3 }, count: 3, selected: false },
      { category: { slug: 'laptops', productCount: 1 }, count: 1, selected: false },
    ]);
  });

  it('keeps events for a retry when Meilisearch refuses the key', async () => {
    const wrong = searchEngines(
      loadEnv({
        NODE_ENV: 'test',
        ...meiliEnv,
        MEILISEARCH_API_KEY: 'wrong',
        MEILISEARCH_INDEX: 'other',
      }),
      db,
    );
    await publish([(await db.prisma.product.findFirstOrThrow({ where: { slug: 'sofa' } })).id]);
    expect(await indexPendingChanges(db, wrong.writers, quiet)).toBe(1);
    const event = await db.prisma.outboxEvent.findFirstOrThrow({ where: { processedAt: null } });
    expect(event.attempts).toBe(1);
    expect(event.lastError).toMatch(/API key/);
  });
});
