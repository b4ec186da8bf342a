// Builds search documents from the database for a batch of product ids.
//
// This is the search read model: unlike the rest of the API, which goes
// through each module's service, it reads the catalog, offer and stock tables
// directly. A document denormalises all of them (title, category chain, the
// cheapest active offer, stock across locations), and building thousands per
// reindex through per-product service calls would cost one round trip per
// relation per product; three set-based queries per batch do it instead. It
// only reads, and the outbox tells it when any of those tables changed.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@bazaar/db';
import type { LocalizedText } from '../../common/i18n/locale.js';
import { attributeText, parseDefinitions } from '../catalog/catalog.validation.js';
import type { SearchDocument } from './search.engine.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Deep enough for any real tree; stops a corrupt cycle from looping. */
const MAX_DEPTH = 20;

interface ProductRow {
  id: string;
  slug: string;
  status: string;
  category_id: string | null;
  brand: string | null;
  tags: string[] | null;
  title: unknown;
  description: unknown;
  attributes: unknown;
  rating_average: number | null;
  rating_count: number;
  sales_count: number;
  published_at: Date | null;
  updated_at: Date;
  image_key: string | null;
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: unknown;
  attribute_definitions: unknown;
}

interface OfferRow {
  id: string;
  product_id: string;
  seller_id: string;
  price: number;
  compare_at_price: number | null;
  currency: string;
  allow_backorder: boolean;
  updated_at: Date;
  available: number;
}

export interface BuiltDocuments {
  /** Published products. */
  documents: SearchDocument[];
  /** Everything else asked for (draft, archived, deleted): to drop from the index. */
  removed: string[];
}

export async function buildSearchDocuments(
  db: Db,
  productIds: readonly string[],
): Promise<BuiltDocuments> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return { documents: [], removed: [] };

  const products = await db.$queryRaw<ProductRow[]>`
    SELECT p.id::text, p.slug::text, p.status::text, p.category_id::text, p.brand, p.tags,
           p.title, p.description, p.attributes, p.rating_average, p.rating_count, p.sales_count,
           p.published_at, p.updated_at,
           (SELECT m.storage_key FROM product_images i JOIN media m ON m.id = i.media_id
             WHERE i.product_id = p.id ORDER BY i.position, i.created_at, i.id LIMIT 1) AS image_key
      FROM products p
     WHERE p.id = ANY(${ids}::uuid[]) AND p.status = 'PUBLISHED'`;
  const published = new Set(products.map((p) => p.id));
  const removed = ids.filter((id) => !published.has(id));
  if (products.length === 0) return { documents: [], removed };

  const categoryIds = [...new Set(products.flatMap((p) => (p.category_id ? [p.category_id] : [])))];
  const [categories, offers] = await Promise.all([
    categoryIds.length
      ? db.$queryRaw<CategoryRow[]>`
          WITH RECURSIVE up (id, depth) AS (
            SELECT id, 0 FROM categories WHERE id = ANY(${categoryIds}::uuid[])
            UNION
            SELECT c.parent_id, up.depth + 1 FROM up JOIN categories c ON c.id = up.id
             WHERE c.parent_id IS NOT NULL AND up.depth < ${MAX_DEPTH}
          )
          SELECT DISTINCT c.id::text, c.parent_id::text, c.name, c.attribute_definitions
            FROM categories c JOIN up ON up.id = c.id`
      : Promise.resolve([] as CategoryRow[]),
    // Available = on hand - reserved over the offer's locations (never below 0).
    db.$queryRaw<OfferRow[]>`
      SELECT o.id::text, v.product_id::text, o.seller_id::text, o.price, o.compare_at_price,
             o.currency::text, o.allow_backorder, o.updated_at,
             greatest(coalesce(sum(s.on_hand - s.reserved), 0), 0)::int AS available
        FROM offers o
        JOIN variants v ON v.id = o.variant_id
        LEFT JOIN stock_levels s ON s.offer_id = o.id
       WHERE v.product_id = ANY(${[...published]}::uuid[]) AND o.status = 'ACTIVE'
       GROUP BY o.id, v.product_id`,
  ]);

  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const offersByProduct = new Map<string, OfferRow[]>();
  for (const offer of offers) {
    const list = offersByProduct.get(offer.product_id) ?? [];
    list.push(offer);
    offersByProduct.set(offer.product_id, list);
  }

  const documents = products.map((product): SearchDocument => {
    const chain = categoryChain(product.category_id, categoryById);
    const productOffers = offersByProduct.get(product.id) ?? [];
    const cheapest = productOffers.reduce<OfferRow | null>(
      (best, offer) => (!best || offer.price < best.price ? offer : best),
      null,
    );
    return {
      productId: product.id,
      slug: product.slug,
      title: localized(product.title),
      description: localized(product.description),
      brand: product.brand?.trim() || null,
      tags: product.tags ?? [],
      categoryIds: chain.map((c) => c.id),
      categoryNames: chain.flatMap((c) => Object.values(localized(c.name))),
      sellerIds: [...new Set(productOffers.map((o) => o.seller_id))].sort(),
      attributes: facetAttributes(product.attributes, chain),
      minPrice: cheapest?.price ?? null,
      currency: cheapest?.currency ?? null,
      inStock: productOffers.some((o) => o.available > 0 || o.allow_backorder),
      ratingAverage: product.rating_average,
      salesCount: product.sales_count,
      publishedAt: product.published_at ?? product.updated_at,
      imageKey: product.image_key,
      listingKey: listingKey(product, productOffers),
    };
  });
  return { documents, removed };
}

/**
 * What a product card (lists, search, category and seller pages) shows that
 * the other document fields do not hold: the product's last edit (variants,
 * images and texts bump it), its rating count, and each active offer's terms
 * and whether it can be sold now (which offer is the buy box). Stock counts are
 * left out on purpose: a sale that leaves an offer in stock changes no listing.
 */
function listingKey(product: ProductRow, offers: readonly OfferRow[]): string {
  const terms = [...offers]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((o) => [
      o.id,
      o.updated_at.toISOString(),
      o.price,
      o.compare_at_price,
      o.currency,
      o.available > 0,
      o.allow_backorder,
    ]);
  const key = [product.updated_at.toISOString(), product.rating_count, terms];
  return createHash('sha256').update(JSON.stringify(key)).digest('base64url');
}

/** The category and its ancestors, root first. */
function categoryChain(id: string | null, byId: Map<string, CategoryRow>): CategoryRow[] {
  const chain: CategoryRow[] = [];
  const seen = new Set<string>();
  for (let current = id ? byId.get(id) : undefined; current && !seen.has(current.id);) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parent_id ? byId.get(current.parent_id) : undefined;
  }
  return chain;
}

/** The product's values of the chain's facet attributes, as canonical text. */
function facetAttributes(json: unknown, chain: CategoryRow[]): Record<string, string> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const values = json as Record<string, unknown>;
  const facets = new Set(
    chain.flatMap((c) =>
      parseDefinitions(c.attribute_definitions)
        .filter((d) => d.facet)
        .map((d) => d.key),
    ),
  );
  const result: Record<string, string> = {};
  for (const key of [...facets].sort()) {
    const value = values[key];
    if (value === null || value === undefined || value === '') continue;
    result[key] = attributeText(value);
  }
  return result;
}

function localized(json: unknown): LocalizedText {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    ),
  ) as LocalizedText;
}
