// The database look-ups of an import plan, made in bulk (read-only) for all
// the rows at once: existing variants, products, categories, barcodes, the
// seller's locations and stores, offers and stock levels.
import type { Prisma } from '@bazaar/db';
import type { ParsedRow } from './import-row.parser.js';
import type { LocationRef } from './import-plan.types.js';
import {
  type OfferCondition,
  type StoredDefinition,
  parseDefinitions,
  slugify,
} from './imports.rules.js';

interface ExistingVariant {
  id: string;
  sku: string;
  product_id: string;
  barcode: string | null;
  owner_seller_id: string | null;
  product_slug: string;
  category_id: string | null;
  options: unknown;
}

export interface ExistingProduct {
  id: string;
  slug: string;
  owner_seller_id: string | null;
  category_id: string | null;
  options: unknown;
  max_position: number | null;
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  slug: string;
  attribute_definitions: unknown;
}

export type Db = Prisma.TransactionClient;

/** The product slugs a new SKU without product_slug may get, best first. */
export function generatedSlugs(row: ParsedRow): string[] {
  const base = row.title.en ? slugify(row.title.en) : slugify(row.sku);
  const withSku = slugify(`${base}-${row.sku}`);
  return [base, withSku];
}

/** One key per location, existing or still to be created. */
export function locationKey(ref: LocationRef): string {
  return ref.kind === 'existing'
    ? ref.id
    : ref.kind === 'store'
      ? `store:${ref.storeId}`
      : 'default';
}

export type PlanLookups = Awaited<ReturnType<typeof lookUpPlanData>>;

