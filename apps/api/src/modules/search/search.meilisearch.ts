// The Meilisearch engine, used when MEILISEARCH_HOST is set. Meilisearch does
// the matching (typo tolerance, prefixes, synonyms) and the facet
// distributions; this adapter maps SearchQuery onto its filter syntax and runs
// the disjunctive facet counts as one multi-search request. Settings are
// applied on start and whenever a new attribute key needs to be filterable;
// every write waits for its task, so the outbox marks an event processed only
// once Meilisearch has applied it.
import type { PrismaClient } from '@bazaar/db';
import { Meilisearch, type MultiSearchQuery, type Settings, type Task } from 'meilisearch';
import {
  FACET_TOP,
  FEW_RESULTS,
  MAX_TOTAL,
  PRICE_BUCKETS,
  RATING_THRESHOLDS,
  type FacetCounts,
  type ProductSuggestion,
  type SearchDocument,
  type SearchEngine,
  type SearchHits,
  type SearchQuery,
  priceBucket,
} from './search.engine.js';
import { words } from './search.text.js';
import { SYNONYMS, correctWords, didYouMean, recordWords } from './search.words.js';

export interface MeilisearchConfig {
  host: string;
  apiKey?: string | undefined;
  index: string;
}

const DESCRIPTION_CHARS = 2_000;
const TASK_TIMEOUT_MS = 60_000;

const BASE_FILTERABLE = [
  'category_ids',
  'brand',
  'seller_ids',
  'price',
  'price_bucket',
  'rating',
  'rating_floor',
  'in_stock',
];

/** The document as Meilisearch stores it. */
export interface MeiliDocument {
  id: string;
  slug: string;
  title_en: string;
  title_zh: string;
  titles: Record<string, string>;
  brand: string | null;
  tags: string[];
  categories: string[];
  description: string;
  category_ids: string[];
  seller_ids: string[];
  price?: number;
  price_bucket?: number;
  currency: string | null;
  rating?: number;
  rating_floor?: number;
  in_stock: boolean;
  sales_count: number;
  /** Milliseconds since the epoch (sortable). */
  published_at: number;
  image_key: string | null;
  [attribute: `attr_${string}`]: string;
}

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const document: MeiliDocument = {
    id: d.productId,
    slug: d.slug,
    title_en: d.title.en ?? '',
    title_zh: d.title['zh-CN'] ?? '',
    titles: d.title as Record<string, string>,
    brand: d.brand,
    tags: d.tags,
    categories: d.categoryNames,
    description: Object.values(d.description)
      .map((text) => text.slice(0, DESCRIPTION_CHARS))
      .join('\n'),
    category_ids: d.categoryIds,
    seller_ids: d.sellerIds,
    currency: d.currency,
    in_stock: d.inStock,
    sales_count: d.salesCount,
    published_at: d.publishedAt.getTime(),
    image_key: d.imageKey,
  };
  // Missing (not null) sort fields sort last in both directions.
  if (d.minPrice !== null) {
    document.price = d.minPrice;
    document.price_bucket = priceBucket(d.minPrice);
  }
  if (d.ratingAverage !== null) {
    document.rating = d.ratingAverage;
    document.rating_floor = Math.floor(d.ratingAverage);
  }
  for (const [key, value] of Object.entries(d.attributes)) document[`attr_${key}`] = value;
  return document;
}

export function indexSettings(attributeKeys: Iterable<string>): Settings {
  return {
    searchableAttributes: ['title_en', 'title_zh', 'brand', 'tags', 'categories', 'description'],
    filterableAttributes: [
      ...BASE_FILTERABLE,
      ...[...attributeKeys].sort().map((key) => `attr_${key}`),
    ],
    sortableAttributes: ['price', 'published_at', 'rating', 'sales_count'],
    // "sort" first: an explicit sort (price, newest) orders the hits; relevance breaks ties.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: Object.fromEntries(Object.entries(SYNONYMS).map(([word, list]) => [word, [...list]])),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: MAX_TOTAL },
    faceting: { maxValuesPerFacet: 1_000 },
  };
}

