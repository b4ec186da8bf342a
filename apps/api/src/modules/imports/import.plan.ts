// Reading and checking an import: every row is parsed and validated (fields,
// then what it refers to in the database, looked up in bulk), and the valid
// rows are turned into the writes import.job.ts applies batch by batch. A dry
// run stops after this step.
import type { Prisma } from '@bazaar/db';
import type { LocalizedText } from '../../common/i18n/locale.js';
import { type Column, type CsvRecord, parseList, parsePairs } from './imports.csv.js';
import { uuidv7 } from './imports.ids.js';
import {
  LIMITS,
  OFFER_CONDITIONS,
  type OfferCondition,
  type StoredAttributeValue as AttributeValue,
  type StoredDefinition,
  cleanTags,
  isCurrency,
  isPriceAmount,
  isValidBarcode,
  isValidDimension,
  normaliseSku,
  normaliseSlug,
  parseAttributes,
  parseBoolean,
  parseDefinitions,
  parseInteger,
  parseOptions,
  slugify,
} from './imports.rules.js';

export interface RowError {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  cells: Partial<Record<Column, string>>;
  sku: string;
  /** Lower-case: SKUs are unique regardless of case. */
  skuKey: string;
  productSlug: string | null;
  /** Only the locales the row gives. */
  title: LocalizedText;
  description: LocalizedText;
  categorySlug: string | null;
  brand: string | null;
  tags: string[] | null;
  attributePairs: [string, string][] | null;
  optionValues: Record<string, string> | null;
  barcode: string | null;
  weightGrams: number | null;
  price: number;
  compareAtPrice: number | null;
  /** The file has a compare_at_price column: an empty cell removes the compare-at price. */
  compareGiven: boolean;
  currency: string;
  condition: OfferCondition;
  handlingDays: number | null;
  allowBackorder: boolean | null;
  locationName: string | null;
  onHand: number | null;
}

/** Columns describing the product or the variant: rows of one SKU must agree on them. */
const VARIANT_COLUMNS: readonly Column[] = [
  'product_slug',
  'title_en',
  'title_zh_cn',
  'description_en',
  'category_slug',
  'brand',
  'tags',
  'attributes',
  'option_values',
  'barcode',
  'weight_grams',
];
/** Columns describing the offer: rows of one SKU and condition must agree on them. */
const OFFER_COLUMNS: readonly Column[] = [
  'price',
  'compare_at_price',
  'currency',
  'handling_days',
  'allow_backorder',
];

