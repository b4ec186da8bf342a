// The search engine boundary. Two engines implement it: PostgreSQL (default,
// search.postgres.ts) and Meilisearch (search.meilisearch.ts, when
// MEILISEARCH_HOST is set). The service turns GraphQL input into a SearchQuery
// (category slug resolved, facet candidates chosen) and the engine answers with
// product ids in order plus raw facet counts; both engines pass the same
// contract suite (search.contract.test.ts).
import type { LocalizedText } from '../../common/i18n/locale.js';

export const SearchSort = {
  RELEVANCE: 'RELEVANCE',
  PRICE_ASC: 'PRICE_ASC',
  PRICE_DESC: 'PRICE_DESC',
  NEWEST: 'NEWEST',
  RATING: 'RATING',
  BEST_SELLING: 'BEST_SELLING',
} as const;
export type SearchSort = (typeof SearchSort)[keyof typeof SearchSort];

/** Totals are exact up to this many hits, then capped; pages never go past it. */
export const MAX_TOTAL = 10_000;
/** Facet lists (brands, sellers, attribute values) show the most frequent values. */
export const FACET_TOP = 20;
/** Fewer hits than this and the engine tries typo corrections. */
export const FEW_RESULTS = 3;

/**
 * Fixed price buckets in minor units, inclusive bounds; null is open-ended.
 * (One currency per marketplace is assumed: the buckets read as 0-9.99, 10-24.99...)
 */
export const PRICE_BUCKETS: readonly { min: number | null; max: number | null }[] = [
  { min: null, max: 999 },
  { min: 1_000, max: 2_499 },
  { min: 2_500, max: 4_999 },
  { min: 5_000, max: 9_999 },
  { min: 10_000, max: 24_999 },
  { min: 25_000, max: 49_999 },
  { min: 50_000, max: 99_999 },
  { min: 100_000, max: null },
];

/** Index of the bucket holding `price`. */
export function priceBucket(price: number): number {
  return PRICE_BUCKETS.findIndex(
    (b) => (b.min ?? 0) <= price && (b.max === null || price <= b.max),
  );
}

/** Rating facet thresholds: products rated at least 4, 3, 2, 1. */
export const RATING_THRESHOLDS = [4, 3, 2, 1] as const;

/** What the index holds for one published product (built by search.documents.ts). */
export interface SearchDocument {
  productId: string;
  slug: string;
  /** Every stored locale. */
  title: LocalizedText;
  description: LocalizedText;
  brand: string | null;
  tags: string[];
  /** The product's category and its ancestors, root first. */
  categoryIds: string[];
  /** Names of those categories in every locale, for matching ("shoes" finds a sneaker). */
  categoryNames: string[];
  /** Sellers with an ACTIVE offer. */
  sellerIds: string[];
  /** Facet attributes only (definitions with facet: true), values as canonical text. */
  attributes: Record<string, string>;
  /** Lowest ACTIVE offer price in minor units; null without offers. */
  minPrice: number | null;
  currency: string | null;
  inStock: boolean;
  ratingAverage: number | null;
  salesCount: number;
  publishedAt: Date;
  /** Storage key of the first image. */
  imageKey: string | null;
  /** Digest of what a product card shows beyond these fields, stock counts excepted. */
  listingKey: string;
}

export interface AttributeFilter {
  key: string;
  /** Any of these (OR); different keys combine with AND. */
  values: string[];
}

export interface SearchQuery {
  /** Free text; empty for a browse page. */
  text: string;
  /** Includes the category's descendants. */
  categoryId: string | null;
  brands: string[];
  sellerIds: string[];
  /** Minor units, inclusive. */
  priceMin: number | null;
  priceMax: number | null;
  ratingMin: number | null;
  attributes: AttributeFilter[];
  inStockOnly: boolean;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** Null when the caller does not show facets (saves the counting). */
  facets: FacetRequest | null;
}

export interface FacetRequest {
  /** Count these categories (children of the filtered one, or the top level). */
  categoryIds: string[];
  /** Count the values of these attribute keys. */
  attributeKeys: string[];
}

export interface ValueCount {
  value: string;
  count: number;
}

/**
 * Facet counts, each computed with every filter applied except the facet's
 * own (disjunctive faceting): picking a brand leaves the other brands counted.
 */
export interface FacetCounts {
  /** Only requested categories, count > 0. */
  categories: { id: string; count: number }[];
  /** Top FACET_TOP, most frequent first. */
  brands: ValueCount[];
  /** Top FACET_TOP seller ids. */
  sellers: { id: string; count: number }[];
  /** Aligned with PRICE_BUCKETS (zero counts included). */
  priceRanges: number[];
  /** Aligned with RATING_THRESHOLDS. */
  ratings: number[];
  /** Requested keys with at least one value; top FACET_TOP values each. */
  attributes: { key: string; values: ValueCount[] }[];
}

export interface SearchHits {
  /** This page, in order. */
  productIds: string[];
  /** Exact up to MAX_TOTAL, then MAX_TOTAL. */
  total: number;
  facets: FacetCounts | null;
  /** A corrected query when the given one matches little. */
  didYouMean: string | null;
}

export interface ProductSuggestion {
  productId: string;
  title: LocalizedText;
}

export interface SearchEngine {
  /** "postgres" or "meilisearch": reported as SearchResult.engine. */
  readonly name: 'postgres' | 'meilisearch';
  /** Prepares the index (settings); idempotent. */
  start(): Promise<void>;
  /**
   * Adds or replaces documents by product id. Returns the products whose
   * indexed document changed (new or different), or null when the engine
   * cannot tell.
   */
  upsert(documents: readonly SearchDocument[]): Promise<ReadonlySet<string> | null>;
  remove(productIds: readonly string[]): Promise<void>;
  /** Empties the index (a full reindex follows). */
  clear(): Promise<void>;
  search(query: SearchQuery): Promise<SearchHits>;
  /** Products whose title words start with the prefix's words, best sellers first. */
  suggest(prefix: string, limit: number): Promise<ProductSuggestion[]>;
}
