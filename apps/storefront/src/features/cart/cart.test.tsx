import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  CartPageDocument,
  CartPricesAcknowledgeDocument,
  type CartLinesRemoveMutation,
  type CartLinesUpdateMutation,
  type CartPageCartFragment,
  type CartPageQuery,
  type CartPricesAcknowledgeMutation,
} from '../../generated/cart';
import { money } from '../../test/catalog';
import { shellMock, footerStatusMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

type Line = CartPageCartFragment['lines'][number];
type Warning = Line['warnings'][number];

const LINEN = {
  __typename: 'Seller' as const,
  id: 'seller-linen',
  slug: 'linen-house',
  name: 'Linen House',
};
const CORNER = {
  __typename: 'Seller' as const,
  id: 'seller-corner',
  slug: 'corner-shop',
  name: 'Corner Shop',
};

function line(
  id: string,
  title: string,
  seller: typeof LINEN,
  price: number,
  quantity: number,
  warnings: Warning[] = [],
): Line {
  return {
    __typename: 'CartLine',
    id,
    quantity,
    unitPrice: money(price),
    lineTotal: money(price * quantity),
    warnings,
    offer: {
      __typename: 'Offer',
      id: `offer-${id}`,
      seller,
      variant: {
        __typename: 'Variant',
        id: `variant-${id}`,
        optionValues: [
          { __typename: 'OptionValue', name: 'Size', value: 'M' },
          { __typename: 'OptionValue', name: 'Colour', value: 'Blue' },
        ],
      },
      product: {
        __typename: 'Product',
        id: `product-${id}`,
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        title,
      },
    },
  };
}

function warning(code: Warning['code'], overrides: Partial<Warning> = {}): Warning {
  return {
    __typename: 'CartLineWarning',
    code,
    blocking: code !== 'PRICE_CHANGED',
    message: code,
    availableQuantity: null,
    previousPrice: null,
    ...overrides,
  };
}

function cart(lines: Line[], subtotal: number | null): CartPageCartFragment {
  return {
    __typename: 'Cart',
    id: 'cart-1',
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    subtotal: subtotal === null ? null : money(subtotal),
    lines,
  };
}

const SHIRT = line('l1', 'Linen shirt', LINEN, 3900, 2, [
  warning('PRICE_CHANGED', { previousPrice: money(3500) }),
]);
const SCARF = line('l2', 'Silk scarf', LINEN, 2500, 3, [
  warning('QUANTITY_REDUCED_AVAILABLE', { availableQuantity: 1 }),
]);
const LAMP = line('l3', 'Desk lamp', CORNER, 4500, 1, [
  warning('OUT_OF_STOCK', { availableQuantity: 0 }),
]);
const MUG = line('l4', 'Old mug', CORNER, 900, 1, [warning('OFFER_WITHDRAWN')]);
const FULL = cart([SHIRT, SCARF, LAMP, MUG], 7800);

function cartPageMock(value: CartPageCartFragment | null): MockLink.MockedResponse {
  const data: CartPageQuery = { cart: value };
  return { request: { query: CartPageDocument }, result: { data } };
}

function updateMock(
  lineId: string,
  quantity: number,
  result: CartPageCartFragment,
  errors: CartLinesUpdateMutation['cartLinesUpdate']['errors'] = [],
): MockLink.MockedResponse {
  const data: CartLinesUpdateMutation = {
    cartLinesUpdate: { __typename: 'CartLinesUpdatePayload', cart: result, errors },
  };
  return {
    request: { query: CartLinesUpdateDocument, variables: { lines: [{ lineId, quantity }] } },
    result: { data },
  };
}

function removeMock(lineId: string, result: CartPageCartFragment): MockLink.MockedResponse {
  const data: CartLinesRemoveMutation = {
    cartLinesRemove: { __typename: 'CartLinesRemovePayload', cart: result, errors: [] },
  };
  return {
    request: { query: CartLinesRemoveDocument, variables: { lineIds: [lineId] } },
    result: { data },
  };
}

function acknowledgeMock(result: CartPageCartFragment): MockLink.MockedResponse {
  const data: CartPricesAcknowledgeMutation = {
    cartPricesAcknowledge: {
      __typename: 'CartPricesAcknowledgePayload',
      cart: result,
      errors: [],
    },
  };
  return { request: { query: CartPricesAcknowledgeDocument }, result: { data } };
}

function shell(itemCount: number | null) {
  return [shellMock('Corner Market', itemCount), footerStatusMock(true)];
}

function lineItem(title: string) {
  return screen.getByRole('listitem', { name: title });
}

describe('cart page', () => {
  it('groups lines by seller and shows each line, its warnings and the subtotal', async () => {
    renderApp('/cart', [...shell(7), cartPageMock(FULL)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Cart, 7 items' })).toBeTruthy();

    const linen = screen.getByRole('list', { name: 'Items from Linen House' });
    const corner = screen.getByRole('list', { name: 'Items from Corner Shop' });
    expect(
      within(linen)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Linen shirt', 'Silk scarf']);
    expect(
      within(corner)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Desk lamp', 'Old mug']);
    expect(screen.getByRole('heading', { level: 2, name: 'Sold by Linen House' })).toBeTruthy();

    const shirt = lineItem('Linen shirt');
    expect(within(shirt).getByRole('link', { name: 'Linen shirt' }).getAttribute('href')).toBe(
      '/p/linen-shirt',
    );
    expect(shirt.textContent).toContain('Size: M, Colour: Blue');
    expect(shirt.textContent).toContain('$39.00 each');
    expect(shirt.textContent).toContain('$78.00');
    expect(
      (
        within(shirt).getByRole('spinbutton', {
          name: 'Quantity of Linen shirt',
        }) as HTMLInputElement
      ).value,
    ).toBe('2');
    expect(shirt.textContent).toContain('Price changed from $35.00 to $39.00.');
    expect(lineItem('Silk scarf').textContent).toContain(
      'Only 1 available: lower the quantity to buy it.',
    );
    expect(lineItem('Desk lamp').textContent).toContain('Out of stock');
    expect(lineItem('Old mug').textContent).toContain('No longer sold');

    expect(screen.getByText('Subtotal').nextElementSibling?.textContent).toBe('$78.00');
    expect(
      screen.getByText('Items that cannot be bought now are not in the subtotal.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Checkout' }).getAttribute('href')).toBe('/checkout');
  });

  it('updates a quantity with the stepper and the input, and shows payload errors on the line', async () => {
    const three = cart(
      [{ ...SHIRT, quantity: 3, lineTotal: money(11700) }, SCARF, LAMP, MUG],
      11700,
    );
    renderApp('/cart', [
      ...shell(7),
      cartPageMock(FULL),
      updateMock('l1', 3, three),
      updateMock('l1', 50, three, [
        {
          __typename: 'CartLinesUpdateError',
          code: 'INSUFFICIENT_STOCK',
          field: 'lines.0.quantity',
          message: 'Only 12 available.',
        },
      ]),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Your cart' });
    const shirt = lineItem('Linen shirt');
    fireEvent.click(
      within(shirt).getByRole('button', { name: 'Increase the quantity of Linen shirt' }),
    );
    const input = within(shirt).getByRole('spinbutton', {
      name: 'Quantity of Linen shirt',
    }) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('3'));
    expect(shirt.textContent).toContain('$117.00');
    expect(await screen.findByRole('link', { name: 'Cart, 8 items' })).toBeTruthy();

    fireEvent.change(input, { target: { value: '50' } });
    fireEvent.blur(input);
    expect(await within(shirt).findByText('Not enough in stock for that quantity.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('removes a line with the remove button and with quantity 0', async () => {
    const withoutMug = cart([SHIRT, SCARF, LAMP], 7800);
    const withoutLamp = cart([SHIRT, SCARF], 7800);
    renderApp('/cart', [
      ...shell(7),
      cartPageMock(FULL),
      removeMock('l4', withoutMug),
      updateMock('l3', 0, withoutLamp),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Your cart' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Old mug' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Old mug' })).toBeNull());
    expect(await screen.findByRole('link', { name: 'Cart, 6 items' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Decrease the quantity of Desk lamp' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Desk lamp' })).toBeNull());
    expect(screen.queryByRole('list', { name: 'Items from Corner Shop' })).toBeNull();
  });

  it('accepts changed prices from the banner', async () => {
    const accepted = cart([{ ...SHIRT, warnings: [] }], 7800);
    renderApp('/cart', [...shell(2), cartPageMock(cart([SHIRT], 7800)), acknowledgeMock(accepted)]);
    const banner = await screen.findByRole('region', { name: 'Prices changed' });
    expect(banner.textContent).toContain('Some prices changed');
    fireEvent.click(within(banner).getByRole('button', { name: 'Got it' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Prices changed' })).toBeNull(),
    );
    expect(lineItem('Linen shirt').textContent).not.toContain('Price changed');
  });

  it('shows an empty cart with a way back to the shop', async () => {
    renderApp('/cart', [...shell(null), cartPageMock(null)]);
    expect(await screen.findByText('Your cart is empty.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Continue shopping' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeTruthy();
  });
});