/** Field rules of one row, without the database. */
export function parseRow(record: CsvRecord): { parsed: ParsedRow | null; errors: RowError[] } {
  const { row, cells } = record;
  const errors: RowError[] = [];
  const fail = (column: Column | null, code: string, message: string) => {
    errors.push({ row, column, code, message });
  };
  if (record.fieldCountMismatch) {
    const { expected, found } = record.fieldCountMismatch;
    fail(null, 'ROW_INVALID', `This row has ${found} fields; the header has ${expected}.`);
    return { parsed: null, errors };
  }
  const cell = (column: Column) => cells[column]?.trim() ?? '';
  const text = (column: Column, max: number, code = 'TEXT_TOO_LONG'): string | null => {
    const value = cell(column);
    if (value.length > max) {
      fail(column, code, `${column} is longer than ${max} characters.`);
      return null;
    }
    return value || null;
  };
  const integer = (
    column: Column,
    code: string,
    what: string,
    check: (value: number) => boolean = () => true,
  ): number | null => {
    const raw = cell(column);
    if (!raw) return null;
    const value = parseInteger(raw);
    if (value === null || !check(value)) {
      fail(column, code, `${column} must be ${what} (got "${raw}").`);
      return null;
    }
    return value;
  };

  const sku = cell('sku');
  if (!sku) fail('sku', 'REQUIRED', 'sku is required.');
  else if (!normaliseSku(sku))
    fail(
      'sku',
      'SKU_INVALID',
      `sku must be 1 to ${LIMITS.sku} letters, digits, ".", "_", "-" or "/", starting with a letter or digit.`,
    );

  const productSlug = cell('product_slug').toLowerCase() || null;
  if (productSlug && !normaliseSlug(productSlug))
    fail(
      'product_slug',
      'SLUG_INVALID',
      'product_slug must be lower-case letters and digits joined by hyphens (like "linen-shirt").',
    );

  const title: LocalizedText = {};
  const titleEn = text('title_en', LIMITS.title);
  if (titleEn) title.en = titleEn;
  const titleZh = text('title_zh_cn', LIMITS.title);
  if (titleZh) title['zh-CN'] = titleZh;
  const description: LocalizedText = {};
  const descriptionEn = text('description_en', LIMITS.description);
  if (descriptionEn) description.en = descriptionEn;

  const categorySlug = cell('category_slug').toLowerCase() || null;
  if (categorySlug && !normaliseSlug(categorySlug))
    fail('category_slug', 'CATEGORY_INVALID', `No category has the slug "${categorySlug}".`);
  const brand = text('brand', LIMITS.brand);

  let tags: string[] | null = null;
  if (cell('tags')) {
    tags = cleanTags(parseList(cell('tags')));
    if (!tags || tags.length > LIMITS.tags)
      fail(
        'tags',
        'TAGS_INVALID',
        `At most ${LIMITS.tags} tags of up to ${LIMITS.tag} characters.`,
      );
  }

  let attributePairs: [string, string][] | null = null;
  if (cell('attributes')) {
    attributePairs = parsePairs(cell('attributes'));
    if (!attributePairs)
      fail('attributes', 'ATTRIBUTE_INVALID', 'Write attributes as key=value; key=value.');
  }

  let optionValues: Record<string, string> | null = null;
  if (cell('option_values')) {
    const pairs = parsePairs(cell('option_values'));
    const names = new Set(pairs?.map(([name]) => name.toLowerCase()));
    if (!pairs)
      fail('option_values', 'OPTION_INVALID', 'Write option values as name=value; name=value.');
    else if (names.size !== pairs.length)
      fail('option_values', 'OPTION_INVALID', 'An option is given twice.');
    else if (pairs.length > LIMITS.options)
      fail('option_values', 'OPTION_INVALID', `At most ${LIMITS.options} options.`);
    else if (
      pairs.some(
        ([name, value]) =>
          !value || name.length > LIMITS.optionText || value.length > LIMITS.optionText,
      )
    )
      fail(
        'option_values',
        'OPTION_INVALID',
        `Each option needs a value; names and values are up to ${LIMITS.optionText} characters.`,
      );
    else optionValues = Object.fromEntries(pairs);
  }

  const barcode = cell('barcode') || null;
  if (barcode && !isValidBarcode(barcode))
    fail(
      'barcode',
      'BARCODE_INVALID',
      'barcode must be a GTIN (8, 12, 13 or 14 digits) with a valid check digit.',
    );

  const weightGrams = integer(
    'weight_grams',
    'DIMENSION_INVALID',
    'a whole number of grams, 0 or more',
    (value) => isValidDimension('weightGrams', value),
  );

  const rawPrice = cell('price');
  let price = 0;
  if (!rawPrice) fail('price', 'REQUIRED', 'price is required.');
  else {
    const value = parseInteger(rawPrice);
    if (value === null || !isPriceAmount(value))
      fail(
        'price',
        'PRICE_INVALID',
        `price must be a whole number of minor units, 0 or more: 1999 for 19.99 (got "${rawPrice}").`,
      );
    else price = value;
  }
  const compareGiven = cells.compare_at_price !== undefined;
  const compareAtPrice = integer(
    'compare_at_price',
    'COMPARE_AT_INVALID',
    'a whole number of minor units above the price',
    (value) => isPriceAmount(value) && value > price,
  );

  const currency = cell('currency').toUpperCase();
  if (!currency) fail('currency', 'REQUIRED', 'currency is required.');
  else if (!isCurrency(currency))
    fail(
      'currency',
      'CURRENCY_INVALID',
      `"${currency}" is not an ISO 4217 currency code (like USD).`,
    );

  const rawCondition = cell('condition').toUpperCase().replaceAll(' ', '_') || 'NEW';
  const condition = OFFER_CONDITIONS.find((value) => value === rawCondition) ?? 'NEW';
  if (!OFFER_CONDITIONS.some((value) => value === rawCondition))
    fail(
      'condition',
      'CONDITION_INVALID',
      `condition must be one of ${OFFER_CONDITIONS.join(', ')} (got "${cell('condition')}").`,
    );

  const handlingDays = integer(
    'handling_days',
    'HANDLING_INVALID',
    `a whole number of days from 0 to ${LIMITS.handlingDays}`,
    (value) => value >= 0 && value <= LIMITS.handlingDays,
  );

  let allowBackorder: boolean | null = null;
  if (cell('allow_backorder')) {
    allowBackorder = parseBoolean(cell('allow_backorder'));
    if (allowBackorder === null)
      fail('allow_backorder', 'BOOLEAN_INVALID', 'allow_backorder must be true or false.');
  }

  const locationName = text('location', LIMITS.locationName, 'LOCATION_INVALID');
  const onHand = integer(
    'on_hand',
    'QUANTITY_INVALID',
    'a whole number of units',
    (value) => Math.abs(value) <= LIMITS.quantity,
  );

  if (errors.length) return { parsed: null, errors };
  return {
    parsed: {
      row,
      cells,
      sku,
      skuKey: sku.toLowerCase(),
      productSlug,
      title,
      description,
      categorySlug,
      brand,
      tags,
      attributePairs,
      optionValues,
      barcode,
      weightGrams,
      price,
      compareAtPrice,
      compareGiven,
      currency,
      condition,
      handlingDays,
      allowBackorder,
      locationName,
      onHand,
    },
    errors,
  };
}

