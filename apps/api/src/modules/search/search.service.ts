// Search for the GraphQL API: turns SearchInput into an engine query (the
// category slug resolved, the facet candidates chosen), then the engine's
// product ids into Product edges through the catalog's loaders.
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { BadInputError } from '../../common/errors/errors.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { pickText, type LocalizedText } from '../../common/i18n/locale.js';
import { type PageInfo, decodeCursor, encodeCursor } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import type { Category, Product } from '../catalog/catalog.types.js';
import { parseDefinitions } from '../catalog/catalog.validation.js';
import type { Seller } from '../sellers/sellers.types.js';
import {
  MAX_TOTAL,
  PRICE_BUCKETS,
  RATING_THRESHOLDS,
  type FacetCounts,
  type FacetRequest,
  type SearchQuery,
} from './search.engine.js';
import type { SearchReindexErrorCode } from './search.errors.js';
import { searchCaches } from './search.cache.js';
import { enqueueReindex } from './search.indexer.js';
import { searchEngines } from './search.registry.js';
import { words } from './search.text.js';
import { completeWord } from './search.words.js';
import {
  SEARCH_LIMITS,
  type SearchFacets,
  type SearchInput,
  type SearchSuggestion,
} from './search.types.js';

const MAX_DEPTH = 20;
/** At most this many attribute facets per page. */
const MAX_FACET_KEYS = 20;

export interface SearchResultShape {
  edges: { cursor: string; node: Product }[];
  pageInfo: PageInfo;
  totalCount: number;
  facets: SearchFacets;
  didYouMean: string | null;
  engine: string;
}

interface CategoryContextRow {
  id: string;
  position: number;
  attribute_definitions: unknown;
  in_chain: boolean;
  below: boolean;
  selected: boolean;
  child: boolean;
  sibling: boolean;
}

interface CategoryContext {
  /** The filtered category; undefined when none was asked for. */
  selectedId: string | null;
  /** Categories the facet lists, in order; `selected` marks the filtered one (leaf pages). */
  facetCategories: { id: string; selected: boolean }[];
  /** Facet attribute keys with their localized names. */
  attributes: { key: string; name: LocalizedText }[];
}

function isOffsetKey(value: unknown): value is { o: number } {
  const o = (value as { o?: unknown } | null)?.o;
  return typeof o === 'number' && Number.isInteger(o) && o >= 0 && o < MAX_TOTAL;
}

/**
 * The filtered category, the categories to count (its children, or the top
 * level; a leaf lists its siblings with itself selected) and the facet
 * attributes (its chain's, or every category's on a search without one).
 */
async function categoryContext(
  ctx: Context,
  slug: string | null,
  withFacets: boolean,
): Promise<CategoryContext | null> {
  if (!slug && !withFacets) return { selectedId: null, facetCategories: [], attributes: [] };
  const rows = await ctx.db.prisma.$queryRaw<CategoryContextRow[]>`
    WITH RECURSIVE sel AS (SELECT id, parent_id FROM categories WHERE slug = ${slug}::citext),
    chain (id, depth) AS (
      SELECT id, 0 FROM sel
      UNION ALL
      SELECT c.parent_id, chain.depth + 1 FROM chain JOIN categories c ON c.id = chain.id
       WHERE c.parent_id IS NOT NULL AND chain.depth < ${MAX_DEPTH}
    ),
    below (id, depth) AS (
      SELECT c.id, 1 FROM categories c JOIN sel ON c.parent_id = sel.id
      UNION ALL
      SELECT c.id, below.depth + 1 FROM below JOIN categories c ON c.parent_id = below.id
       WHERE below.depth < ${MAX_DEPTH}
    )
    SELECT c.id::text, c.position, c.attribute_definitions,
           chain.id IS NOT NULL AS in_chain,
           below.id IS NOT NULL AS below,
           c.id IN (SELECT id FROM sel) AS selected,
           c.parent_id IS NOT DISTINCT FROM (SELECT id FROM sel) AS child,
           c.parent_id IS NOT DISTINCT FROM (SELECT parent_id FROM sel) AS sibling
      FROM categories c
      LEFT JOIN (SELECT DISTINCT id, depth FROM chain) chain ON chain.id = c.id
      LEFT JOIN (SELECT id, min(depth) AS depth FROM below GROUP BY id) below ON below.id = c.id
     WHERE chain.id IS NOT NULL
        OR c.parent_id IS NOT DISTINCT FROM (SELECT id FROM sel)
        OR c.parent_id IS NOT DISTINCT FROM (SELECT parent_id FROM sel)
        OR ((below.id IS NOT NULL OR (${slug}::text IS NULL AND ${withFacets}::boolean))
            AND jsonb_path_exists(c.attribute_definitions, '$[*] ? (@.facet == true)'))
     ORDER BY chain.depth DESC NULLS LAST, below.depth NULLS FIRST, c.position, c.id`;
  const selected = rows.find((row) => row.selected);
  if (slug && !selected) return null;

  const children = rows.filter((row) => row.child);
  const facetCategories = slug
    ? children.length
      ? children.map((row) => ({ id: row.id, selected: false }))
      : rows.filter((row) => row.sibling).map((row) => ({ id: row.id, selected: row.selected }))
    : children.map((row) => ({ id: row.id, selected: false }));

  // Facet attributes: the chain's definitions root first, then its descendants' (a
  // department page offers its subcategories' facets); every category's without one.
  // The engines only report keys with values among the hits.
  const attributes = new Map<string, LocalizedText>();
  for (const row of slug ? rows.filter((r) => r.in_chain || r.below) : rows)
    for (const definition of parseDefinitions(row.attribute_definitions))
      if (definition.facet && !attributes.has(definition.key) && attributes.size < MAX_FACET_KEYS)
        attributes.set(definition.key, definition.name);
  return {
    selectedId: selected?.id ?? null,
    facetCategories,
    attributes: [...attributes].map(([key, name]) => ({ key, name })),
  };
}

