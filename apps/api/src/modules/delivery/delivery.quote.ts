// Pure delivery and tax arithmetic in integer minor units, shared by checkout
// and tests. No I/O here.

export interface QuotableMethod {
  kind: 'FLAT' | 'BY_WEIGHT';
  flatFee: number;
  perKgFee: number;
  /** Subtotal from which delivery is free; null = never free. */
  freeOver: number | null;
  /** ISO 3166-1 alpha-2; empty = everywhere. */
  countries: readonly string[];
}

/**
 * The delivery fee of a method for a parcel, in minor units of the method's
 * currency, or null when the method does not ship to `country`. A subtotal
 * equal to `freeOver` ships free; BY_WEIGHT adds `perKgFee` per started
 * kilogram (0 g: none, 1 g to 1000 g: one, 1001 g: two).
 */
export function quoteDelivery(
  method: QuotableMethod,
  parcel: { subtotal: number; weightGrams: number; country: string },
): number | null {
  if (!Number.isSafeInteger(parcel.subtotal) || parcel.subtotal < 0)
    throw new RangeError('subtotal must be a non-negative integer');
  if (!Number.isSafeInteger(parcel.weightGrams) || parcel.weightGrams < 0)
    throw new RangeError('weightGrams must be a non-negative integer');
  const country = parcel.country.trim().toUpperCase();
  if (method.countries.length > 0 && !method.countries.includes(country)) return null;
  if (method.freeOver !== null && parcel.subtotal >= method.freeOver) return 0;
  if (method.kind === 'FLAT') return method.flatFee;
  return method.flatFee + method.perKgFee * Math.ceil(parcel.weightGrams / 1000);
}

export interface ApplicableTaxRate {
  id?: string;
  /** Null = every category. */
  categoryId: string | null;
  country: string;
  /** Null = the whole country. */
  region: string | null;
  /** Basis points: 2000 = 20 %. */
  rateBp: number;
}

export interface TaxQuote {
  /** The rate applied; null when none matched (tax 0). */
  rate: ApplicableTaxRate | null;
  rateBp: number;
  /** Tax in minor units, rounded half-up. */
  tax: number;
}

/**
 * The tax on `amount` (minor units, tax-exclusive) for a product whose
 * category and ancestors are `categoryIds` (nearest first), shipped to
 * `country`/`region`. The most specific rate wins, in this order:
 * category+region > category+country > any-category+region >
 * any-category+country > none (0). Within a tier the nearest category wins.
 * Rounded half-up to a whole minor unit.
 */
export function taxFor(
  rates: readonly ApplicableTaxRate[],
  query: {
    categoryIds: readonly string[];
    country: string;
    region?: string | null;
    amount: number;
  },
): TaxQuote {
  if (!Number.isSafeInteger(query.amount) || query.amount < 0)
    throw new RangeError('amount must be a non-negative integer');
  const country = query.country.trim().toUpperCase();
  const region = query.region?.trim().toUpperCase() || null;
  let best: { rate: ApplicableTaxRate; rank: number } | null = null;
  for (const rate of rates) {
    if (rate.country.toUpperCase() !== country) continue;
    const rateRegion = rate.region?.trim().toUpperCase() || null;
    if (rateRegion !== null && rateRegion !== region) continue;
    const depth = rate.categoryId === null ? -1 : query.categoryIds.indexOf(rate.categoryId);
    if (rate.categoryId !== null && depth < 0) continue;
    // Tier (0 best) first, then the nearest category within the tier.
    const tier = (rate.categoryId === null ? 2 : 0) + (rateRegion === null ? 1 : 0);
    const rank = tier * 100_000 + Math.max(depth, 0);
    if (!best || rank < best.rank) best = { rate, rank };
  }
  if (!best) return { rate: null, rateBp: 0, tax: 0 };
  const rateBp = best.rate.rateBp;
  return { rate: best.rate, rateBp, tax: Math.floor((query.amount * rateBp + 5000) / 10000) };
}
