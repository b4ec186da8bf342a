import { localeStore } from '../../shared/i18n/locale';
import type { PriceBounds } from './search-state';

/**
 * Minor units as money in the shopper's language: "$12" or "¥12.50" with a currency,
 * "12.50" without one (price facets carry none; the results' currency is used when known).
 */
export function formatMinor(amount: number, currency: string | null): string {
  const locale = localeStore.get();
  const value = amount / 100;
  const fraction = Number.isInteger(value) ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale, {
      ...(currency ? { style: 'currency', currency } : {}),
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    }).format(value);
  } catch {
    return value.toFixed(fraction);
  }
}

/** "Up to $10", "$10 – $50", "$100 and above". */
export function priceRangeLabel({ min, max }: PriceBounds, currency: string | null): string {
  if (min === null && max !== null) return `Up to ${formatMinor(max, currency)}`;
  if (max === null && min !== null) return `${formatMinor(min, currency)} and above`;
  return `${formatMinor(min ?? 0, currency)} – ${formatMinor(max ?? 0, currency)}`;
}

export function ratingLabel(min: number): string {
  if (min >= 5) return '5 stars';
  return min === 1 ? '1 star & up' : `${min} stars & up`;
}

/** A facet value as shoppers read it: booleans (stored "true"/"false") as Yes/No. */
export function facetValueLabel(value: string): string {
  if (value === 'true') return 'Yes';
  if (value === 'false') return 'No';
  return value;
}