function emptyFacets(): SearchFacets {
  return { categories: [], brands: [], sellers: [], priceRanges: [], ratings: [], attributes: [] };
}

export async function search(
  ctx: Context,
  input: SearchInput,
  args: { first: number; after?: string | null },
  options: { facets: boolean },
): Promise<SearchResultShape> {
  const engine = searchEngines(ctx.services.env, ctx.db).query;
  const offset = args.after ? decodeCursor(args.after, isOffsetKey).o + 1 : 0;
  const brands = [...new Set((input.brands ?? []).map((b) => b.trim()).filter(Boolean))];
  const sellerIds = [...new Set((input.sellerIds ?? []).map((id) => id.toLowerCase()))];
  const attributes = (input.attributes ?? [])
    .map((a) => ({
      key: a.key.trim(),
      values: [...new Set(a.values.map((v) => v.trim()).filter(Boolean))],
    }))
    .filter((a) => a.values.length > 0);
  if (attributes.some((a) => !/^[a-z][a-z0-9_]{0,39}$/.test(a.key)))
    throw new BadInputError('Unknown attribute key.', [
      { field: 'input.attributes', message: 'Unknown attribute key.' },
    ]);
  const keys = attributes.map((a) => a.key);
  if (new Set(keys).size !== keys.length)
    throw new BadInputError('An attribute is filtered twice.', [
      { field: 'input.attributes', message: 'Give each attribute key once.' },
    ]);

  const slug = input.categorySlug?.trim() || null;
  const context = await categoryContext(ctx, slug, options.facets);
  const empty = (): SearchResultShape => ({
    edges: [],
    pageInfo: {
      hasNextPage: false,
      hasPreviousPage: offset > 0,
      startCursor: null,
      endCursor: null,
    },
    totalCount: 0,
    facets: emptyFacets(),
    didYouMean: null,
    engine: engine.name,
  });
  if (!context) return empty(); // an unknown category has no products

  const facetRequest: FacetRequest | null = options.facets
    ? {
        categoryIds: context.facetCategories.map((c) => c.id),
        attributeKeys: context.attributes.map((a) => a.key),
      }
    : null;
  const query: SearchQuery = {
    text: (input.query ?? '').trim(),
    categoryId: context.selectedId,
    brands,
    sellerIds,
    priceMin: input.priceMin ?? null,
    priceMax: input.priceMax ?? null,
    ratingMin: input.ratingMin ?? null,
    attributes,
    inStockOnly: input.inStockOnly,
    sort: input.sort,
    offset,
    limit: offset >= MAX_TOTAL ? 0 : args.first,
    facets: facetRequest,
  };
  // Facet counts are the same for every shopper on a page: reuse them for a few seconds.
  const facetCache = searchCaches(ctx.db.prisma).facets;
  const facetKey = facetRequest
    ? JSON.stringify([
        engine.name,
        query.text.toLowerCase(),
        query.categoryId,
        [...brands].sort(),
        [...sellerIds].sort(),
        query.priceMin,
        query.priceMax,
        query.ratingMin,
        [...attributes]
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map((a) => [a.key, [...a.values].sort()]),
        query.inStockOnly,
        facetRequest,
      ])
    : null;
  const cachedFacets = facetKey ? facetCache.get(facetKey) : undefined;
  const hits = await engine.search(cachedFacets ? { ...query, facets: null } : query);
  if (facetKey && hits.facets) facetCache.set(facetKey, hits.facets);
  const facetCounts = cachedFacets ?? hits.facets;

  const products = await ctx.loaders.catalog.productById.loadMany(hits.productIds);
  const edges = hits.productIds.flatMap((_, index) => {
    const product = products[index];
    // The index can trail a change by a moment: skip what is gone or unpublished.
    if (!product || product instanceof Error || product.status !== 'PUBLISHED') return [];
    return [{ cursor: encodeCursor({ o: offset + index }), node: product as Product }];
  });
  const lastPosition = offset + hits.productIds.length;

  return {
    edges,
    pageInfo: {
      hasNextPage: lastPosition < hits.total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: hits.productIds.length > 0 ? encodeCursor({ o: lastPosition - 1 }) : null,
    },
    totalCount: hits.total,
    facets: facetCounts ? await facetsFor(ctx, facetCounts, context, query) : emptyFacets(),
    didYouMean: hits.didYouMean,
    engine: engine.name,
  };
}

