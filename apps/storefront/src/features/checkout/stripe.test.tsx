import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  CheckoutAddressesDocument,
  CheckoutCompleteDocument,
  CheckoutQuoteDocument,
  type CheckoutCompleteMutation,
} from '../../generated/checkout';
import { money } from '../../test/catalog';
import { ADA, address, footerStatusMock, shellMock, shellViewerMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

// Stripe.js itself never loads in tests: the SDK's loader and React bindings are doubles
// that record what the checkout hands them.
const stripe = vi.hoisted(() => ({
  loadStripe: vi.fn(async (key: string) => ({ key })),
  confirmPayment: vi.fn(async (_options: unknown) => ({
    error: { message: 'Your card was declined.' },
  })),
  elementsOptions: [] as unknown[],
}));

vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripe.loadStripe }));
vi.mock('@stripe/react-stripe-js', () => ({
  Elements: ({ options, children }: { options: unknown; children: ReactNode }) => {
    stripe.elementsOptions.push(options);
    return children;
  },
  PaymentElement: () => <div data-testid="payment-element" />,
  useStripe: () => ({ confirmPayment: stripe.confirmPayment }),
  useElements: () => ({ kind: 'elements' }),
}));

type Mock = MockLink.MockedResponse;

const QUOTE = {
  __typename: 'Checkout' as const,
  currency: 'USD',
  groups: [
    {
      __typename: 'CheckoutGroup' as const,
      seller: { __typename: 'Seller' as const, id: 's1', name: 'Linen House', slug: 'linen-house' },
      lines: [],
      fulfilment: 'DELIVERY' as const,
      deliveryOptions: [],
      pickupStores: [],
      shippingMethodId: null,
      pickupStoreId: null,
      itemsSubtotal: money(5000),
      discount: money(0),
      shippingFee: money(0),
      tax: money(0),
      total: money(5000),
    },
  ],
  itemsSubtotal: money(5000),
  discountTotal: money(0),
  shippingTotal: money(0),
  taxTotal: money(0),
  grandTotal: money(5000),
  coupon: null,
  problems: [],
  paymentMethods: ['STRIPE' as const, 'WALLET' as const],
  walletBalance: money(0),
  stripePublishableKey: 'pk_test_123',
};

function mocks(): Mock[] {
  const completed: CheckoutCompleteMutation = {
    checkoutComplete: {
      __typename: 'CheckoutCompletePayload',
      purchase: { __typename: 'Purchase', id: 'purchase-9', number: 1009 },
      payment: {
        __typename: 'PaymentSession',
        paymentId: 'payment-9',
        method: 'STRIPE',
        status: 'PENDING',
        clientSecret: 'pi_9_secret_abc',
      },
      errors: [],
    },
  };
  return [
    shellMock('Corner Market', 1),
    shellMock('Corner Market', 0),
    footerStatusMock(true),
    shellViewerMock(ADA),
    {
      request: { query: CheckoutAddressesDocument },
      result: { data: { viewer: { __typename: 'Viewer', addresses: [address()] } } },
    },
    {
      request: {
        query: CheckoutQuoteDocument,
        variables: { input: { shippingAddressId: 'address-1' } },
      },
      result: { data: { checkout: QUOTE } },
    },
    {
      request: {
        query: CheckoutCompleteDocument,
        variables: (v: { input: { paymentMethod: string } }) => v.input.paymentMethod === 'STRIPE',
      },
      result: { data: completed },
    },
  ];
}

describe('card payment', () => {
  it('loads Stripe only to pay, confirms with the client secret and returns to the purchase', async () => {
    renderApp('/checkout', mocks(), { session: 'signedIn' });
    await screen.findByRole('region', { name: 'From Linen House' });
    expect(stripe.loadStripe).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pay by card' })).toBeTruthy();
    expect(await screen.findByTestId('payment-element')).toBeTruthy();
    expect(stripe.loadStripe).toHaveBeenCalledWith('pk_test_123');
    expect(stripe.elementsOptions.at(-1)).toEqual({ clientSecret: 'pi_9_secret_abc' });

    fireEvent.click(screen.getByRole('button', { name: 'Pay $50.00' }));
    expect(await screen.findByText('Your card was declined.')).toBeTruthy();
    await waitFor(() => expect(stripe.confirmPayment).toHaveBeenCalledTimes(1));
    expect(stripe.confirmPayment.mock.calls[0]![0]).toEqual({
      elements: { kind: 'elements' },
      confirmParams: { return_url: `${window.location.origin}/purchases/purchase-9` },
    });
  });
});