/** Everything the rows refer to in the database, looked up in bulk. */
export async function lookUpPlanData(db: Db, sellerId: string, rows: readonly ParsedRow[]) {
  const skus = [...new Set(rows.map((row) => row.skuKey))];
  const variants = skus.length
    ? await db.$queryRaw<ExistingVariant[]>`
        SELECT v.id::text, v.sku::text, v.product_id::text, v.barcode, p.owner_seller_id::text,
               p.slug::text AS product_slug, p.category_id::text, p.options
          FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.sku = ANY(${skus}::citext[])`
    : [];
  const variantBySku = new Map(variants.map((variant) => [variant.sku.toLowerCase(), variant]));

  const slugCandidates = new Set<string>();
  for (const row of rows) {
    if (variantBySku.has(row.skuKey)) continue;
    if (row.productSlug) slugCandidates.add(row.productSlug);
    else if (row.title.en) for (const slug of generatedSlugs(row)) slugCandidates.add(slug);
  }
  const products = slugCandidates.size
    ? await db.$queryRaw<ExistingProduct[]>`
        SELECT p.id::text, p.slug::text, p.owner_seller_id::text, p.category_id::text, p.options,
               (SELECT max(v.position) FROM variants v WHERE v.product_id = p.id) AS max_position
          FROM products p WHERE p.slug = ANY(${[...slugCandidates]}::citext[])`
    : [];
  const productBySlug = new Map(products.map((product) => [product.slug.toLowerCase(), product]));

  const categorySlugs = [
    ...new Set(rows.flatMap((row) => (row.categorySlug ? [row.categorySlug] : []))),
  ];
  const ownCategoryIds = [
    ...new Set(
      [...variants, ...products].flatMap((v) =>
        v.owner_seller_id === sellerId && v.category_id ? [v.category_id] : [],
      ),
    ),
  ];
  const categories =
    categorySlugs.length || ownCategoryIds.length
      ? await db.$queryRaw<CategoryRow[]>`
          WITH RECURSIVE tree AS (
            SELECT id, parent_id, slug, attribute_definitions FROM categories
             WHERE slug = ANY(${categorySlugs}::citext[]) OR id = ANY(${ownCategoryIds}::uuid[])
            UNION
            SELECT c.id, c.parent_id, c.slug, c.attribute_definitions
              FROM categories c JOIN tree ON c.id = tree.parent_id)
          SELECT id::text, parent_id::text, slug::text, attribute_definitions FROM tree`
      : [];
  const categoryById = new Map(categories.map((category) => [category.id, category]));
  const categoryBySlug = new Map(
    categories.map((category) => [category.slug.toLowerCase(), category]),
  );
  const definitionsCache = new Map<string, StoredDefinition[]>();
  const definitionsOf = (categoryId: string): StoredDefinition[] => {
    let definitions = definitionsCache.get(categoryId);
    if (!definitions) {
      const chain: CategoryRow[] = [];
      for (
        let category = categoryById.get(categoryId);
        category && chain.length < 50;
        category = category.parent_id ? categoryById.get(category.parent_id) : undefined
      )
        chain.unshift(category);
      definitions = chain.flatMap((category) => parseDefinitions(category.attribute_definitions));
      definitionsCache.set(categoryId, definitions);
    }
    return definitions;
  };

  const barcodes = [...new Set(rows.flatMap((row) => (row.barcode ? [row.barcode] : [])))];
  const barcodeRows = barcodes.length
    ? await db.$queryRaw<{ barcode: string; sku: string }[]>`
        SELECT barcode, sku::text FROM variants WHERE barcode = ANY(${barcodes}::text[])`
    : [];
  const barcodeOwners = new Map<string, string[]>();
  for (const { barcode, sku } of barcodeRows)
    (barcodeOwners.get(barcode) ?? barcodeOwners.set(barcode, []).get(barcode)!).push(
      sku.toLowerCase(),
    );

  const locations = await db.$queryRaw<
    { id: string; name: string; kind: 'WAREHOUSE' | 'STORE'; store_id: string | null }[]
  >`SELECT id::text, name, kind::text, store_id::text FROM stock_locations
     WHERE seller_id = ${sellerId}::uuid ORDER BY created_at, id`;
  const stores = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id::text, name FROM stores WHERE seller_id = ${sellerId}::uuid ORDER BY created_at, id`;
  const locationByName = new Map<string, LocationRef>();
  for (const store of stores) {
    const existing = locations.find((location) => location.store_id === store.id);
    locationByName.set(
      store.name.toLowerCase(),
      existing
        ? { kind: 'existing', id: existing.id }
        : { kind: 'store', storeId: store.id, name: store.name },
    );
  }
  // Location names win over store names; the oldest of equal names wins.
  for (const location of [...locations].reverse())
    locationByName.set(location.name.toLowerCase(), { kind: 'existing', id: location.id });
  const warehouse = locations.find((location) => location.kind === 'WAREHOUSE');
  const defaultLocation: LocationRef = warehouse
    ? { kind: 'existing', id: warehouse.id }
    : { kind: 'default' };

  const knownVariantIds = [...new Set(variants.map((variant) => variant.id))];
  const offers = knownVariantIds.length
    ? await db.$queryRaw<
        { id: string; variant_id: string; condition: OfferCondition; allow_backorder: boolean }[]
      >`SELECT id::text, variant_id::text, condition::text, allow_backorder FROM offers
         WHERE seller_id = ${sellerId}::uuid AND variant_id = ANY(${knownVariantIds}::uuid[])`
    : [];
  const offerByKey = new Map(
    offers.map((offer) => [`${offer.variant_id}|${offer.condition}`, offer]),
  );
  const levels = offers.length
    ? await db.$queryRaw<
        { offer_id: string; location_id: string; on_hand: number; reserved: number }[]
      >`
        SELECT offer_id::text, location_id::text, on_hand, reserved FROM stock_levels
         WHERE offer_id = ANY(${offers.map((offer) => offer.id)}::uuid[])`
    : [];
  const levelByKey = new Map(
    levels.map((level) => [`${level.offer_id}|${level.location_id}`, level]),
  );

  return {
    variantBySku,
    productBySlug,
    categoryBySlug,
    definitionsOf,
    barcodeOwners,
    locationByName,
    defaultLocation,
    offerByKey,
    levelByKey,
  };
}