async function facetsFor(
  ctx: Context,
  counts: FacetCounts,
  context: CategoryContext,
  query: SearchQuery,
): Promise<SearchFacets> {
  const categoryCounts = new Map(counts.categories.map((c) => [c.id, c.count]));
  const shownCategories = context.facetCategories.filter((c) => categoryCounts.has(c.id));
  const [categories, sellers] = await Promise.all([
    ctx.loaders.catalog.categoryById.loadMany(shownCategories.map((c) => c.id)),
    ctx.loaders.sellers.sellerById.loadMany(counts.sellers.map((s) => s.id)),
  ]);
  const attributeNames = new Map(context.attributes.map((a) => [a.key, a.name]));
  const selectedAttributes = new Map(query.attributes.map((a) => [a.key, new Set(a.values)]));
  return {
    categories: shownCategories.flatMap((c, index) => {
      const category = categories[index];
      return category && !(category instanceof Error)
        ? [
            {
              category: category as Category,
              count: categoryCounts.get(c.id)!,
              selected: c.selected,
            },
          ]
        : [];
    }),
    brands: counts.brands.map((b) => ({ ...b, selected: query.brands.includes(b.value) })),
    sellers: counts.sellers.flatMap((s, index) => {
      const seller = sellers[index];
      return seller && !(seller instanceof Error)
        ? [{ seller: seller as Seller, count: s.count, selected: query.sellerIds.includes(s.id) }]
        : [];
    }),
    priceRanges: PRICE_BUCKETS.flatMap((bucket, index) => {
      const count = counts.priceRanges[index] ?? 0;
      return count > 0 ? [{ min: bucket.min, max: bucket.max, count }] : [];
    }),
    ratings: RATING_THRESHOLDS.flatMap((min, index) => {
      const count = counts.ratings[index] ?? 0;
      return count > 0 ? [{ min, count }] : [];
    }),
    attributes: counts.attributes.map((a) => ({
      key: a.key,
      name: pickText(attributeNames.get(a.key), ctx.locale) ?? a.key,
      values: a.values.map((v) => ({
        ...v,
        selected: selectedAttributes.get(a.key)?.has(v.value) ?? false,
      })),
    })),
  };
}

/** Autocomplete: products whose title starts with the words typed, then word completions. */
export async function suggestions(
  ctx: Context,
  text: string,
  first: number,
): Promise<SearchSuggestion[]> {
  const limit = Math.max(0, Math.min(first, SEARCH_LIMITS.suggestions));
  const typed = text.trim().slice(0, SEARCH_LIMITS.queryLength);
  const typedWords = words(typed);
  if (limit === 0 || typedWords.length === 0) return [];
  const engine = searchEngines(ctx.services.env, ctx.db).query;
  const last = typedWords.at(-1)!;
  const [found, completions] = await Promise.all([
    engine.suggest(typed, limit),
    completeWord(ctx.db.prisma, last, limit),
  ]);
  const products = await ctx.loaders.catalog.productById.loadMany(found.map((f) => f.productId));
  // Products first, leaving room for some words.
  const productRoom = limit - Math.min(completions.length, Math.floor(limit / 2));
  const result: SearchSuggestion[] = [];
  const seen = new Set<string>();
  found.forEach((suggestion, index) => {
    const product = products[index];
    if (result.length >= productRoom || !product || product instanceof Error) return;
    if (product.status !== 'PUBLISHED') return;
    const title = pickText(suggestion.title, ctx.locale) ?? product.slug;
    seen.add(title.toLowerCase());
    result.push({ text: title, product: product as Product });
  });
  const head = typedWords.slice(0, -1).join(' ');
  for (const word of completions) {
    if (result.length >= limit) break;
    const completed = head ? `${head} ${word}` : word;
    if (seen.has(completed)) continue;
    seen.add(completed);
    result.push({ text: completed, product: null });
  }
  return result;
}

/** Queues every product for indexing; the indexer job does the work. */
export async function reindex(
  ctx: Context,
): Promise<{ queued: number | null; errors: PayloadErrors<SearchReindexErrorCode>['list'] }> {
  const errors = new PayloadErrors<SearchReindexErrorCode>();
  if (!can(ctx.session, Permission.SEARCH_MANAGE)) {
    errors.add('FORBIDDEN', 'Rebuilding the search index is for platform admins.');
    return { queued: null, errors: errors.list };
  }
  const queued = await enqueueReindex(ctx.db.prisma);
  ctx.log.info({ queued }, 'search reindex queued');
  return { queued, errors: [] };
}
