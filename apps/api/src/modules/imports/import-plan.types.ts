// The plan of an import: what each valid row writes (import.plan.ts makes it,
// import-batch.writer.ts applies it).
import type { LocalizedText } from '../../common/i18n/locale.js';
import type { OfferCondition, StoredAttributeValue as AttributeValue } from './imports.rules.js';
import type { RowError } from './import-row.parser.js';

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
