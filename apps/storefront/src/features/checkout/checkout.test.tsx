import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CheckoutAddressesDocument,
  CheckoutCompleteDocument,
  CheckoutQuoteDocument,
  type CheckoutAddressesQuery,
  type CheckoutCompleteInput,
  type CheckoutCompleteMutation,
  type CheckoutInput,
  type CheckoutQuoteCheckoutFragment,
  type CheckoutSellerGroupFragment,
} from '../../generated/checkout';
import { money } from '../../test/catalog';
import { address, ADA, shellMock, footerStatusMock, shellViewerMock } from '../../test/mocks';
import {
  CORNER_SELLER,
  LINEN_SELLER,
  order,
  pickupOrder,
  purchase,
  purchasePageMock,
} from '../../test/orders';
import { renderApp } from '../../test/render';
import { LOCALE_STORAGE_KEY } from '../../shared/i18n/locale';

type Mock = MockLink.MockedResponse;
type Problem = CheckoutQuoteCheckoutFragment['problems'][number];
type CompleteError = CheckoutCompleteMutation['checkoutComplete']['errors'][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function group(
  seller: typeof LINEN_SELLER,
  lineId: string,
  title: string,
  amount: number,
  overrides: Partial<CheckoutSellerGroupFragment> = {},
): CheckoutSellerGroupFragment {
  return {
    __typename: 'CheckoutGroup',
    seller,
    lines: [
      {
        __typename: 'CartLine',
        id: lineId,
        quantity: 1,
        lineTotal: money(amount),
        offer: {
          __typename: 'Offer',
          id: `offer-${lineId}`,
          product: { __typename: 'Product', id: `product-${lineId}`, title },
          variant: { __typename: 'Variant', id: `variant-${lineId}`, optionValues: [] },
        },
      },
    ],
    fulfilment: 'DELIVERY',
    deliveryOptions: [
      {
        __typename: 'DeliveryOption',
        shippingMethod: { __typename: 'ShippingMethod', id: `ship-${seller.id}`, name: 'Standard' },
        fee: money(499),
        minDays: 2,
        maxDays: 4,
      },
    ],
    pickupStores: [
      {
        __typename: 'Store',
        id: `store-${seller.id}`,
        name: `${seller.name} Soho`,
        line1: '3 Dean Street',
        city: 'London',
      },
    ],
    shippingMethodId: `ship-${seller.id}`,
    pickupStoreId: null,
    itemsSubtotal: money(amount),
    discount: money(0),
    shippingFee: money(499),
    tax: money(0),
    total: money(amount + 499),
    ...overrides,
  };
}

function quote(
  overrides: Partial<CheckoutQuoteCheckoutFragment> = {},
): CheckoutQuoteCheckoutFragment {
  return {
    __typename: 'Checkout',
    currency: 'USD',
    groups: [
      group(LINEN_SELLER, 'l1', 'Linen shirt', 7800),
      group(CORNER_SELLER, 'l3', 'Desk lamp', 4500),
    ],
    itemsSubtotal: money(12300),
    discountTotal: money(0),
    shippingTotal: money(998),
    taxTotal: money(1230),
    grandTotal: money(14528),
    coupon: null,
    problems: [],
    paymentMethods: ['WALLET'],
    walletBalance: money(50000),
    stripePublishableKey: null,
    ...overrides,
  };
}

function problem(code: Problem['code'], message: string, at: Partial<Problem> = {}): Problem {
  return { __typename: 'CheckoutProblem', code, message, sellerId: null, lineId: null, ...at };
}

function addressesMock(): Mock {
  const data: CheckoutAddressesQuery = {
    viewer: { __typename: 'Viewer', addresses: [address({ isDefault: true })] },
  };
  return { request: { query: CheckoutAddressesDocument }, result: { data } };
}

/** A quote answered for the input `expected` (compared as JSON), `times` times at most. */
function quoteMock(expected: CheckoutInput, value: CheckoutQuoteCheckoutFragment, times = 1): Mock {
  return {
    request: {
      query: CheckoutQuoteDocument,
      variables: (variables) => JSON.stringify(variables.input) === JSON.stringify(expected),
    },
    result: { data: { checkout: value } },
    maxUsageCount: times,
  };
}

/** Records each checkoutComplete input it matches, then answers with `outcome`. */
function completeMock(
  sent: CheckoutCompleteInput[],
  outcome: { purchaseId: string } | { errors: CompleteError[] } | { networkError: true },
): Mock {
  const request = {
    query: CheckoutCompleteDocument,
    variables: (variables: { input: CheckoutCompleteInput }) => {
      sent.push(variables.input);
      return true;
    },
  };
  if ('networkError' in outcome) return { request, error: new TypeError('Failed to fetch') };
  const data: CheckoutCompleteMutation = {
    checkoutComplete:
      'purchaseId' in outcome
        ? {
            __typename: 'CheckoutCompletePayload',
            purchase: { __typename: 'Purchase', id: outcome.purchaseId, number: 1001 },
            payment: {
              __typename: 'PaymentSession',
              paymentId: 'payment-1',
              method: 'WALLET',
              status: 'SUCCEEDED',
              clientSecret: null,
            },
            errors: [],
          }
        : {
            __typename: 'CheckoutCompletePayload',
            purchase: null,
            payment: null,
            errors: outcome.errors,
          },
  };
  return { request, result: { data } };
}

function frame(): Mock[] {
  // The header's cart is read again after an order: the bought lines left the cart.
  return [
    shellMock('Corner Market', 2),
    shellMock('Corner Market', 0),
    footerStatusMock(true),
    shellViewerMock(ADA),
    addressesMock(),
  ];
}

const SAVED = { shippingAddressId: 'address-1' };

function region(name: string) {
  return screen.getByRole('region', { name });
}

async function openCheckout(mocks: Mock[]) {
  const rendered = renderApp('/checkout', [...frame(), ...mocks], { session: 'signedIn' });
  await screen.findByRole('heading', { level: 1, name: 'Checkout' });
  await screen.findByRole('region', { name: 'From Linen House' });
  return rendered;
}

describe('checkout', () => {
  it('sends a signed-out shopper to log in and back to checkout', async () => {
    const { router } = renderApp('/checkout', [shellMock('Corner Market'), footerStatusMock(true)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/checkout');
  });

  it('shows each problem next to what it names: line, seller, coupon, payment', async () => {
    await openCheckout([
      quoteMock(
        SAVED,
        quote({
          paymentMethods: ['STRIPE', 'WALLET'],
          stripePublishableKey: 'pk_test_123',
          problems: [
            problem('CART_HAS_WARNINGS', 'Linen shirt is out of stock.', { lineId: 'l1' }),
            problem('NO_DELIVERY_TO_COUNTRY', 'Corner Shop does not deliver to GB.', {
              sellerId: CORNER_SELLER.id,
            }),
          ],
        }),
      ),
      quoteMock(
        { ...SAVED, couponCode: 'WINTER' },
        quote({
          paymentMethods: ['STRIPE', 'WALLET'],
          stripePublishableKey: 'pk_test_123',
          problems: [problem('COUPON_EXPIRED', 'This coupon expired on 1 March.')],
        }),
      ),
      quoteMock(
        { ...SAVED, couponCode: 'WINTER', paymentMethod: 'WALLET' },
        quote({
          paymentMethods: ['STRIPE', 'WALLET'],
          stripePublishableKey: 'pk_test_123',
          walletBalance: money(1000),
          problems: [problem('INSUFFICIENT_FUNDS', 'Your wallet holds $10.00.')],
        }),
      ),
    ]);

    const linen = region('From Linen House');
    const shirt = within(linen).getByRole('listitem', { name: 'Linen shirt' });
    expect(shirt.textContent).toContain('Linen shirt is out of stock.');
    const corner = region('From Corner Shop');
    expect(corner.textContent).toContain('Corner Shop does not deliver to GB.');
    expect(linen.textContent).not.toContain('does not deliver');
    // Taxes on their own line, money as the API formats it.
    const summary = screen.getByRole('complementary', { name: 'Summary' });
    expect(within(summary).getByText('Tax').nextElementSibling?.textContent).toBe('$12.30');
    expect(within(summary).getByText('Total').nextElementSibling?.textContent).toBe('$145.28');
    expect(summary.textContent).toContain('Resolve the problems above to place your order.');

    const coupon = region('Coupon');
    fireEvent.change(within(coupon).getByRole('textbox', { name: 'Coupon code' }), {
      target: { value: ' WINTER ' },
    });
    fireEvent.click(within(coupon).getByRole('button', { name: 'Apply' }));
    const couponInput = await within(coupon).findByRole('textbox', {
      name: 'Coupon code',
      description: 'This coupon expired on 1 March.',
    });
    expect(couponInput.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(shirt.textContent).not.toContain('out of stock'));

    // Card first, as the API lists it; the wallet's balance shows before choosing it.
    const payment = region('Payment');
    expect((within(payment).getByRole('radio', { name: 'Card' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(within(payment).getByRole('radio', { name: /Wallet/ }));
    expect(await within(region('Payment')).findByText('Your wallet holds $10.00.')).toBeTruthy();
    expect(region('Payment').textContent).toContain('Balance: $10.00');
    expect(region('Payment').textContent).toContain('Your balance does not cover the total.');
    expect(coupon.textContent).not.toContain('expired');
  });

  it('places the order with a pick-up choice and the total seen, then shows the purchase', async () => {
    const sent: CheckoutCompleteInput[] = [];
    const pickup = {
      ...SAVED,
      choices: [
        {
          sellerId: CORNER_SELLER.id,
          fulfilment: 'PICKUP' as const,
          pickupStoreId: 'store-seller-corner',
        },
      ],
    };
    const { router } = await openCheckout([
      quoteMock(SAVED, quote({ paymentMethods: ['WALLET', 'IN_STORE'] })),
      quoteMock(
        pickup,
        quote({
          groups: [
            group(LINEN_SELLER, 'l1', 'Linen shirt', 7800),
            group(CORNER_SELLER, 'l3', 'Desk lamp', 4500, {
              fulfilment: 'PICKUP',
              pickupStoreId: 'store-seller-corner',
              shippingMethodId: null,
              shippingFee: money(0),
              total: money(4500),
            }),
          ],
          shippingTotal: money(499),
          grandTotal: money(14029),
          paymentMethods: ['WALLET'],
        }),
      ),
      completeMock(sent, { purchaseId: 'purchase-1' }),
      purchasePageMock(purchase('purchase-1', [order('o1'), pickupOrder('o2')])),
    ]);
    // Pay in store is offered only while every seller is picked up.
    expect(
      within(region('Payment'))
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['WALLET', 'IN_STORE']);

    const corner = region('From Corner Shop');
    fireEvent.click(within(corner).getByRole('radio', { name: 'Pick up in store' }));
    const store = (await within(corner).findByRole('combobox', {
      name: 'Store',
    })) as HTMLSelectElement;
    expect(store.value).toBe('store-seller-corner');
    await waitFor(() =>
      expect(
        within(screen.getByRole('complementary', { name: 'Summary' })).getByText('Total')
          .nextElementSibling?.textContent,
      ).toBe('$140.29'),
    );
    expect(within(region('Payment')).getAllByRole('radio')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Purchase #1001' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/purchases/purchase-1');
    expect(sent).toHaveLength(1);
    const { idempotencyKey, ...rest } = sent[0]!;
    expect(idempotencyKey).toMatch(UUID);
    expect(rest).toEqual({ ...pickup, paymentMethod: 'WALLET', expectedGrandTotal: 14029 });
    expect(screen.getByText('Thank you! Your order is placed.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Cart, 0 items' })).toBeTruthy();
  });

  it('retries with the same idempotency key, and a changed total starts a new attempt', async () => {
    const sent: CheckoutCompleteInput[] = [];
    await openCheckout([
      quoteMock(SAVED, quote()),
      completeMock(sent, { networkError: true }),
      completeMock(sent, {
        errors: [
          {
            __typename: 'CheckoutCompleteError',
            code: 'TOTAL_CHANGED',
            field: 'expectedGrandTotal',
            message: 'The total is now $150.00.',
          },
        ],
      }),
      // The refetched quote after TOTAL_CHANGED.
      quoteMock(SAVED, quote({ grandTotal: money(15000) })),
      completeMock(sent, { purchaseId: 'purchase-1' }),
      purchasePageMock(purchase('purchase-1', [order('o1')])),
    ]);
    const place = () => fireEvent.click(screen.getByRole('button', { name: 'Place order' }));

    place();
    expect(
      await screen.findByText('The shop could not be reached. Check your connection.'),
    ).toBeTruthy();
    place();
    const summary = screen.getByRole('complementary', { name: 'Summary' });
    expect(
      await within(summary).findByText(
        'The total changed while you were checking out. Check the new total and place the order again.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(within(summary).getByText('Total').nextElementSibling?.textContent).toBe('$150.00'),
    );
    expect(sent).toHaveLength(2);
    expect(sent[0]!.idempotencyKey).toMatch(UUID);
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);
    expect(sent[1]!.expectedGrandTotal).toBe(14528);

    place();
    expect(await screen.findByRole('heading', { level: 1, name: 'Purchase #1001' })).toBeTruthy();
    expect(sent).toHaveLength(3);
    expect(sent[2]!.expectedGrandTotal).toBe(15000);
    expect(sent[2]!.idempotencyKey).toMatch(UUID);
    expect(sent[2]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
  });

  describe('in Chinese', () => {
    afterEach(() => localStorage.removeItem(LOCALE_STORAGE_KEY));

    it('speaks the language the shopper chose', async () => {
      localStorage.setItem(LOCALE_STORAGE_KEY, 'zh-CN');
      renderApp('/checkout', [...frame(), quoteMock(SAVED, quote())], { session: 'signedIn' });
      expect(await screen.findByRole('heading', { level: 1, name: '结算' })).toBeTruthy();
      expect(await screen.findByRole('region', { name: '来自 Linen House' })).toBeTruthy();
      expect(screen.getByRole('button', { name: '提交订单' })).toBeTruthy();
      expect(screen.getByRole('region', { name: '支付方式' }).textContent).toContain('钱包');
    });
  });
});
