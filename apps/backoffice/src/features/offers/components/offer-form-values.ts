import type { OfferForm_OfferFragment, OfferUpdateInput } from '../../../generated/graphql';
import { fromMinorUnits, parseScaled, toMinorUnits } from '../money';

export interface OfferFormValues {
  price: string;
  compareAtPrice: string;
  handlingDays: string;
  allowBackorder: boolean;
  lowStockThreshold: string;
}

export function offerFormValues(offer: OfferForm_OfferFragment): OfferFormValues {
  return {
    price: fromMinorUnits(offer.price.amount, offer.price.currency),
    compareAtPrice: offer.compareAtPrice
      ? fromMinorUnits(offer.compareAtPrice.amount, offer.compareAtPrice.currency)
      : '',
    handlingDays: String(offer.handlingDays),
    allowBackorder: offer.allowBackorder,
    lowStockThreshold: String(offer.lowStockThreshold),
  };
}

type Built = { ok: true; input: OfferUpdateInput } | { ok: false; errors: Record<string, string> };

/** The fields that changed, as an OfferUpdateInput (left-out fields stay as they are). */
export function buildOfferUpdate(offer: OfferForm_OfferFragment, values: OfferFormValues): Built {
  const currency = offer.price.currency;
  const errors: Record<string, string> = {};
  const input: OfferUpdateInput = {};
  const price = toMinorUnits(values.price, currency);
  if (!price.ok) errors['price'] = price.message;
  else if (price.value !== offer.price.amount) input.price = price.value;
  if (values.compareAtPrice.trim() === '') {
    if (offer.compareAtPrice) input.clearCompareAtPrice = true;
  } else {
    const compareAt = toMinorUnits(values.compareAtPrice, currency, { unit: 'compare-at price' });
    if (!compareAt.ok) errors['compareAtPrice'] = compareAt.message;
    else if (compareAt.value !== offer.compareAtPrice?.amount)
      input.compareAtPrice = compareAt.value;
  }
  const handling = parseScaled(values.handlingDays, 0, { unit: 'number of days' });
  if (!handling.ok) errors['handlingDays'] = handling.message;
  else if (handling.value !== offer.handlingDays) input.handlingDays = handling.value;
  const threshold = parseScaled(values.lowStockThreshold, 0, { unit: 'threshold' });
  if (!threshold.ok) errors['lowStockThreshold'] = threshold.message;
  else if (threshold.value !== offer.lowStockThreshold) input.lowStockThreshold = threshold.value;
  if (values.allowBackorder !== offer.allowBackorder) input.allowBackorder = values.allowBackorder;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