// ---- The plan: what each valid row writes.

export interface ProductOption {
  name: string;
  values: string[];
}

export interface NewProduct {
  id: string;
  slug: string;
  categoryId: string | null;
  title: LocalizedText;
  description: LocalizedText;
  brand: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  options: ProductOption[];
}

export interface ProductUpdate {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  categoryId: string | null;
  brand: string | null;
  tags: string[] | null;
  attributes: Record<string, AttributeValue> | null;
  /** Existing options with the imported variants' values merged in; null when unchanged. */
  options: ProductOption[] | null;
}

export interface VariantCreate {
  id: string;
  productId: string;
  sku: string;
  barcode: string | null;
  optionValues: Record<string, string>;
  position: number;
  weightGrams: number | null;
}

export interface VariantUpdate {
  id: string;
  barcode: string | null;
  optionValues: Record<string, string> | null;
  weightGrams: number | null;
}

export interface OfferWrite {
  key: string;
  /** The existing offer, or the id a new one gets. */
  id: string;
  exists: boolean;
  variantId: string;
  condition: OfferCondition;
  price: number;
  compareAtPrice: number | null;
  compareGiven: boolean;
  currency: string;
  handlingDays: number | null;
  allowBackorder: boolean | null;
}

export type LocationRef =
  | { kind: 'existing'; id: string }
  | { kind: 'store'; storeId: string; name: string }
  | { kind: 'default' };

export interface StockWrite {
  offerKey: string;
  location: LocationRef;
  onHand: number;
}

/** The writes of one valid row; a product, variant and offer are written by their first row. */
export interface RowWrites {
  row: number;
  sku: string;
  skuKey: string;
  productId: string;
  variantId: string;
  /** `${skuKey}|${condition}`: the offer the row is about. */
  offerKey: string;
  createProduct?: NewProduct;
  updateProduct?: ProductUpdate;
  createVariant?: VariantCreate;
  updateVariant?: VariantUpdate;
  offer?: OfferWrite;
  stock?: StockWrite;
}

export interface ImportPlan {
  totalRows: number;
  /** Every row error found, in row order. */
  errors: RowError[];
  /** The valid rows in file order. */
  rows: RowWrites[];
  /** Rows (valid or not) by row number, to count per batch. */
  invalidRows: Set<number>;
  /** Locations to create before writing: the default warehouse and stores without one. */
  locations: LocationRef[];
}

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

