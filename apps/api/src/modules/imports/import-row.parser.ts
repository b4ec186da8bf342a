// Reading one row of an import: the field rules of each cell (without the
// database), and the agreement of rows describing the same SKU or offer.
import type { LocalizedText } from '../../common/i18n/locale.js';
import { type Column, type CsvRecord, parseList, parsePairs } from './imports.csv.js';
import {
  LIMITS,
  OFFER_CONDITIONS,
  type OfferCondition,
  cleanTags,
  isCurrency,
  isPriceAmount,
  isValidBarcode,
  isValidDimension,
  normaliseSku,
  normaliseSlug,
  parseBoolean,
  parseInteger,
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

export type AddRowError = (
  row: number,
  column: Column | null,
  code: string,
  message: string,
) => void;

/** Rows of one SKU must describe it the same way; rows of one offer, the offer. */
export function checkRowsAgree(rows: readonly ParsedRow[], addError: AddRowError): void {
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
}
