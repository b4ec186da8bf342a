import type { MockLink } from '@apollo/client/testing';
import {
  OrderPageDocument,
  PurchasePageDocument,
  type OrderDetailOrderFragment,
  type PurchasePageQuery,
  type PurchaseSummaryPurchaseFragment,
} from '../generated/purchases';
import { money } from './catalog';

/** Typed purchase and order fixtures for the storefront's tests. */

type Mock = MockLink.MockedResponse;
export type TestOrder = PurchaseSummaryPurchaseFragment['orders'][number];

export const LINEN_SELLER = {
  __typename: 'Seller' as const,
  id: 'seller-linen',
  name: 'Linen House',
  slug: 'linen-house',
};
export const CORNER_SELLER = {
  __typename: 'Seller' as const,
  id: 'seller-corner',
  name: 'Corner Shop',
  slug: 'corner-shop',
};

export function order(id: string, overrides: Partial<TestOrder> = {}): TestOrder {
  return {
    __typename: 'Order',
    id,
    number: 5001,
    status: 'PAID',
    fulfilment: 'DELIVERY',
    paid: true,
    paymentMethod: 'WALLET',
    paymentDueAt: null,
    seller: LINEN_SELLER,
    shippingMethodName: 'Standard',
    shippingAddress: {
      __typename: 'OrderAddress',
      recipient: 'Ada Lovelace',
      line1: '12 St James Square',
      line2: null,
      postalCode: 'SW1Y 4JH',
      city: 'London',
      country: 'GB',
    },
    pickupStore: null,
    lines: [
      {
        __typename: 'OrderLine',
        id: `${id}-line-1`,
        title: 'Linen shirt',
        quantity: 2,
        total: money(7800),
      },
    ],
    total: money(8697),
    ...overrides,
  };
}

export function pickupOrder(id: string, overrides: Partial<TestOrder> = {}): TestOrder {
  return order(id, {
    number: 5002,
    status: 'PLACED',
    paid: false,
    paymentMethod: 'IN_STORE',
    fulfilment: 'PICKUP',
    seller: CORNER_SELLER,
    shippingMethodName: null,
    shippingAddress: null,
    pickupStore: {
      __typename: 'Store',
      id: 'store-1',
      name: 'Corner Shop Soho',
      line1: '3 Dean Street',
      city: 'London',
    },
    lines: [
      {
        __typename: 'OrderLine',
        id: `${id}-line-1`,
        title: 'Desk lamp',
        quantity: 1,
        total: money(4500),
      },
    ],
    total: money(4500),
    ...overrides,
  });
}

export function purchase(
  id: string,
  orders: TestOrder[],
  overrides: Partial<PurchaseSummaryPurchaseFragment> = {},
): PurchaseSummaryPurchaseFragment {
  const total = orders.reduce((sum, o) => sum + o.total.amount, 0);
  return {
    __typename: 'Purchase',
    id,
    number: 1001,
    createdAt: '2026-11-20T10:30:00.000Z',
    paymentMethod: 'WALLET',
    paymentStatus: 'SUCCEEDED',
    itemsSubtotal: money(total),
    discountTotal: money(0),
    shippingTotal: money(0),
    taxTotal: money(0),
    grandTotal: money(total),
    orders,
    ...overrides,
  };
}

export function purchasePageMock(value: PurchaseSummaryPurchaseFragment | null): Mock {
  const data: PurchasePageQuery = { purchase: value };
  return {
    request: { query: PurchasePageDocument, variables: { id: value?.id ?? 'missing' } },
    result: { data },
  };
}

export function orderDetail(
  base: TestOrder,
  overrides: Partial<OrderDetailOrderFragment> = {},
): OrderDetailOrderFragment {
  return {
    ...base,
    purchaseId: 'purchase-1',
    placedAt: '2026-11-20T10:30:00.000Z',
    itemsSubtotal: money(7800),
    discountTotal: money(0),
    shippingFee: money(499),
    taxTotal: money(398),
    refundedTotal: money(0),
    carrier: null,
    trackingNumber: null,
    cancelReason: null,
    transitions: [
      {
        __typename: 'OrderTransition',
        id: 't1',
        from: null,
        to: 'PLACED',
        actorName: 'Ada Lovelace',
        reason: null,
        at: '2026-11-20T10:30:00.000Z',
      },
      {
        __typename: 'OrderTransition',
        id: 't2',
        from: 'PLACED',
        to: 'PAID',
        actorName: null,
        reason: 'payment succeeded',
        at: '2026-11-20T10:30:05.000Z',
      },
    ],
    refunds: [],
    allowedActions: ['CANCEL'],
    ...overrides,
  };
}

export function orderPageMock(value: OrderDetailOrderFragment): Mock {
  return {
    request: { query: OrderPageDocument, variables: { id: value.id } },
    result: { data: { order: value } },
  };
}
