// Field rules of the catalog CSV. Product, variant and attribute rules are the
// catalog's own (catalog.validation.ts), price and handling rules the offers
// module's, quantities the inventory module's; only cell syntax lives here.
import { isCurrency, isPriceAmount } from '../../common/money/money.js';
import {
  LIMITS as CATALOG_LIMITS,
  type StoredAttributeValue,
  type StoredDefinition,
  attributeText,
  cleanAttributes,
  cleanTags,
  isValidBarcode,
  isValidDimension,
  normaliseSku,
  normaliseSlug,
  parseDefinitions,
  parseOptions,
  slugify,
} from '../catalog/catalog.validation.js';
import { MAX_QUANTITY } from '../inventory/inventory.service.js';
import { OfferCondition } from '../offers/offers.types.js';
import { MAX_HANDLING_DAYS } from '../offers/offers.service.js';

export {
  type StoredAttributeValue,
  type StoredDefinition,
  attributeText,
  cleanTags,
  isCurrency,
  isPriceAmount,
  isValidBarcode,
  isValidDimension,
  normaliseSku,
  normaliseSlug,
  parseDefinitions,
  parseOptions,
  slugify,
};

export const OFFER_CONDITIONS = Object.values(OfferCondition);
export type { OfferCondition };

export const LIMITS = {
  sku: CATALOG_LIMITS.skuLength,
  slug: CATALOG_LIMITS.slugLength,
  title: CATALOG_LIMITS.titleLength,
  description: CATALOG_LIMITS.descriptionLength,
  brand: CATALOG_LIMITS.brandLength,
  tags: CATALOG_LIMITS.tags,
  tag: CATALOG_LIMITS.tagLength,
  options: CATALOG_LIMITS.options,
  optionText: CATALOG_LIMITS.optionTextLength,
  locationName: 100,
  quantity: MAX_QUANTITY,
  handlingDays: MAX_HANDLING_DAYS,
} as const;

/** A whole number written in decimal digits (an optional leading minus), or null. */
export function parseInteger(cell: string): number | null {
  if (!/^-?\d{1,10}$/.test(cell)) return null;
  const value = Number(cell);
  return Number.isSafeInteger(value) ? value : null;
}

export function parseBoolean(cell: string): boolean | null {
  const value = cell.toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  return null;
}

/**
 * `key=value` pairs checked against a category chain's definitions, into the
 * stored shape (NUMBER as a number, BOOLEAN as true/false, TEXT and ENUM as
 * text); the problems as one message when there are any.
 */
export function parseAttributes(
  pairs: readonly [string, string][],
  definitions: readonly StoredDefinition[],
): { attributes: Record<string, StoredAttributeValue> } | { problem: string } {
  const { attributes, problems } = cleanAttributes(
    pairs.map(([key, value]) => ({ key, value })),
    definitions,
  );
  return problems.length
    ? { problem: problems.map((problem) => problem.message).join(' ') }
    : { attributes };
}
