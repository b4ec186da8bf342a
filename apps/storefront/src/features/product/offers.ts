import type { OfferCondition, StockStatus } from '../../generated/product';

/** What a shopper reads about an offer's stock. */
export function stockText(status: StockStatus, available: number): string {
  switch (status) {
    case 'IN_STOCK':
      return 'In stock';
    case 'LOW_STOCK':
      return available > 0 ? `Only ${available} left` : 'In stock';
    case 'BACKORDER':
      return 'Available on backorder';
    case 'OUT_OF_STOCK':
      return 'Out of stock';
  }
}

export function conditionText(condition: OfferCondition): string {
  switch (condition) {
    case 'NEW':
      return 'New';
    case 'REFURBISHED':
      return 'Refurbished';
    case 'USED_LIKE_NEW':
      return 'Used – like new';
    case 'USED_GOOD':
      return 'Used – good';
    case 'USED_ACCEPTABLE':
      return 'Used – acceptable';
  }
}

export function handlingText(days: number): string {
  if (days <= 0) return 'Ships today';
  return days === 1 ? 'Ships within 1 day' : `Ships within ${days} days`;
}

export function isBuyable(status: StockStatus): boolean {
  return status === 'IN_STOCK' || status === 'LOW_STOCK';
}

/** Whether an offer can go into the cart: in stock, or taking backorders. */
export function canAddToCart(status: StockStatus): boolean {
  return status !== 'OUT_OF_STOCK';
}

/**
 * The offer the buy box shows for a variant, as the API picks the product's: the
 * cheapest in stock (offers come cheapest first), else the cheapest taking
 * backorders, else the cheapest, shown as out of stock.
 */
export function pickBuyBox<T extends { stockStatus: StockStatus }>(
  offers: ReadonlyArray<T>,
): T | null {
  return (
    offers.find((offer) => isBuyable(offer.stockStatus)) ??
    offers.find((offer) => offer.stockStatus === 'BACKORDER') ??
    offers[0] ??
    null
  );
}
