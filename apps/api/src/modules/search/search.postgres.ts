// The default engine: PostgreSQL full-text search over search_documents.
//
// Index side: a weighted tsvector (title of every locale A, brand B, tags and
// category names C, description D) built with the 'simple' configuration over
// unaccented text, so "cafe" finds "Café" and no language stems anything away;
// search_text (folded title, brand, tags) for pg_trgm; the vocabulary in
// search_words (search.words.ts).
//
// Query side: every word is a prefix ("iph" finds iPhone) and all must match;
// ts_rank_cd orders by relevance. When that finds fewer than FEW_RESULTS, each
// word missing from the vocabulary is widened to its close words (pg_trgm
// candidates within Damerau-Levenshtein 1-2) and the search runs once more.
// One statement answers a page: hits, the capped total and every facet count.
import { Prisma, type PrismaClient } from '@bazaar/db';
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
} from './search.engine.js';
import { hasCjk, words } from './search.text.js';
import {
  SYNONYMS,
  clearWords,
  correctWords,
  didYouMean,
  recordWords,
  type Correction,
} from './search.words.js';

const DESCRIPTION_CHARS = 5_000;

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(private readonly prisma: PrismaClient) {}

  async start(): Promise<void> {}

  /** Writes the documents; returns the products whose stored document changed (or is new). */
  async upsert(documents: readonly SearchDocument[]): Promise<ReadonlySet<string>> {
    if (documents.length === 0) return new Set();
    const rows = documents.map((d) => ({
      product_id: d.productId,
      slug: d.slug,
      title: d.title,
      brand: d.brand,
      category_ids: d.categoryIds,
      seller_ids: d.sellerIds,
      attributes: d.attributes,
      min_price: d.minPrice,
      currency: d.currency,
      in_stock: d.inStock,
      rating_average: d.ratingAverage,
      sales_count: d.salesCount,
      published_at: d.publishedAt.toISOString(),
      image_key: d.imageKey,
      listing_key: d.listingKey,
      search_text: words([...Object.values(d.title), d.brand ?? '', ...d.tags].join(' ')).join(' '),
      title_text: words(Object.values(d.title).join(' ')).join(' '),
      brand_text: words(d.brand ?? '').join(' '),
      tag_text: words([...d.tags, ...d.categoryNames].join(' ')).join(' '),
      description_text: words(
        Object.values(d.description)
          .map((text) => text.slice(0, DESCRIPTION_CHARS))
          .join(' '),
      ).join(' '),
    }));
    // A document equal to the stored one is left alone, so RETURNING names the changed ones.
    const changed = await this.prisma.$queryRaw<{ product_id: string }[]>`
        INSERT INTO search_documents AS s (product_id, slug, title, brand, category_ids, seller_ids,
          attributes, min_price, currency, in_stock, rating_average, sales_count, published_at,
          search_text, document, image_key, listing_key, indexed_at)
        SELECT d.product_id, d.slug, d.title, d.brand, d.category_ids, d.seller_ids, d.attributes,
               d.min_price, d.currency, d.in_stock, d.rating_average, d.sales_count, d.published_at,
               unaccent(d.search_text),
               setweight(to_tsvector('simple', unaccent(d.title_text)), 'A')
                 || setweight(to_tsvector('simple', unaccent(d.brand_text)), 'B')
                 || setweight(to_tsvector('simple', unaccent(d.tag_text)), 'C')
                 || setweight(to_tsvector('simple', unaccent(d.description_text)), 'D'),
               d.image_key, d.listing_key, now()
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS d(
            product_id uuid, slug text, title jsonb, brand text, category_ids uuid[],
            seller_ids uuid[], attributes jsonb, min_price int, currency text, in_stock boolean,
            rating_average float8, sales_count int, published_at timestamptz, image_key text,
            listing_key text, search_text text, title_text text, brand_text text, tag_text text,
            description_text text)
          -- A product deleted since its document was built has nothing to index.
         WHERE EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id)
        ON CONFLICT (product_id) DO UPDATE SET
          slug = EXCLUDED.slug, title = EXCLUDED.title, brand = EXCLUDED.brand,
          category_ids = EXCLUDED.category_ids, seller_ids = EXCLUDED.seller_ids,
          attributes = EXCLUDED.attributes, min_price = EXCLUDED.min_price,
          currency = EXCLUDED.currency, in_stock = EXCLUDED.in_stock,
          rating_average = EXCLUDED.rating_average, sales_count = EXCLUDED.sales_count,
          published_at = EXCLUDED.published_at, search_text = EXCLUDED.search_text,
          document = EXCLUDED.document, image_key = EXCLUDED.image_key,
          listing_key = EXCLUDED.listing_key, indexed_at = EXCLUDED.indexed_at
        WHERE (s.slug, s.title, s.brand, s.category_ids, s.seller_ids, s.attributes, s.min_price,
               s.currency, s.in_stock, s.rating_average, s.sales_count, s.published_at,
               s.search_text, s.document, s.image_key, s.listing_key)
              IS DISTINCT FROM
              (EXCLUDED.slug, EXCLUDED.title, EXCLUDED.brand, EXCLUDED.category_ids,
               EXCLUDED.seller_ids, EXCLUDED.attributes, EXCLUDED.min_price, EXCLUDED.currency,
               EXCLUDED.in_stock, EXCLUDED.rating_average, EXCLUDED.sales_count,
               EXCLUDED.published_at, EXCLUDED.search_text, EXCLUDED.document,
               EXCLUDED.image_key, EXCLUDED.listing_key)
        RETURNING s.product_id::text`;
    await recordWords(this.prisma, documents);
    return new Set(changed.map((row) => row.product_id));
  }

  async remove(productIds: readonly string[]): Promise<void> {
    if (productIds.length === 0) return;
    await this.prisma.$executeRaw`
      DELETE FROM search_documents WHERE product_id = ANY(${[...productIds]}::uuid[])`;
  }

  async clear(): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM search_documents`;
    await clearWords(this.prisma);
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    const queryWords = words(query.text);
    const first = await this.run(query, queryWords, new Map());
    if (queryWords.length === 0 || first.total >= FEW_RESULTS) return first;

    // Few hits: widen misspelled words to their close vocabulary words.
    const corrections = await correctWords(this.prisma, queryWords);
    const suggestion = didYouMean(queryWords, corrections);
    const widened = [...corrections.values()].some((c) => c.alternatives.length > 0);
    const second = widened ? await this.run(query, queryWords, corrections) : first;
    let best = second.total > first.total ? second : first;
    // Still nothing: documents whose text is close by pg_trgm word similarity
    // ("iphone15"), for queries long enough for trigrams to mean something.
    if (best.total === 0 && queryWords.join(' ').length >= 5)
      best = await this.run(query, queryWords, corrections, true);
    return { ...best, didYouMean: suggestion };
  }

  async suggest(prefix: string, limit: number): Promise<ProductSuggestion[]> {
    const queryWords = words(prefix);
    if (queryWords.length === 0 || limit <= 0) return [];
    // Title words only (weight A).
    const tsquery = queryWords.map((word) => `${word}:*A`).join(' & ');
    const rows = await this.prisma.$queryRaw<
      { product_id: string; title: Record<string, string> }[]
    >`
      SELECT product_id::text, title FROM search_documents
       WHERE document @@ (SELECT to_tsquery('simple', unaccent(${tsquery})))
       ORDER BY sales_count DESC, published_at DESC, product_id LIMIT ${limit}`;
    return rows.map((row) => ({ productId: row.product_id, title: row.title }));
  }

  /** One statement: the page, the capped total and (when asked) the facet counts. */
  private async run(
    query: SearchQuery,
    queryWords: string[],
    corrections: Map<string, Correction>,
    fuzzy = false,
  ): Promise<SearchHits> {
    const text = textCondition(queryWords, corrections, fuzzy);
    const base: Prisma.Sql[] = [text.condition];
    if (query.categoryId) base.push(Prisma.sql`d.category_ids @> ARRAY[${query.categoryId}::uuid]`);
    if (query.inStockOnly) base.push(Prisma.sql`d.in_stock`);

    // Filters a facet can exclude from its own counts (disjunctive faceting).
    const filters: { name: string; condition: Prisma.Sql }[] = [];
    if (query.brands.length)
      filters.push({
        name: 'brand',
        condition: Prisma.sql`d.brand = ANY(${query.brands}::text[])`,
      });
    if (query.sellerIds.length)
      filters.push({
        name: 'seller',
        condition: Prisma.sql`d.seller_ids && ${query.sellerIds}::uuid[]`,
      });
    if (query.priceMin !== null || query.priceMax !== null)
      filters.push({
        name: 'price',
        condition: Prisma.sql`d.min_price BETWEEN ${query.priceMin ?? 0} AND ${query.priceMax ?? 2_147_483_647}`,
      });
    if (query.ratingMin !== null)
      filters.push({
        name: 'rating',
        condition: Prisma.sql`d.rating_average >= ${query.ratingMin}`,
      });
    for (const attribute of query.attributes) {
      const alternatives = attribute.values.map(
        (value) => Prisma.sql`d.attributes @> ${JSON.stringify({ [attribute.key]: value })}::jsonb`,
      );
      filters.push({
        name: `attr:${attribute.key}`,
        condition: Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`,
      });
    }

    const rank = text.rank;
    const order = orderBy(query, queryWords.length > 0);
    const limit = Math.max(0, Math.min(query.limit, MAX_TOTAL - query.offset));
    const facets = query.facets;
    type Row = { kind: string; id: string | null; data: unknown };

    // The page: numbered in the order of the sorted, limited subquery.
    const page = (source: Prisma.Sql) => Prisma.sql`
      SELECT 'hit' AS kind, product_id::text AS id, to_jsonb(row_number() OVER ()) AS data
        FROM (SELECT product_id FROM ${source} ORDER BY ${order}
               LIMIT ${limit} OFFSET ${query.offset}) page`;

    let rows: Row[];
    if (!facets) {
      // No facets: the sort can walk an index and the count stops at the cap.
      const where = Prisma.join([...base, ...filters.map((f) => f.condition)], ' AND ');
      const source = Prisma.sql`(SELECT d.product_id, d.min_price, d.rating_average, d.sales_count,
                                        d.published_at, ${rank} AS rank
                                   FROM search_documents d WHERE ${where}) h`;
      rows = await this.prisma.$queryRaw<Row[]>`
        ${page(source)}
        UNION ALL
        SELECT 'total', NULL, to_jsonb((SELECT count(*) FROM (
          SELECT 1 FROM search_documents d WHERE ${where} LIMIT ${MAX_TOTAL}) t))`;
    } else {
      // Facets: one pass over the documents matching the text, category and stock,
      // with a flag per other filter; each facet counts rows passing the flags but its own.
      const flags = filters.map((f, i) => Prisma.sql`${f.condition} AS ${Prisma.raw(`f${i}`)}`);
      const allFlags = (except?: string) => {
        const kept = filters.flatMap((f, i) => (f.name === except ? [] : [Prisma.raw(`f${i}`)]));
        return kept.length ? Prisma.join(kept, ' AND ') : Prisma.sql`true`;
      };
      rows = await this.prisma.$queryRaw<Row[]>`
        WITH base AS MATERIALIZED (
          SELECT d.product_id, d.brand, d.seller_ids, d.category_ids, d.min_price, d.rating_average,
                 d.attributes, d.sales_count, d.published_at, ${rank} AS rank
                 ${flags.length ? Prisma.sql`, ${Prisma.join(flags)}` : Prisma.empty}
            FROM search_documents d
           WHERE ${Prisma.join(base, ' AND ')}
        ),
        hits AS MATERIALIZED (SELECT * FROM base WHERE ${allFlags()})
        ${page(Prisma.sql`hits`)}
        UNION ALL
        SELECT 'total', NULL, to_jsonb((SELECT count(*) FROM (SELECT 1 FROM hits LIMIT ${MAX_TOTAL}) t))
        ${this.facetSql(facets, query, allFlags)}`;
    }

    const hits = rows
      .filter((row) => row.kind === 'hit')
      .sort((a, b) => Number(a.data) - Number(b.data))
      .map((row) => row.id!);
    const total = Number(rows.find((row) => row.kind === 'total')?.data ?? 0);
    return {
      productIds: hits,
      total,
      facets: facets ? readFacets(rows, facets) : null,
      didYouMean: null,
    };
  }

  private facetSql(
    facets: NonNullable<SearchQuery['facets']>,
    query: SearchQuery,
    allFlags: (except?: string) => Prisma.Sql,
  ): Prisma.Sql {
    const priceCounts = PRICE_BUCKETS.map(
      (b) =>
        Prisma.sql`count(*) FILTER (WHERE min_price BETWEEN ${b.min ?? 0} AND ${b.max ?? 2_147_483_647})`,
    );
    const ratingCounts = RATING_THRESHOLDS.map(
      (min) => Prisma.sql`count(*) FILTER (WHERE rating_average >= ${min})`,
    );
    const filteredKeys = new Set(query.attributes.map((a) => a.key));
    const freeKeys = facets.attributeKeys.filter((key) => !filteredKeys.has(key));
    const attributeParts: Prisma.Sql[] = [];
    if (freeKeys.length)
      attributeParts.push(Prisma.sql`
        SELECT a.key, a.value FROM hits, jsonb_each_text(hits.attributes) a
         WHERE a.key = ANY(${freeKeys}::text[])`);
    for (const key of facets.attributeKeys.filter((k) => filteredKeys.has(k)))
      attributeParts.push(Prisma.sql`
        SELECT a.key, a.value FROM base, jsonb_each_text(base.attributes) a
         WHERE ${allFlags(`attr:${key}`)} AND a.key = ${key}`);

    return Prisma.sql`
      UNION ALL
      SELECT 'category', c.id::text, to_jsonb(count(*)) FROM hits, unnest(hits.category_ids) AS c(id)
       WHERE c.id = ANY(${facets.categoryIds}::uuid[]) GROUP BY c.id
      UNION ALL
      SELECT 'brand', NULL, coalesce(jsonb_agg(jsonb_build_array(brand, n) ORDER BY n DESC, brand), '[]')
        FROM (SELECT brand, count(*) AS n FROM base WHERE brand IS NOT NULL AND ${allFlags('brand')}
               GROUP BY brand ORDER BY n DESC, brand LIMIT ${FACET_TOP}) b
      UNION ALL
      SELECT 'seller', NULL, coalesce(jsonb_agg(jsonb_build_array(id, n) ORDER BY n DESC, id), '[]')
        FROM (SELECT s.id::text AS id, count(*) AS n FROM base, unnest(base.seller_ids) AS s(id)
               WHERE ${allFlags('seller')} GROUP BY s.id ORDER BY n DESC, s.id LIMIT ${FACET_TOP}) s
      UNION ALL
      SELECT 'price', NULL, jsonb_build_array(${Prisma.join(priceCounts)}) FROM base
       WHERE ${allFlags('price')}
      UNION ALL
      SELECT 'rating', NULL, jsonb_build_array(${Prisma.join(ratingCounts)}) FROM base
       WHERE ${allFlags('rating')}
      ${
        attributeParts.length
          ? Prisma.sql`
      UNION ALL
      SELECT 'attribute', key, jsonb_agg(jsonb_build_array(value, n) ORDER BY n DESC, value) FROM (
        SELECT key, value, n, row_number() OVER (PARTITION BY key ORDER BY n DESC, value) AS r
          FROM (SELECT key, value, count(*) AS n FROM (${Prisma.join(attributeParts, ' UNION ALL ')}) v
                 GROUP BY key, value) counted
      ) ranked WHERE r <= ${FACET_TOP} GROUP BY key`
          : Prisma.empty
      }`;
  }
}

