import type { OfferCondition, OfferCreateInput } from '../../generated/graphql';
import { parseScaled, toMinorUnits } from './money';

export interface NewOfferValues {
  variantId: string;
  price: string;
  compareAtPrice: string;
  currency: string;
  condition: OfferCondition;
  handlingDays: string;
  allowBackorder: boolean;
  lowStockThreshold: string;
  /** Opening stock by location id. */
  stock: Record<string, string>;
}

type Built =
  | { ok: true; input: OfferCreateInput; fieldMap: Record<string, string> }
  | { ok: false; errors: Record<string, string> };

/**
 * The OfferCreateInput for the form: prices typed in major units ("12.50")
 * become integer minor units by the currency's digits (1250 USD, 500 JPY).
 */
export function buildOfferCreate(sellerId: string, values: NewOfferValues): Built {
  const errors: Record<string, string> = {};
  const currency = values.currency.trim().toUpperCase();
  if (!values.variantId) errors['variantId'] = 'Choose the variant you sell.';
  if (!/^[A-Z]{3}$/.test(currency)) errors['currency'] = 'Choose a currency.';
  const price = toMinorUnits(values.price, currency);
  if (!price.ok) errors['price'] = price.message;
  const compareAt = values.compareAtPrice.trim()
    ? toMinorUnits(values.compareAtPrice, currency, { unit: 'compare-at price' })
    : null;
  if (compareAt && !compareAt.ok) errors['compareAtPrice'] = compareAt.message;
  const handling = parseScaled(values.handlingDays, 0, { unit: 'number of days' });
  if (!handling.ok) errors['handlingDays'] = handling.message;
  const threshold = parseScaled(values.lowStockThreshold, 0, { unit: 'threshold' });
  if (!threshold.ok) errors['lowStockThreshold'] = threshold.message;
  const stock: { locationId: string; onHand: number }[] = [];
  const fieldMap: Record<string, string> = {};
  for (const [locationId, text] of Object.entries(values.stock)) {
    if (!text.trim()) continue;
    const onHand = parseScaled(text, 0, { unit: 'quantity' });
    if (!onHand.ok) {
      errors[`stock.${locationId}`] = onHand.message;
      continue;
    }
    if (onHand.value === 0) continue;
    fieldMap[`stock.${stock.length}`] = `stock.${locationId}`;
    fieldMap[`stock.${stock.length}.*`] = `stock.${locationId}`;
    stock.push({ locationId, onHand: onHand.value });
  }
  if (Object.keys(errors).length > 0 || !price.ok || !handling.ok || !threshold.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    fieldMap,
    input: {
      sellerId,
      variantId: values.variantId,
      condition: values.condition,
      price: price.value,
      compareAtPrice: compareAt?.ok ? compareAt.value : null,
      currency,
      handlingDays: handling.value,
      allowBackorder: values.allowBackorder,
      lowStockThreshold: threshold.value,
      stock,
    },
  };
}
