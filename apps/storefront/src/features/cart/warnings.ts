import type { CartLineItemFragment } from '../../generated/cart';

type Warning = CartLineItemFragment['warnings'][number];

/** What a shopper reads about a line's warning. */
export function warningText(
  warning: Warning,
  unitPrice: CartLineItemFragment['unitPrice'],
): string {
  switch (warning.code) {
    case 'PRICE_CHANGED':
      return warning.previousPrice
        ? `Price changed from ${warning.previousPrice.formatted} to ${unitPrice.formatted}.`
        : `Price changed to ${unitPrice.formatted}.`;
    case 'OUT_OF_STOCK':
      return 'Out of stock: this item cannot be bought now.';
    case 'QUANTITY_REDUCED_AVAILABLE':
      return `Only ${warning.availableQuantity ?? 0} available: lower the quantity to buy it.`;
    case 'OFFER_WITHDRAWN':
      return 'No longer sold: remove it from your cart.';
  }
}

/** Groups lines by seller, in the order of each seller's first line. */
export function groupBySeller<L extends { offer: { seller: { id: string; name: string } } }>(
  lines: readonly L[],
): Array<{ seller: L['offer']['seller']; lines: L[] }> {
  const groups = new Map<string, { seller: L['offer']['seller']; lines: L[] }>();
  for (const line of lines) {
    const seller = line.offer.seller;
    const group = groups.get(seller.id);
    if (group) group.lines.push(line);
    else groups.set(seller.id, { seller, lines: [line] });
  }
  return [...groups.values()];
}