/**
 * The text condition: every word must match, as a prefix of an indexed word,
 * or as one of its corrections or synonyms. Chinese, Japanese and Korean text
 * has no spaces between words, so those words also match as substrings.
 */
function textCondition(
  queryWords: string[],
  corrections: Map<string, Correction>,
  fuzzy: boolean,
): { condition: Prisma.Sql; rank: Prisma.Sql } {
  if (queryWords.length === 0) return { condition: Prisma.sql`true`, rank: Prisma.sql`0` };
  const groups = queryWords.map((word) => {
    const options = [`${word}:*`];
    for (const alternative of corrections.get(word)?.alternatives ?? []) options.push(alternative);
    for (const synonym of SYNONYMS[word] ?? []) {
      const parts = words(synonym);
      if (parts.length) options.push(parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`);
    }
    return options.length === 1 ? options[0]! : `(${options.join(' | ')})`;
  });
  // A scalar subquery runs once (unaccent is only STABLE, so a plain call would run per row).
  const tsquery = Prisma.sql`(SELECT to_tsquery('simple', unaccent(${groups.join(' & ')})))`;
  const alternatives = [Prisma.sql`d.document @@ ${tsquery}`];
  let rank = Prisma.sql`ts_rank_cd(d.document, ${tsquery})`;
  // Chinese, Japanese and Korean have no spaces between words: match substrings too.
  if (queryWords.some(hasCjk))
    alternatives.push(
      Prisma.sql`(${Prisma.join(
        queryWords.map((word) => Prisma.sql`d.search_text LIKE ${`%${word}%`}`),
        ' AND ',
      )})`,
    );
  if (fuzzy) {
    // `<%`: word_similarity above pg_trgm.word_similarity_threshold (0.6), through the trigram index.
    const text = queryWords.join(' ');
    alternatives.push(Prisma.sql`${text} <% d.search_text`);
    rank = Prisma.sql`${rank} + word_similarity(${text}, d.search_text)`;
  }
  return {
    condition:
      alternatives.length === 1
        ? alternatives[0]!
        : Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`,
    rank,
  };
}

function orderBy(query: SearchQuery, hasText: boolean): Prisma.Sql {
  switch (query.sort) {
    case 'PRICE_ASC':
      return Prisma.sql`min_price ASC NULLS LAST, product_id`;
    case 'PRICE_DESC':
      return Prisma.sql`min_price DESC NULLS LAST, product_id`;
    case 'NEWEST':
      return Prisma.sql`published_at DESC, product_id`;
    case 'RATING':
      return Prisma.sql`rating_average DESC NULLS LAST, sales_count DESC, product_id`;
    case 'BEST_SELLING':
      return Prisma.sql`sales_count DESC, published_at DESC, product_id`;
    case 'RELEVANCE':
      return hasText
        ? Prisma.sql`rank DESC, sales_count DESC, published_at DESC, product_id`
        : Prisma.sql`sales_count DESC, published_at DESC, product_id`;
  }
}

function readFacets(
  rows: { kind: string; id: string | null; data: unknown }[],
  request: NonNullable<SearchQuery['facets']>,
): FacetCounts {
  const pairs = (kind: string) =>
    ((rows.find((row) => row.kind === kind)?.data ?? []) as [string, number][]).map(
      ([value, count]) => ({ value, count: Number(count) }),
    );
  const counts = (kind: string, length: number) => {
    const data = (rows.find((row) => row.kind === kind)?.data ?? []) as number[];
    return Array.from({ length }, (_, i) => Number(data[i] ?? 0));
  };
  const attributes = rows
    .filter((row) => row.kind === 'attribute')
    .map((row) => ({
      key: row.id!,
      values: (row.data as [string, number][]).map(([value, count]) => ({
        value,
        count: Number(count),
      })),
    }));
  return {
    categories: rows
      .filter((row) => row.kind === 'category')
      .map((row) => ({ id: row.id!, count: Number(row.data) })),
    brands: pairs('brand'),
    sellers: pairs('seller').map(({ value, count }) => ({ id: value, count })),
    priceRanges: counts('price', PRICE_BUCKETS.length),
    ratings: counts('rating', RATING_THRESHOLDS.length),
    attributes: request.attributeKeys.flatMap((key) => attributes.filter((a) => a.key === key)),
  };
}
