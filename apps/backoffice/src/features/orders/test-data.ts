import type {
  OrderAction,
  OrderDetail_OrderFragment,
  OrderStatus,
  Permission,
} from '../../generated/graphql';
import { greenGrocer, viewer } from '../../test/fixtures';

export const ORDER_PERMISSIONS: Permission[] = [
  'ORDERS_READ',
  'ORDERS_MANAGE',
  'ORDERS_PLACE_OFFLINE',
  'PAYMENTS_COLLECT',
  'REFUNDS_ISSUE',
  'PRODUCTS_READ',
  'INVENTORY_READ',
  'STORES_READ',
];

/** The owner of Green Grocer: every order permission. */
export const orderViewer = viewer({
  id: 'u-olga',
  name: 'Olga Owner',
  sellerAccess: [{ seller: greenGrocer, permissions: ORDER_PERMISSIONS }],
});

export function eur(amount: number) {
  return {
    __typename: 'Money' as const,
    amount,
    currency: 'EUR',
    formatted: `€${(amount / 100).toFixed(2)}`,
  };
}

/** An order as the OrderDetail_order fragment selects it. */
export function orderDetail(
  overrides: Partial<OrderDetail_OrderFragment> & {
    status?: OrderStatus;
    allowedActions?: OrderAction[];
  } = {},
): OrderDetail_OrderFragment {
  return {
    __typename: 'Order',
    id: 'ord-1',
    number: 1042,
    purchaseId: 'pur-1',
    status: 'PAID',
    channel: 'ONLINE',
    paymentMethod: 'WALLET',
    paid: true,
    placedAt: '2026-11-20T10:00:00.000Z',
    paymentDueAt: null,
    fulfilment: 'DELIVERY',
    shippingMethodName: 'Standard',
    carrier: null,
    trackingNumber: null,
    cancelReason: null,
    allowedActions: ['ACCEPT', 'CANCEL', 'REFUND'],
    seller: { __typename: 'Seller', id: greenGrocer.id, name: greenGrocer.name },
    customer: {
      __typename: 'OrderCustomer',
      id: 'u-shopper',
      name: 'Sara Shopper',
      email: 'shopper@example.com',
    },
    shippingAddress: {
      __typename: 'OrderAddress',
      recipient: 'Sara Shopper',
      line1: 'Rua Augusta 10',
      line2: null,
      postalCode: '1100-053',
      city: 'Lisbon',
      region: null,
      country: 'PT',
    },
    pickupStore: null,
    lines: [
      {
        __typename: 'OrderLine',
        id: 'line-1',
        sku: 'APL-1KG',
        title: 'Apples, 1 kg',
        quantity: 2,
        unitPrice: eur(350),
        discount: eur(0),
        tax: eur(0),
        total: eur(700),
      },
    ],
    itemsSubtotal: eur(700),
    discountTotal: eur(0),
    shippingFee: eur(490),
    taxTotal: eur(0),
    total: eur(1190),
    refundedTotal: eur(0),
    refunds: [],
    transitions: [
      {
        __typename: 'OrderTransition',
        id: 't-1',
        from: null,
        to: 'PLACED',
        actorName: 'Sara Shopper',
        reason: null,
        at: '2026-11-20T10:00:00.000Z',
      },
      {
        __typename: 'OrderTransition',
        id: 't-2',
        from: 'PLACED',
        to: 'PAID',
        actorName: null,
        reason: 'payment succeeded',
        at: '2026-11-20T10:00:01.000Z',
      },
    ],
    ...overrides,
  };
}
