// One contract, two engines: the same catalog indexed into PostgreSQL and into
// Meilisearch (the local double, or a real server when MEILISEARCH_HOST is set
// in the test environment) must answer the same searches the same way.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../test/api.js';
import {
  type MeilisearchDouble,
  startMeilisearchDouble,
} from '../../../test/meilisearch-double.js';
import { type Catalog, clearCatalog, createCatalog } from '../../../test/search-fixtures.js';
import { loadEnv } from '../../env.js';
import { buildSearchDocuments } from './search.documents.js';
import {
  PRICE_BUCKETS,
  RATING_THRESHOLDS,
  type SearchEngine,
  type SearchQuery,
} from './search.engine.js';
import { MeilisearchEngine } from './search.meilisearch.js';
import { PostgresSearchEngine } from './search.postgres.js';

const testEnv = loadEnv();
let double: MeilisearchDouble | null = null;

const ENGINES: { name: string; make: () => Promise<SearchEngine> }[] = [
  { name: 'postgres', make: async () => new PostgresSearchEngine(db.prisma) },
  {
    name: 'meilisearch',
    make: async () => {
      if (testEnv.MEILISEARCH_HOST)
        return new MeilisearchEngine(
          {
            host: testEnv.MEILISEARCH_HOST,
            apiKey: testEnv.MEILISEARCH_API_KEY,
            index: `contract_${randomUUID().slice(0, 8)}`,
          },
          db.prisma,
        );
      double = await startMeilisearchDouble();
      return new MeilisearchEngine(
        { host: double.url, apiKey: double.apiKey, index: 'contract' },
        db.prisma,
      );
    },
  },
];

afterAll(async () => {
  await double?.close();
});