/** A string literal in Meilisearch's filter syntax. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly attributeKeys = new Set<string>();
  private settingsApplied: Promise<void> | null = null;

  constructor(
    private readonly config: MeilisearchConfig,
    private readonly prisma: PrismaClient,
  ) {
    this.client = new Meilisearch({
      host: config.host,
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
      timeout: 10_000,
    });
  }

  private get index() {
    return this.client.index<MeiliDocument>(this.config.index);
  }

  /** Applies the index settings (creating the index); facet keys come from the category definitions. */
  async start(): Promise<void> {
    const rows = await this.prisma.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT d->>'key' AS key
        FROM categories c, jsonb_array_elements(c.attribute_definitions) d
       WHERE jsonb_typeof(c.attribute_definitions) = 'array' AND (d->>'facet')::boolean
         AND d->>'key' ~ '^[a-z][a-z0-9_]*$'`;
    for (const row of rows) this.attributeKeys.add(row.key);
    await this.applySettings();
  }

  private async applySettings(): Promise<void> {
    const task = await this.index.updateSettings(indexSettings(this.attributeKeys)).waitTask({
      timeout: TASK_TIMEOUT_MS,
    });
    assertSucceeded(task);
  }

  /** Settings once per process (retried after a failure), and again for new attribute keys. */
  private async ensureSettings(keys: Iterable<string>): Promise<void> {
    const fresh = [...keys].filter((key) => !this.attributeKeys.has(key));
    if (fresh.length) {
      for (const key of fresh) this.attributeKeys.add(key);
      this.settingsApplied = null;
    }
    this.settingsApplied ??= this.start().catch((error: unknown) => {
      this.settingsApplied = null;
      throw error;
    });
    await this.settingsApplied;
  }

  /** Cannot tell which documents changed: returns null. */
  async upsert(documents: readonly SearchDocument[]): Promise<null> {
    if (documents.length === 0) return null;
    await this.ensureSettings(documents.flatMap((d) => Object.keys(d.attributes)));
    const task = await this.index
      .addDocuments(documents.map(toMeiliDocument), { primaryKey: 'id' })
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    assertSucceeded(task);
    await recordWords(this.prisma, documents);
    return null;
  }

  async remove(productIds: readonly string[]): Promise<void> {
    if (productIds.length === 0) return;
    await this.ensureSettings([]);
    const task = await this.index
      .deleteDocuments([...productIds])
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    assertSucceeded(task);
  }

  async clear(): Promise<void> {
    await this.ensureSettings([]);
    const task = await this.index.deleteAllDocuments().waitTask({ timeout: TASK_TIMEOUT_MS });
    assertSucceeded(task);
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    await this.ensureSettings([
      ...query.attributes.map((a) => a.key),
      ...(query.facets?.attributeKeys ?? []),
    ]);
    const groups = filterGroups(query);
    const filterExcept = (except?: string) =>
      groups.filter((g) => g.name !== except).map((g) => g.filter);
    const facets = query.facets;

    // Facets whose own filter is off are counted by the main query; each filtered
    // one by a query without its own filter (disjunctive faceting).
    const facetFields = facets
      ? [
          ...(facets.categoryIds.length ? ['category_ids'] : []),
          'brand',
          'seller_ids',
          'price_bucket',
          'rating_floor',
          ...facets.attributeKeys.map((key) => `attr_${key}`),
        ]
      : [];
    const filteredFacet = (field: string): string | null => {
      const name =
        FACET_GROUP[field] ?? (field.startsWith('attr_') ? `attr:${field.slice(5)}` : null);
      return name && groups.some((g) => g.name === name) ? name : null;
    };

    const offset = Math.min(query.offset, MAX_TOTAL);
    const limit = Math.max(0, Math.min(query.limit, MAX_TOTAL - offset));
    // page/hitsPerPage make Meilisearch count exhaustively (up to maxTotalHits).
    const span = pageWindow(offset, limit);
    const text = query.text.trim();
    const main: MultiSearchQuery = {
      indexUid: this.config.index,
      q: text,
      filter: filterExcept(),
      sort: sortOf(query, text.length > 0),
      facets: facetFields.filter((field) => !filteredFacet(field)),
      attributesToRetrieve: ['id'],
      // Every word must match, as in the PostgreSQL engine (Meilisearch drops words by default).
      matchingStrategy: 'all',
      ...(span ? { page: span.page, hitsPerPage: span.hitsPerPage } : { page: 1, hitsPerPage: 0 }),
    };
    const extra: MultiSearchQuery[] = facetFields.flatMap((field) => {
      const name = filteredFacet(field);
      return name
        ? [
            {
              indexUid: this.config.index,
              q: text,
              filter: filterExcept(name),
              facets: [field],
              matchingStrategy: 'all',
              limit: 0,
            },
          ]
        : [];
    });
    const { results } = await this.client.multiSearch({ queries: [main, ...extra] });
    const [first, ...rest] = results;
    if (!first) throw new Error('Meilisearch answered no results');
    const distribution: Record<string, Record<string, number>> = {
      ...(first.facetDistribution ?? {}),
    };
    for (const result of rest) Object.assign(distribution, result.facetDistribution ?? {});

    const ids = first.hits.map((hit) => String(hit['id']));
    const productIds = span ? ids.slice(span.skip, span.skip + limit) : [];
    const total = Math.min(first.totalHits ?? first.estimatedTotalHits ?? 0, MAX_TOTAL);

    let suggestion: string | null = null;
    const queryWords = words(text);
    if (queryWords.length && total < FEW_RESULTS)
      suggestion = didYouMean(queryWords, await correctWords(this.prisma, queryWords));

    return {
      productIds,
      total,
      facets: facets ? readFacets(distribution, facets) : null,
      didYouMean: suggestion,
    };
  }

  async suggest(prefix: string, limit: number): Promise<ProductSuggestion[]> {
    if (!prefix.trim() || limit <= 0) return [];
    await this.ensureSettings([]);
    const result = await this.index.search(prefix.trim(), {
      limit,
      attributesToRetrieve: ['id', 'titles'],
      attributesToSearchOn: ['title_en', 'title_zh'],
      matchingStrategy: 'all',
    });
    return result.hits.map((hit) => ({ productId: hit.id, title: hit.titles }));
  }
}

/**
 * The smallest Meilisearch page (page, hitsPerPage) holding offset..offset+limit,
 * and how many of its hits come before the offset; null for an empty window.
 */
export function pageWindow(
  offset: number,
  limit: number,
): { page: number; hitsPerPage: number; skip: number } | null {
  if (limit <= 0) return null;
  for (let size = limit; ; size++)
    if (Math.floor(offset / size) === Math.floor((offset + limit - 1) / size))
      return { page: Math.floor(offset / size) + 1, hitsPerPage: size, skip: offset % size };
}

const FACET_GROUP: Record<string, string> = {
  brand: 'brand',
  seller_ids: 'seller',
  price_bucket: 'price',
  rating_floor: 'rating',
};

function filterGroups(query: SearchQuery): { name: string; filter: string }[] {
  const groups: { name: string; filter: string }[] = [];
  if (query.categoryId)
    groups.push({ name: 'category', filter: `category_ids = ${quote(query.categoryId)}` });
  if (query.inStockOnly) groups.push({ name: 'stock', filter: 'in_stock = true' });
  if (query.brands.length)
    groups.push({ name: 'brand', filter: `brand IN [${query.brands.map(quote).join(', ')}]` });
  if (query.sellerIds.length)
    groups.push({
      name: 'seller',
      filter: `seller_ids IN [${query.sellerIds.map(quote).join(', ')}]`,
    });
  if (query.priceMin !== null || query.priceMax !== null)
    groups.push({
      name: 'price',
      filter: `price >= ${query.priceMin ?? 0} AND price <= ${query.priceMax ?? 2_147_483_647}`,
    });
  if (query.ratingMin !== null)
    groups.push({ name: 'rating', filter: `rating >= ${query.ratingMin}` });
  for (const attribute of query.attributes)
    groups.push({
      name: `attr:${attribute.key}`,
      filter: `attr_${attribute.key} IN [${attribute.values.map(quote).join(', ')}]`,
    });
  return groups;
}

function sortOf(query: SearchQuery, hasText: boolean): string[] {
  switch (query.sort) {
    case 'PRICE_ASC':
      return ['price:asc'];
    case 'PRICE_DESC':
      return ['price:desc'];
    case 'NEWEST':
      return ['published_at:desc'];
    case 'RATING':
      return ['rating:desc', 'sales_count:desc'];
    case 'BEST_SELLING':
      return ['sales_count:desc', 'published_at:desc'];
    case 'RELEVANCE':
      return hasText ? [] : ['sales_count:desc', 'published_at:desc'];
  }
}

function readFacets(
  distribution: Record<string, Record<string, number>>,
  request: NonNullable<SearchQuery['facets']>,
): FacetCounts {
  const top = (field: string) =>
    Object.entries(distribution[field] ?? {})
      .map(([value, count]) => ({ value, count }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, FACET_TOP);
  const categories = distribution['category_ids'] ?? {};
  const buckets = distribution['price_bucket'] ?? {};
  const floors = distribution['rating_floor'] ?? {};
  return {
    categories: request.categoryIds.flatMap((id) =>
      categories[id] ? [{ id, count: categories[id] }] : [],
    ),
    brands: top('brand'),
    sellers: top('seller_ids').map(({ value, count }) => ({ id: value, count })),
    priceRanges: PRICE_BUCKETS.map((_, index) => buckets[String(index)] ?? 0),
    ratings: RATING_THRESHOLDS.map((min) =>
      Object.entries(floors).reduce(
        (sum, [floor, count]) => (Number(floor) >= min ? sum + count : sum),
        0,
      ),
    ),
    attributes: request.attributeKeys.flatMap((key) => {
      const values = top(`attr_${key}`);
      return values.length ? [{ key, values }] : [];
    }),
  };
}

function assertSucceeded(task: Task): void {
  if (task.status !== 'succeeded')
    throw new Error(
      `Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? 'no detail'}`,
    );
}
