// What each row of an import refers to: its product (existing, new or another
// seller's), category, attributes, barcode and stock location, checked row by
// row against the plan's look-ups.
import type { Column } from './imports.csv.js';
import type { AddRowError, ParsedRow } from './import-row.parser.js';
import type { LocationRef } from './import-plan.types.js';
import {
  type ExistingProduct,
  type PlanLookups,
  generatedSlugs,
  locationKey,
} from './import-plan.lookups.js';
import { type StoredAttributeValue as AttributeValue, parseAttributes } from './imports.rules.js';

/** The rows making one product (new or the seller's own) by its slug. */
export interface Group {
  slug: string;
  rows: ParsedRow[];
  existing: ExistingProduct | null;
}

export type RowReferences = ReturnType<typeof resolveReferences>;

/** Resolves each row's references, adding a row error for each problem found. */
export function resolveReferences(
  rows: readonly ParsedRow[],
  sellerId: string,
  lookups: PlanLookups,
  addError: AddRowError,
) {
  const {
    variantBySku,
    productBySlug,
    categoryBySlug,
    definitionsOf,
    barcodeOwners,
    locationByName,
    defaultLocation,
    offerByKey,
    levelByKey,
  } = lookups;

  // ---- Row by row: what each refers to.
  const groups = new Map<string, Group>();
  const productOfRow = new Map<
    number,
    { own: boolean; productId: string | null; group: Group | null }
  >();
  const categoryOfRow = new Map<number, string | null>();
  const attributesOfRow = new Map<number, Record<string, AttributeValue> | null>();
  const locationOfRow = new Map<number, LocationRef>();
  const firstBarcodeSku = new Map<string, string>();
  const seenOfferLocation = new Map<string, number>();
  const usedGeneratedSlugs = new Set<string>();

  type Problem = [column: Column, code: string, message: string];
  interface Resolution {
    own: boolean;
    productId: string | null;
    group: Group | null;
    categoryId: string | null;
    attributes: Record<string, AttributeValue> | null;
    problems: Problem[];
  }
  /** What a SKU's rows refer to: resolved once per SKU (its rows agree on these columns). */
  const resolveProduct = (row: ParsedRow): Resolution => {
    const existing = variantBySku.get(row.skuKey);
    const problems: Problem[] = [];
    const result = (fields: Partial<Resolution>): Resolution => ({
      own: true,
      productId: null,
      group: null,
      categoryId: null,
      attributes: null,
      problems,
      ...fields,
    });
    let own = true;
    let group: Group | null = null;
    let productId: string | null = null;
    let categoryId: string | null = null;
    if (existing) {
      own = existing.owner_seller_id === sellerId;
      productId = existing.product_id;
      categoryId = existing.category_id;
      if (own && row.productSlug && row.productSlug !== existing.product_slug.toLowerCase())
        problems.push([
          'product_slug',
          'SLUG_MISMATCH',
          `SKU ${row.sku} belongs to product "${existing.product_slug}": a SKU cannot move to another product.`,
        ]);
    } else {
      let slug = row.productSlug;
      if (!slug) {
        if (!row.title.en) {
          problems.push([
            'title_en',
            'TITLE_REQUIRED',
            `SKU ${row.sku} is new: give its title_en.`,
          ]);
          return result({});
        }
        slug =
          generatedSlugs(row).find(
            (candidate) =>
              candidate &&
              !productBySlug.has(candidate) &&
              !groups.has(candidate) &&
              !usedGeneratedSlugs.has(candidate),
          ) ?? null;
        if (!slug) {
          problems.push([
            'product_slug',
            'SLUG_TAKEN',
            "Another product has this title's slug: give a product_slug.",
          ]);
          return result({});
        }
        usedGeneratedSlugs.add(slug);
      }
      const product = productBySlug.get(slug) ?? null;
      if (product && product.owner_seller_id !== sellerId) {
        problems.push([
          'product_slug',
          'SLUG_TAKEN',
          `Product "${slug}" belongs to another seller: offer one of its SKUs instead, or choose another product_slug.`,
        ]);
        return result({});
      }
      group =
        groups.get(slug) ?? groups.set(slug, { slug, rows: [], existing: product }).get(slug)!;
      if (product) {
        productId = product.id;
        categoryId = product.category_id;
      }
    }
    if (!own) return result({ own, productId });
    if (row.categorySlug) {
      const category = categoryBySlug.get(row.categorySlug);
      if (!category)
        problems.push([
          'category_slug',
          'CATEGORY_INVALID',
          `No category has the slug "${row.categorySlug}".`,
        ]);
      categoryId = category?.id ?? null;
    }
    let attributes: Record<string, AttributeValue> | null = null;
    if (row.attributePairs) {
      if (!categoryId && !row.categorySlug)
        problems.push([
          'attributes',
          'ATTRIBUTE_INVALID',
          'Attributes need a category: give category_slug.',
        ]);
      else if (categoryId) {
        const parsed = parseAttributes(row.attributePairs, definitionsOf(categoryId));
        if ('problem' in parsed) problems.push(['attributes', 'ATTRIBUTE_INVALID', parsed.problem]);
        else attributes = parsed.attributes;
      }
    }
    if (row.barcode) {
      const others = (barcodeOwners.get(row.barcode) ?? []).filter((sku) => sku !== row.skuKey);
      const firstSku = firstBarcodeSku.get(row.barcode);
      if (others.length && existing?.barcode !== row.barcode)
        problems.push([
          'barcode',
          'BARCODE_TAKEN',
          `Barcode ${row.barcode} already belongs to SKU ${others[0]}: offer that SKU instead.`,
        ]);
      else if (firstSku && firstSku !== row.skuKey)
        problems.push([
          'barcode',
          'BARCODE_DUPLICATE',
          `Barcode ${row.barcode} is also given to SKU ${firstSku} in this file.`,
        ]);
      else firstBarcodeSku.set(row.barcode, row.skuKey);
    }
    return result({ own, productId, group, categoryId, attributes });
  };
  const resolutions = new Map<string, Resolution>();

  for (const row of rows) {
    const existing = variantBySku.get(row.skuKey);
    // Where its stock is, and no second row for the same offer and location.
    const location: LocationRef = row.locationName
      ? (locationByName.get(row.locationName.toLowerCase()) ?? { kind: 'default' })
      : defaultLocation;
    if (row.locationName && !locationByName.has(row.locationName.toLowerCase())) {
      addError(
        row.row,
        'location',
        'LOCATION_INVALID',
        `No stock location or store of this seller is named "${row.locationName}".`,
      );
      continue;
    }
    const key = `${row.skuKey}|${row.condition}|${locationKey(location)}`;
    const previous = seenOfferLocation.get(key);
    if (previous !== undefined) {
      addError(
        row.row,
        'sku',
        'DUPLICATE_SKU',
        `SKU ${row.sku} (${row.condition}) is already on row ${previous} for this location.`,
      );
      continue;
    }
    seenOfferLocation.set(key, row.row);
    locationOfRow.set(row.row, location);

    // The product and variant.
    const resolution =
      resolutions.get(row.skuKey) ??
      resolutions.set(row.skuKey, resolveProduct(row)).get(row.skuKey)!;
    for (const [column, code, message] of resolution.problems)
      addError(row.row, column, code, message);
    if (resolution.problems.length) continue;
    resolution.group?.rows.push(row);
    productOfRow.set(row.row, {
      own: resolution.own,
      productId: resolution.productId,
      group: resolution.group,
    });
    categoryOfRow.set(row.row, resolution.categoryId);
    attributesOfRow.set(row.row, resolution.attributes);

    // Stock: whether the count is possible.
    if (row.onHand !== null) {
      const offer = existing ? offerByKey.get(`${existing.id}|${row.condition}`) : undefined;
      const level =
        offer && location.kind === 'existing'
          ? levelByKey.get(`${offer.id}|${location.id}`)
          : undefined;
      const backorder = row.allowBackorder ?? offer?.allow_backorder ?? false;
      if (row.onHand < 0 && row.onHand !== level?.on_hand)
        addError(row.row, 'on_hand', 'QUANTITY_INVALID', 'on_hand must be 0 or more.');
      else if (level && !backorder && level.reserved > row.onHand && level.on_hand !== row.onHand)
        addError(
          row.row,
          'on_hand',
          'STOCK_RESERVED',
          `${level.reserved} units are reserved by orders at this location: on_hand cannot go below that.`,
        );
    }
  }

  return { groups, productOfRow, categoryOfRow, attributesOfRow, locationOfRow };
}