describe.each(ENGINES)('search engine contract: $name', ({ make }) => {
  let engine: SearchEngine;
  let catalog: Catalog;
  /** product key by id */
  let keyOf: Map<string, string>;

  const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
    text: '',
    categoryId: null,
    brands: [],
    sellerIds: [],
    priceMin: null,
    priceMax: null,
    ratingMin: null,
    attributes: [],
    inStockOnly: false,
    sort: 'RELEVANCE',
    offset: 0,
    limit: 20,
    facets: null,
    ...overrides,
  });
  const keys = async (overrides: Partial<SearchQuery> = {}) =>
    (await engine.search(query(overrides))).productIds.map((id) => keyOf.get(id));

  beforeAll(async () => {
    await clearCatalog();
    catalog = await createCatalog();
    keyOf = new Map(Object.entries(catalog.products).map(([key, id]) => [id, key]));
    engine = await make();
    await engine.start();
    await engine.clear();
    const built = await buildSearchDocuments(db.prisma, Object.values(catalog.products));
    expect(built.removed).toEqual([catalog.products['prototype']]);
    await engine.upsert(built.documents);
  });

  it('finds misspelled words (one typo, swapped letters) and says what was meant', async () => {
    const iphone = await engine.search(query({ text: 'iphnoe' }));
    expect(iphone.productIds.map((id) => keyOf.get(id))).toEqual(['iphone']);
    expect(iphone.didYouMean).toBe('iphone');
    expect(await keys({ text: 'samsnug galaxy' })).toEqual(['galaxy']);
    expect(await keys({ text: 'Pixle' })).toEqual(['pixel']);
    // Short words get no typo budget: "pxl" is nothing.
    expect(await keys({ text: 'pxl' })).toEqual([]);
    // Correct queries suggest nothing.
    expect((await engine.search(query({ text: 'iphone' }))).didYouMean).toBeNull();
  });

  it('ignores accents and case both ways', async () => {
    expect(await keys({ text: 'cafe' })).toEqual(['cafe']);
    expect(await keys({ text: 'CAFÉ EXPRESS' })).toEqual(['cafe']);
    expect(await keys({ text: 'linén' })).toEqual(['sofa']);
  });

  it('matches prefixes as you type, titles in every locale, brands, tags and synonyms', async () => {
    expect(await keys({ text: 'iph' })).toEqual(['iphone']);
    expect(await keys({ text: 'macb' })).toEqual(['macbook']);
    expect(await keys({ text: '亚麻' })).toEqual(['sofa']);
    expect(await keys({ text: 'bialetti' })).toEqual(['cafe']);
    expect(await keys({ text: 'basics' })).toEqual(['tshirt']);
    expect(await keys({ text: 'couch' })).toEqual(['sofa']);
    // Every word must match.
    expect(await keys({ text: 'apple galaxy' })).toEqual([]);
    // Drafts are never indexed.
    expect(await keys({ text: 'prototype' })).toEqual([]);
  });

  it('ranks title matches above brand-only matches', async () => {
    expect(await keys({ text: 'apple' })).toEqual(['iphone', 'macbook']);
  });

  it('suggests products by title prefix', async () => {
    const suggestions = await engine.suggest('iph', 5);
    expect(suggestions.map((s) => keyOf.get(s.productId))).toEqual(['iphone']);
    expect(suggestions[0]!.title).toMatchObject({ en: 'Apple iPhone 15' });
    expect((await engine.suggest('apple iph', 5)).length).toBe(1);
  });

  it('filters by category including its descendants', async () => {
    expect(await keys({ categoryId: catalog.categories['electronics']!, sort: 'NEWEST' })).toEqual([
      'macbook',
      'pixel',
      'galaxy',
      'iphone',
    ]);
    expect(await keys({ categoryId: catalog.categories['home']!, sort: 'NEWEST' })).toEqual([
      'sofa',
      'cafe',
    ]);
    expect(await keys({ text: 'apple', categoryId: catalog.categories['laptops']! })).toEqual([
      'macbook',
    ]);
  });

  it('filters by brand, seller, price, rating, attributes and stock', async () => {
    const sorted = { sort: 'NEWEST' as const };
    expect(await keys({ ...sorted, brands: ['Apple', 'Google'] })).toEqual([
      'macbook',
      'pixel',
      'iphone',
    ]);
    // Only ACTIVE offers count: seller c's offer of the Pixel is inactive.
    expect(await keys({ ...sorted, sellerIds: [catalog.sellers['b']!] })).toEqual([
      'sofa',
      'galaxy',
      'iphone',
    ]);
    expect(await keys({ ...sorted, sellerIds: [catalog.sellers['c']!] })).toEqual([]);
    // Inclusive bounds on the lowest active price; products without a price never match.
    expect(await keys({ ...sorted, priceMin: 4_999, priceMax: 69_900 })).toEqual([
      'pixel',
      'galaxy',
      'cafe',
    ]);
    expect(await keys({ ...sorted, priceMax: 1_500 })).toEqual(['tshirt']);
    expect(await keys({ ...sorted, ratingMin: 4 })).toEqual(['sofa', 'galaxy', 'iphone']);
    expect(await keys({ ...sorted, attributes: [{ key: 'storage', values: ['128 GB'] }] })).toEqual(
      ['pixel', 'iphone'],
    );
    // OR within a key, AND across keys.
    expect(
      await keys({
        ...sorted,
        attributes: [
          { key: 'storage', values: ['128 GB', '256 GB'] },
          { key: 'color', values: ['Black'] },
        ],
      }),
    ).toEqual(['galaxy', 'iphone']);
    // In stock: available units or backorders; the Galaxy has neither, the MacBook no offer.
    expect(await keys({ ...sorted, inStockOnly: true })).toEqual([
      'sofa',
      'pixel',
      'iphone',
      'cafe',
      'tshirt',
    ]);
  });

  it('sorts by price both ways (no price last), newest, rating and best selling', async () => {
    expect(await keys({ sort: 'PRICE_ASC' })).toEqual([
      'tshirt',
      'cafe',
      'pixel',
      'galaxy',
      'iphone',
      'sofa',
      'macbook',
    ]);
    expect(await keys({ sort: 'PRICE_DESC' })).toEqual([
      'sofa',
      'iphone',
      'galaxy',
      'pixel',
      'cafe',
      'tshirt',
      'macbook',
    ]);
    expect(await keys({ sort: 'NEWEST' })).toEqual([
      'macbook',
      'sofa',
      'pixel',
      'galaxy',
      'iphone',
      'cafe',
      'tshirt',
    ]);
    expect((await keys({ sort: 'RATING' })).slice(0, 5)).toEqual([
      'sofa',
      'iphone',
      'galaxy',
      'tshirt',
      'pixel',
    ]);
    expect(await keys({ sort: 'BEST_SELLING' })).toEqual([
      'tshirt',
      'iphone',
      'galaxy',
      'pixel',
      'cafe',
      'sofa',
      'macbook',
    ]);
    // A sort applies to text searches too.
    expect(await keys({ text: 'apple', sort: 'PRICE_DESC' })).toEqual(['iphone', 'macbook']);
    expect(await keys({ categoryId: catalog.categories['phones']!, sort: 'PRICE_ASC' })).toEqual([
      'pixel',
      'galaxy',
      'iphone',
    ]);
  });

  it('pages with an exact total', async () => {
    const first = await engine.search(query({ sort: 'PRICE_ASC', limit: 3 }));
    expect(first.total).toBe(7);
    expect(first.productIds.map((id) => keyOf.get(id))).toEqual(['tshirt', 'cafe', 'pixel']);
    const second = await engine.search(query({ sort: 'PRICE_ASC', offset: 3, limit: 3 }));
    expect(second.productIds.map((id) => keyOf.get(id))).toEqual(['galaxy', 'iphone', 'sofa']);
    // An offset that is not a multiple of the page size.
    const odd = await engine.search(query({ sort: 'PRICE_ASC', offset: 5, limit: 3 }));
    expect(odd.productIds.map((id) => keyOf.get(id))).toEqual(['sofa', 'macbook']);
    expect(odd.total).toBe(7);
    const shifted = await engine.search(query({ sort: 'PRICE_ASC', offset: 1, limit: 5 }));
    expect(shifted.productIds.map((id) => keyOf.get(id))).toEqual([
      'cafe',
      'pixel',
      'galaxy',
      'iphone',
      'sofa',
    ]);
    const none = await engine.search(query({ sort: 'PRICE_ASC', offset: 2, limit: 0 }));
    expect(none).toMatchObject({ productIds: [], total: 7 });
  });

  it('counts facets with every other filter applied (disjunctive)', async () => {
    const phones = catalog.categories['phones']!;
    const laptops = catalog.categories['laptops']!;
    const result = await engine.search(
      query({
        categoryId: catalog.categories['electronics']!,
        brands: ['Apple'],
        facets: { categoryIds: [phones, laptops], attributeKeys: ['storage', 'color', 'size'] },
      }),
    );
    expect(result.total).toBe(2);
    // Categories and attributes see the brand filter ...
    expect(result.facets!.categories).toEqual(
      expect.arrayContaining([
        { id: phones, count: 1 },
        { id: laptops, count: 1 },
      ]),
    );
    expect(result.facets!.categories).toHaveLength(2);
    expect(result.facets!.attributes).toEqual([
      { key: 'storage', values: [{ value: '128 GB', count: 1 }] },
      { key: 'color', values: [{ value: 'Black', count: 1 }] },
    ]);
    // ... while the brand facet ignores its own filter.
    expect(result.facets!.brands).toEqual([
      { value: 'Apple', count: 2 },
      { value: 'Google', count: 1 },
      { value: 'Samsung', count: 1 },
    ]);
    expect(result.facets!.sellers).toEqual([
      { id: catalog.sellers['a']!, count: 1 },
      { id: catalog.sellers['b']!, count: 1 },
    ]);
    const bucket = (price: number) =>
      PRICE_BUCKETS.findIndex((b) => (b.min ?? 0) <= price && (b.max === null || price <= b.max));
    const expectedPrices = PRICE_BUCKETS.map(() => 0);
    expectedPrices[bucket(79_900)]! += 1; // the iPhone; the MacBook has no price
    expect(result.facets!.priceRanges).toEqual(expectedPrices);
    expect(result.facets!.ratings).toEqual(RATING_THRESHOLDS.map(() => 1));

    // With an attribute filter, that attribute's counts ignore it; the others do not.
    const filtered = await engine.search(
      query({
        categoryId: phones,
        attributes: [{ key: 'storage', values: ['256 GB'] }],
        ratingMin: 4,
        facets: { categoryIds: [], attributeKeys: ['storage', 'color'] },
      }),
    );
    expect(filtered.total).toBe(1);
    expect(filtered.facets!.attributes).toEqual([
      {
        key: 'storage',
        values: [
          { value: '128 GB', count: 1 },
          { value: '256 GB', count: 1 },
        ],
      },
      { key: 'color', values: [{ value: 'Black', count: 1 }] },
    ]);
    // Ratings ignore the rating filter but keep the storage one: only the Galaxy (4.2).
    expect(filtered.facets!.ratings).toEqual([1, 1, 1, 1]);
    const looser = await engine.search(
      query({
        categoryId: phones,
        ratingMin: 4,
        facets: { categoryIds: [], attributeKeys: [] },
      }),
    );
    // Without it, the Pixel (3.4) counts for 3 and below.
    expect(looser.facets!.ratings).toEqual([2, 3, 3, 3]);
    expect(filtered.facets!.brands).toEqual([{ value: 'Samsung', count: 1 }]);
  });

  it('replaces and removes documents', async () => {
    const cafe = catalog.products['cafe']!;
    await db.prisma.offer.updateMany({
      where: { variant: { productId: cafe } },
      data: { price: 999_999 },
    });
    const built = await buildSearchDocuments(db.prisma, [cafe]);
    await engine.upsert(built.documents);
    expect((await keys({ sort: 'PRICE_DESC' }))[0]).toBe('cafe');
    await engine.remove([cafe]);
    expect(await keys({ text: 'cafe' })).toEqual([]);
    expect((await engine.search(query())).total).toBe(6);
  });
});
