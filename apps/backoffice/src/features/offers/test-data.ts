// Fixtures shared by the offer, inventory and import tests.
import type { OffersTable_OfferFragment } from '../../generated/graphql';
import { SELLER_PERMISSIONS, greenGrocer, viewer } from '../../test/fixtures';

/** Runs Green Grocer with every catalog permission. */
export const catalogViewer = viewer({
  id: 'u-olga',
  name: 'Olga Owner',
  email: 'olga@green.example',
  sellerAccess: [
    {
      seller: greenGrocer,
      permissions: [
        ...SELLER_PERMISSIONS,
        'PRODUCTS_READ',
        'PRODUCTS_MANAGE',
        'OFFERS_MANAGE',
        'INVENTORY_READ',
        'INVENTORY_MANAGE',
      ],
    },
  ],
});

export function money(amount: number, currency = 'USD') {
  const digits = currency === 'JPY' ? 0 : 2;
  return {
    __typename: 'Money' as const,
    amount,
    currency,
    formatted: `${currency} ${(amount / 10 ** digits).toFixed(digits)}`,
  };
}

export function offerNode(
  id: string,
  sku: string,
  { amount = 1000, currency = 'USD', title = `Linen shirt / ${sku}` } = {},
): OffersTable_OfferFragment {
  return {
    __typename: 'Offer',
    id,
    status: 'ACTIVE',
    condition: 'NEW',
    stockStatus: 'IN_STOCK',
    availableQuantity: 12,
    price: money(amount, currency),
    compareAtPrice: null,
    variant: { __typename: 'Variant', id: `v-${id}`, sku, title },
    product: { __typename: 'Product', id: 'p-linen', title: 'Linen shirt' },
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

/** The error text Mantine attached to an input (through aria-describedby). */
export function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}