interface ExistingProduct {
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

type Db = Prisma.TransactionClient;

/** Validates parsed rows against the database (read-only, bulk look-ups) and plans the writes. */
export async function planImport(
  db: Db,
  sellerId: string,
  records: readonly { parsed: ParsedRow | null; errors: RowError[] }[],
): Promise<ImportPlan> {
  const errorsByRow = new Map<number, RowError[]>();
  const addError = (row: number, column: Column | null, code: string, message: string) => {
    const list = errorsByRow.get(row) ?? errorsByRow.set(row, []).get(row)!;
    list.push({ row, column, code, message });
  };
  for (const record of records)
    for (const error of record.errors)
      addError(error.row, error.column as Column, error.code, error.message);
  const failed = (row: number) => errorsByRow.has(row);
  let rows = records.flatMap((record) => (record.parsed ? [record.parsed] : []));

  // Rows of one SKU must describe it the same way; rows of one offer, the offer.
  const firstOfSku = new Map<string, ParsedRow>();
  const firstOfOffer = new Map<string, ParsedRow>();
  for (const row of rows) {
    const first = firstOfSku.get(row.skuKey);
    if (!first) {
      firstOfSku.set(row.skuKey, row);
    } else {
      const column = VARIANT_COLUMNS.find(
        (c) => (row.cells[c]?.trim() ?? '') !== (first.cells[c]?.trim() ?? ''),
      );
      if (column)
        addError(
          row.row,
          column,
          'SKU_CONFLICT',
          `Row ${first.row} describes SKU ${first.sku} with a different ${column}; rows of one SKU must agree.`,
        );
    }
    const offerKey = `${row.skuKey}|${row.condition}`;
    const firstOffer = firstOfOffer.get(offerKey);
    if (!firstOffer) firstOfOffer.set(offerKey, row);
    else {
      const column = OFFER_COLUMNS.find(
        (c) => (row.cells[c]?.trim() ?? '') !== (firstOffer.cells[c]?.trim() ?? ''),
      );
      if (column)
        addError(
          row.row,
          column,
          'OFFER_CONFLICT',
          `Row ${firstOffer.row} gives the ${row.condition} offer of SKU ${row.sku} a different ${column}.`,
        );
    }
  }
  rows = rows.filter((row) => !failed(row.row));

  // ---- Bulk look-ups.
  const skus = [...new Set(rows.map((row) => row.skuKey))];
  const variants = skus.length
    ? await db.$queryRaw<ExistingVariant[]>`
        SELECT v.id::text, v.sku::text, v.product_id::text, v.barcode, p.owner_seller_id::text,
               p.slug::text AS product_slug, p.category_id::text, p.options
          FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.sku = ANY(${skus}::citext[])`
    : [];
  const variantBySku = new Map(variants.map((variant) => [variant.sku.toLowerCase(), variant]));

  const generatedSlugs = (row: ParsedRow) => {
    const base = row.title.en ? slugify(row.title.en) : slugify(row.sku);
    const withSku = slugify(`${base}-${row.sku}`);
    return [base, withSku];
  };
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
  const locationKey = (ref: LocationRef) =>
    ref.kind === 'existing' ? ref.id : ref.kind === 'store' ? `store:${ref.storeId}` : 'default';

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

  // ---- Row by row: what each refers to.
  interface Group {
    slug: string;
    rows: ParsedRow[];
    existing: ExistingProduct | null;
  }
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

  // Options: every variant of a product gives one value of each of its options
  // (names as the product has them, matched regardless of case), and no two
  // new variants of a product share their values.
  const productKey = (row: ParsedRow) => {
    const target = productOfRow.get(row.row)!;
    return target.group && !target.group.existing
      ? `new:${target.group.slug}`
      : (target.productId ?? '');
  };
  const storedOptions = (row: ParsedRow) =>
    parseOptions(
      productOfRow.get(row.row)!.group?.existing?.options ?? variantBySku.get(row.skuKey)?.options,
    );
  const optionNames = new Map<string, string[]>();
  /** Option values taken within a product: by the SKU holding them. */
  const signatures = new Map<string, string>();
  const productsGettingVariants = [
    ...new Set(
      rows.flatMap((row) => {
        const target = productOfRow.get(row.row);
        return !failed(row.row) && target?.group?.existing && !variantBySku.has(row.skuKey)
          ? [target.group.existing.id]
          : [];
      }),
    ),
  ];
  const siblings = productsGettingVariants.length
    ? await db.$queryRaw<{ product_id: string; sku: string; option_values: unknown }[]>`
        SELECT product_id::text, sku::text, option_values FROM variants
         WHERE product_id = ANY(${productsGettingVariants}::uuid[])`
    : [];
  const siblingsByProduct = new Map<string, typeof siblings>();
  for (const sibling of siblings)
    (
      siblingsByProduct.get(sibling.product_id) ??
      siblingsByProduct.set(sibling.product_id, []).get(sibling.product_id)!
    ).push(sibling);
  const signatureOf = (key: string, names: readonly string[], values: Record<string, string>) =>
    `${key}|${JSON.stringify(names.map((name) => (values[name] ?? '').toLowerCase()))}`;
  for (const row of rows) {
    const target = productOfRow.get(row.row);
    if (failed(row.row) || !target?.own) continue;
    const creating = !variantBySku.has(row.skuKey);
    if (!creating && !row.optionValues) continue;
    const key = productKey(row);
    let names = optionNames.get(key);
    if (!names) {
      const stored = storedOptions(row);
      names = stored.length
        ? stored.map((option) => option.name)
        : Object.keys(row.optionValues ?? {});
      optionNames.set(key, names);
      // The product's existing variants hold their values already.
      for (const sibling of siblingsByProduct.get(key) ?? [])
        signatures.set(
          signatureOf(key, names, sibling.option_values as Record<string, string>),
          sibling.sku,
        );
    }
    const productNames = names;
    const canonical: Record<string, string> = {};
    let problem: string | null = null;
    for (const [name, value] of Object.entries(row.optionValues ?? {})) {
      const match = productNames.find(
        (candidate) => candidate.toLowerCase() === name.toLowerCase(),
      );
      if (!match) {
        problem = productNames.length
          ? `The product's options are ${productNames.join(', ')}: "${name}" is not one of them.`
          : `The product has no options: leave option_values empty.`;
        break;
      }
      canonical[match] = value;
    }
    const missing = productNames.filter((name) => !(name in canonical));
    if (!problem && missing.length)
      problem = `Give a value of each option of the product (${missing.join(', ')}).`;
    if (problem) {
      addError(row.row, 'option_values', 'OPTION_INVALID', problem);
      continue;
    }
    if (row.optionValues) row.optionValues = canonical;
    if (creating && productNames.length) {
      const signature = signatureOf(key, productNames, canonical);
      const twin = signatures.get(signature);
      if (twin !== undefined && twin !== row.skuKey) {
        addError(
          row.row,
          'option_values',
          'OPTION_INVALID',
          `SKU ${twin} of this product has the same option values.`,
        );
        continue;
      }
      signatures.set(signature, row.skuKey);
    }
  }

  // A new product is made from its first valid row with a title.
  const sourceOfGroup = new Map<Group, ParsedRow>();
  for (const group of groups.values()) {
    if (group.existing) continue;
    const validRows = group.rows.filter((row) => !failed(row.row));
    const source = validRows.find((row) => row.title.en);
    if (source) sourceOfGroup.set(group, source);
    else
      for (const row of validRows)
        addError(
          row.row,
          'title_en',
          'TITLE_REQUIRED',
          `Product "${group.slug}" is new: give its title_en (at least on its first row).`,
        );
  }

  // ---- The writes of the valid rows, in file order.
  const valid = rows.filter((row) => !failed(row.row));
  const writes: RowWrites[] = [];
  const newProducts = new Map<Group, NewProduct>();
  const productUpdates = new Map<string, ProductUpdate>();
  const productsTouched = new Set<string>();
  const variantIdBySku = new Map<string, string>();
  const offerKeysSeen = new Set<string>();
  const nextPosition = new Map<string, number>();
  const neededLocations = new Map<string, LocationRef>();

  // Options: the existing ones (own products) with every imported variant's values.
  const optionsByProduct = new Map<string, ProductOption[]>();
  const optionsKey = productKey;
  for (const row of valid) {
    const target = productOfRow.get(row.row)!;
    if (!target.own) continue;
    const key = optionsKey(row);
    const options = optionsByProduct.get(key) ?? storedOptions(row);
    optionsByProduct.set(key, options);
    for (const [name, value] of Object.entries(row.optionValues ?? {})) {
      let option = options.find((candidate) => candidate.name === name);
      if (!option) options.push((option = { name, values: [] }));
      const known = option.values.find(
        (candidate) => candidate.toLowerCase() === value.toLowerCase(),
      );
      if (known === undefined) option.values.push(value);
      else row.optionValues![name] = known;
    }
  }

  for (const row of valid) {
    const target = productOfRow.get(row.row)!;
    const existingVariant = variantBySku.get(row.skuKey);
    const offerKey = `${row.skuKey}|${row.condition}`;
    const write: RowWrites = {
      row: row.row,
      sku: row.sku,
      skuKey: row.skuKey,
      productId: '',
      variantId: '',
      offerKey,
    };
    // The product.
    if (target.group && !target.group.existing) {
      let product = newProducts.get(target.group);
      if (!product) {
        const source = sourceOfGroup.get(target.group)!;
        product = {
          id: uuidv7(),
          slug: target.group.slug,
          categoryId: categoryOfRow.get(source.row) ?? null,
          title: source.title,
          description: source.description,
          brand: source.brand,
          tags: source.tags ?? [],
          attributes: attributesOfRow.get(source.row) ?? {},
          options: optionsByProduct.get(optionsKey(row)) ?? [],
        };
        newProducts.set(target.group, product);
        write.createProduct = product;
      }
      write.productId = product.id;
    } else {
      write.productId = target.productId!;
      if (target.own && !productsTouched.has(write.productId)) {
        productsTouched.add(write.productId);
        const update: ProductUpdate = {
          id: write.productId,
          title: {},
          description: {},
          categoryId: null,
          brand: null,
          tags: null,
          attributes: null,
          options: optionsByProduct.get(optionsKey(row)) ?? null,
        };
        productUpdates.set(write.productId, update);
        write.updateProduct = update;
      }
      // Product fields come from the first row giving them.
      const update = productUpdates.get(write.productId);
      if (target.own && update) {
        update.title = { ...row.title, ...update.title };
        update.description = { ...row.description, ...update.description };
        update.categoryId ??= row.categorySlug ? (categoryOfRow.get(row.row) ?? null) : null;
        update.brand ??= row.brand;
        update.tags ??= row.tags;
        update.attributes ??= attributesOfRow.get(row.row) ?? null;
      }
    }
    // The variant.
    const knownVariantId = variantIdBySku.get(row.skuKey);
    if (knownVariantId) write.variantId = knownVariantId;
    else if (existingVariant) {
      write.variantId = existingVariant.id;
      if (target.own)
        write.updateVariant = {
          id: existingVariant.id,
          barcode: row.barcode,
          optionValues: row.optionValues,
          weightGrams: row.weightGrams,
        };
    } else {
      const base =
        nextPosition.get(write.productId) ?? (target.group?.existing?.max_position ?? -1) + 1;
      nextPosition.set(write.productId, base + 1);
      write.variantId = uuidv7();
      write.createVariant = {
        id: write.variantId,
        productId: write.productId,
        sku: row.sku,
        barcode: row.barcode,
        optionValues: row.optionValues ?? {},
        position: base,
        weightGrams: row.weightGrams,
      };
    }
    variantIdBySku.set(row.skuKey, write.variantId);
    // The offer.
    if (!offerKeysSeen.has(offerKey)) {
      offerKeysSeen.add(offerKey);
      const existingOffer = offerByKey.get(`${write.variantId}|${row.condition}`);
      write.offer = {
        key: offerKey,
        id: existingOffer?.id ?? uuidv7(),
        exists: Boolean(existingOffer),
        variantId: write.variantId,
        condition: row.condition,
        price: row.price,
        compareAtPrice: row.compareAtPrice,
        compareGiven: row.compareGiven,
        currency: row.currency,
        handlingDays: row.handlingDays,
        allowBackorder: row.allowBackorder,
      };
    }
    // The stock.
    if (row.onHand !== null) {
      const location = locationOfRow.get(row.row)!;
      if (location.kind !== 'existing') neededLocations.set(locationKey(location), location);
      write.stock = { offerKey, location, onHand: row.onHand };
    }
    writes.push(write);
  }

  const errors = [...errorsByRow.values()].flat().sort((a, b) => a.row - b.row);
  return {
    totalRows: records.length,
    errors,
    rows: writes,
    invalidRows: new Set(errorsByRow.keys()),
    locations: [...neededLocations.values()],
  };
}
