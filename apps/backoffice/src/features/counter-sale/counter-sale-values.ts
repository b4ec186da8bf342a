import type { CounterOffer_OfferFragment, OfflineOrderInput } from '../../generated/graphql';

export interface SaleLineValues {
  offerId: string;
  /** As typed. */
  quantity: string;
}

/** Named like OfflineOrderInput, so the API's error paths ("lines.0.quantity") land on the fields. */
export interface CounterSaleValues {
  storeId: string;
  customerEmail: string;
  lines: SaleLineValues[];
}

/** The API's cap on one line (as for cart lines). */
export const MAX_LINE_QUANTITY = 99;

/** Units of the offer available at the store (its store location), or null when it has none there. */
export function storeStock(offer: CounterOffer_OfferFragment, storeId: string): number | null {
  const level = offer.stockLevels.find((l) => l.location.store?.id === storeId);
  return level ? level.available : null;
}

export function validateCounterSale(values: CounterSaleValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.storeId) errors['storeId'] = 'Choose the store you sell at.';
  const email = values.customerEmail.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors['customerEmail'] = 'An e-mail address, or leave empty for a walk-in customer.';
  if (values.lines.length === 0) errors['lines'] = 'Add at least one item.';
  values.lines.forEach((line, i) => {
    const text = line.quantity.trim();
    const quantity = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!(quantity >= 1 && quantity <= MAX_LINE_QUANTITY))
      errors[`lines.${i}.quantity`] = `1 to ${MAX_LINE_QUANTITY}.`;
  });
  return errors;
}

export function toOfflineOrderInput(
  values: CounterSaleValues,
  sellerId: string,
  idempotencyKey: string,
): OfflineOrderInput {
  return {
    sellerId,
    storeId: values.storeId,
    customerEmail: values.customerEmail.trim() || null,
    lines: values.lines.map((line) => ({
      offerId: line.offerId,
      quantity: Number(line.quantity.trim()),
    })),
    idempotencyKey,
  };
}
