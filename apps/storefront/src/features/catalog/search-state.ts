import type { SearchInput, SearchSort } from '../../generated/catalog';

/**
 * Everything a category or search page shows lives in its URL's search params, so a
 * link reproduces the page and back/forward step through filter changes:
 *
 *   q=linen+shirt           the search text (search page)
 *   category=shirts         a category facet (search page; category pages use the path)
 *   brand=Acme&brand=Zed    brands, any of them
 *   seller=<id>             sellers, any of them
 *   price=1000-5000         minor units, inclusive; either side may be empty
 *   rating=4                at least this many stars
 *   attr.colour=Blue        attribute values, any within a key, all keys together
 *   instock=1               only products in stock
 *   sort=price-asc          relevance when absent
 */

/** Products per page, and per "Load more". */
export const PAGE_SIZE = 24;

export const SORTS: ReadonlyArray<{ param: string; value: SearchSort; label: string }> = [
  { param: '', value: 'RELEVANCE', label: 'Relevance' },
  { param: 'price-asc', value: 'PRICE_ASC', label: 'Price: low to high' },
  { param: 'price-desc', value: 'PRICE_DESC', label: 'Price: high to low' },
  { param: 'newest', value: 'NEWEST', label: 'Newest' },
  { param: 'rating', value: 'RATING', label: 'Customer rating' },
  { param: 'best-selling', value: 'BEST_SELLING', label: 'Best selling' },
];

const ATTRIBUTE_PREFIX = 'attr.';

export interface PriceBounds {
  min: number | null;
  max: number | null;
}

export interface SearchState {
  query: string;
  category: string | null;
  brands: string[];
  sellers: string[];
  price: PriceBounds | null;
  rating: number | null;
  /** Attribute key → selected values, in URL order. */
  attributes: Array<{ key: string; values: string[] }>;
  inStockOnly: boolean;
  sort: SearchSort;
}

function parseBound(text: string | undefined): number | null {
  if (!text) return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

export function parsePrice(param: string | null): PriceBounds | null {
  if (!param) return null;
  const [min, max, extra] = param.split('-');
  if (extra !== undefined) return null;
  const bounds = { min: parseBound(min), max: parseBound(max) };
  return bounds.min === null && bounds.max === null ? null : bounds;
}

export function formatPrice(bounds: PriceBounds): string {
  return `${bounds.min ?? ''}-${bounds.max ?? ''}`;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const attributes = new Map<string, string[]>();
  for (const [name, value] of params) {
    if (!name.startsWith(ATTRIBUTE_PREFIX) || !value) continue;
    const key = name.slice(ATTRIBUTE_PREFIX.length);
    if (!key) continue;
    const values = attributes.get(key) ?? [];
    if (!values.includes(value)) values.push(value);
    attributes.set(key, values);
  }
  const rating = Number(params.get('rating'));
  const sortParam = params.get('sort') ?? '';
  return {
    query: params.get('q')?.trim() ?? '',
    category: params.get('category') || null,
    brands: unique(params.getAll('brand')),
    sellers: unique(params.getAll('seller')),
    price: parsePrice(params.get('price')),
    rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
    attributes: [...attributes].map(([key, values]) => ({ key, values })),
    inStockOnly: params.get('instock') === '1',
    sort: SORTS.find((sort) => sort.param === sortParam)?.value ?? 'RELEVANCE',
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** The API's input for a page's state; `categorySlug` comes from the path on category pages. */
export function toSearchInput(state: SearchState, categorySlug?: string): SearchInput {
  const input: SearchInput = { sort: state.sort, inStockOnly: state.inStockOnly };
  if (state.query) input.query = state.query;
  const category = categorySlug ?? state.category;
  if (category) input.categorySlug = category;
  if (state.brands.length) input.brands = state.brands;
  if (state.sellers.length) input.sellerIds = state.sellers;
  if (state.price?.min != null) input.priceMin = state.price.min;
  if (state.price?.max != null) input.priceMax = state.price.max;
  if (state.rating) input.ratingMin = state.rating;
  if (state.attributes.length) input.attributes = state.attributes;
  return input;
}

/* ---- Changes: each returns new params, leaving the others as they are ---- */

export type ParamsChange = (params: URLSearchParams) => URLSearchParams;

/** Adds or removes one value of a multi-valued param (brand, seller, attr.<key>). */
export function toggleValue(name: string, value: string): ParamsChange {
  return (params) => {
    const next = new URLSearchParams(params);
    const values = next.getAll(name);
    next.delete(name);
    const kept = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    for (const v of kept) next.append(name, v);
    return next;
  };
}

/** Sets a single-valued param (price, rating, category, sort), or removes it with null. */
export function setValue(name: string, value: string | null): ParamsChange {
  return (params) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
    return next;
  };
}

export function attributeParam(key: string): string {
  return ATTRIBUTE_PREFIX + key;
}

/** Removes every filter, keeping the search text and the sort. */
export const clearFilters: ParamsChange = (params) => {
  const next = new URLSearchParams();
  const q = params.get('q');
  const sort = params.get('sort');
  if (q) next.set('q', q);
  if (sort) next.set('sort', sort);
  return next;
};

export function sortParam(sort: SearchSort): string {
  return SORTS.find((option) => option.value === sort)?.param ?? '';
}

export function hasFilters(state: SearchState): boolean {
  return Boolean(
    state.category ||
    state.brands.length ||
    state.sellers.length ||
    state.price ||
    state.rating ||
    state.attributes.length ||
    state.inStockOnly,
  );
}
