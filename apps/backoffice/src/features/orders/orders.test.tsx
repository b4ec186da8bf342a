import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  OrderAcceptDocument,
  OrderCancelDocument,
  OrderDetailDocument,
  OrderFilterStoresDocument,
  OrderRefundDocument,
  OrderShipDocument,
  SellerOrdersDocument,
  type OrderAcceptMutation,
  type OrderCancelMutation,
  type OrderDetail_OrderFragment,
  type OrderDetailQuery,
  type OrderFilterStoresQuery,
  type OrderRefundMutation,
  type OrderRefundMutationVariables,
  type OrderShipMutation,
  type SellerOrdersQuery,
  type SellerOrdersQueryVariables,
} from '../../generated/graphql';
import { greenGrocer } from '../../test/fixtures';
import type { Mocks } from '../../test/providers';
import { renderScreen } from '../../test/render';
import { errorOf } from '../offers/test-data';
import { orderDetail, orderViewer } from './test-data';
import { OrderDetailView } from './views/order-detail-view';
import { OrdersView } from './views/orders-view';

function detailMock(order: OrderDetail_OrderFragment) {
  return {
    request: { query: OrderDetailDocument, variables: { id: order.id } },
    result: { data: { order } as OrderDetailQuery },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function orderError(code: string, field: string | null, message: string) {
  return { __typename: 'OrderError' as const, code, field, message };
}

function renderDetail(order: OrderDetail_OrderFragment, mocks: Mocks = []) {
  return renderScreen(<OrderDetailView sellerId={greenGrocer.id} orderId={order.id} />, {
    viewer: orderViewer,
    mocks: [detailMock(order), ...mocks],
  });
}

function actionNames(): string[] {
  const group = screen.getByRole('group', { name: 'Order actions' });
  return within(group)
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('order detail actions', () => {
  it('offers exactly the actions the API allows, in a fixed order', async () => {
    renderDetail(orderDetail({ allowedActions: ['REFUND', 'CANCEL', 'ACCEPT'] }));
    await screen.findByRole('group', { name: 'Order actions' });
    expect(actionNames()).toEqual(['Accept', 'Refund', 'Cancel order']);
  });

  it('offers nothing on a completed order', async () => {
    renderDetail(orderDetail({ status: 'COMPLETED', allowedActions: [] }));
    await screen.findByText('Order #1042');
    expect(screen.queryByRole('group', { name: 'Order actions' })).toBeNull();
  });

  it('shows why an accept was refused and leaves the order as it was', async () => {
    const order = orderDetail();
    const refused = {
      request: { query: OrderAcceptDocument, variables: { id: order.id } },
      result: {
        data: {
          orderAccept: {
            __typename: 'OrderPayload',
            order: null,
            errors: [
              orderError('ORDER_STATUS_CHANGED', null, 'The customer cancelled this order.'),
            ],
          },
        } as OrderAcceptMutation,
      },
    };
    renderDetail(order, [refused]);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The customer cancelled this order.');
    expect(within(screen.getByRole('heading', { level: 1 })).getByText('Paid')).toBeTruthy();
  });

  it('moves to the accepted order the API returns, with its new actions', async () => {
    const order = orderDetail();
    const accepted = orderDetail({
      status: 'ACCEPTED',
      allowedActions: ['PACK', 'CANCEL', 'REFUND'],
      transitions: [
        ...order.transitions,
        {
          __typename: 'OrderTransition',
          id: 't-3',
          from: 'PAID',
          to: 'ACCEPTED',
          actorName: 'Olga Owner',
          reason: null,
          at: '2026-11-20T11:00:00.000Z',
        },
      ],
    });
    const accept = {
      request: { query: OrderAcceptDocument, variables: { id: order.id } },
      result: {
        data: {
          orderAccept: { __typename: 'OrderPayload', order: accepted, errors: [] },
        } as OrderAcceptMutation,
      },
    };
    renderDetail(order, [accept]);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    await screen.findByRole('button', { name: 'Mark packed' });
    expect(actionNames()).toEqual(['Mark packed', 'Refund', 'Cancel order']);
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByText(/Olga Owner/)).toBeTruthy();
  });

  it('asks for carrier and tracking number before shipping, and shows the API’s errors on them', async () => {
    const order = orderDetail({ status: 'PACKED', allowedActions: ['SHIP', 'CANCEL'] });
    const ship = {
      request: {
        query: OrderShipDocument,
        variables: { input: { id: order.id, carrier: 'CTT', trackingNumber: 'XX' } },
      },
      result: {
        data: {
          orderShip: {
            __typename: 'OrderPayload',
            order: null,
            errors: [
              orderError(
                'TRACKING_NUMBER_REQUIRED',
                'input.trackingNumber',
                'Not a CTT tracking number.',
              ),
            ],
          },
        } as OrderShipMutation,
      },
    };
    renderDetail(order, [ship]);
    fireEvent.click(await screen.findByRole('button', { name: 'Ship' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark shipped' }));
    expect(errorOf(within(dialog).getByLabelText(/^Carrier/))).toBe('Name the carrier.');
    expect(errorOf(within(dialog).getByLabelText(/^Tracking number/))).toBe(
      'Enter the tracking number.',
    );

    fireEvent.change(within(dialog).getByLabelText(/^Carrier/), { target: { value: ' CTT ' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tracking number/), {
      target: { value: 'XX' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark shipped' }));
    await waitFor(() =>
      expect(errorOf(within(dialog).getByLabelText(/^Tracking number/))).toBe(
        'Not a CTT tracking number.',
      ),
    );
    expect(errorOf(within(dialog).getByLabelText(/^Carrier/))).toBeNull();
  });

  it('requires a reason to cancel, and shows the API’s reason error next to it', async () => {
    const order = orderDetail();
    const cancel = {
      request: {
        query: OrderCancelDocument,
        variables: { input: { id: order.id, reason: 'Out of apples' } },
      },
      result: {
        data: {
          orderCancel: {
            __typename: 'OrderPayload',
            order: null,
            errors: [orderError('REASON_REQUIRED', 'reason', 'Say more for the customer.')],
          },
        } as OrderCancelMutation,
      },
    };
    renderDetail(order, [cancel]);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Cancel order' });
    fireEvent.click(submit);
    expect(errorOf(within(dialog).getByLabelText(/^Reason/))).toMatch(/^Say why/);

    fireEvent.change(within(dialog).getByLabelText(/^Reason/), {
      target: { value: 'Out of apples' },
    });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(errorOf(within(dialog).getByLabelText(/^Reason/))).toBe('Say more for the customer.'),
    );
  });

  it('refunds part of an order; a retry after the API answered takes a new idempotency key', async () => {
    const order = orderDetail({ refundedTotal: { ...orderDetail().refundedTotal, amount: 190 } });
    const keys: string[] = [];
    const refused = {
      request: {
        query: OrderRefundDocument,
        variables: (vars: OrderRefundMutationVariables) => {
          keys.push(vars.input.idempotencyKey);
          return vars.input.amount === 500 && vars.input.reason === 'Bruised';
        },
      },
      result: {
        data: {
          orderRefund: {
            __typename: 'OrderRefundPayload',
            order: null,
            refund: null,
            errors: [
              {
                __typename: 'OrderRefundError',
                code: 'AMOUNT_INVALID',
                field: 'input.amount',
                message: 'A refund is already pending.',
              },
            ],
          },
        } as OrderRefundMutation,
      },
    };
    renderDetail(order, [refused, { ...refused }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Refund' }));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByLabelText(/^Amount/) as HTMLInputElement;
    // What is left: 11.90 total - 1.90 refunded.
    expect(amount.value).toBe('10.00');
    fireEvent.change(amount, { target: { value: '10.01' } });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Bruised' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(errorOf(amount)).toMatch(/^At most/);
    expect(keys).toHaveLength(0);

    fireEvent.change(amount, { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(errorOf(amount)).toBe('A refund is already pending.'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(keys.length).toBeGreaterThanOrEqual(2));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => key.length >= 8 && key.length <= 100)).toBe(true);
  });
});

describe('order list', () => {
  it('reads its filters from the URL and writes changes back', async () => {
    const seen: SellerOrdersQueryVariables[] = [];
    const list = {
      request: {
        query: SellerOrdersDocument,
        variables: (vars: SellerOrdersQueryVariables) => {
          seen.push(vars);
          return true;
        },
      },
      result: {
        data: {
          sellerOrders: {
            __typename: 'OrderConnection',
            totalCount: 1,
            pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
            edges: [
              {
                __typename: 'OrderEdge',
                cursor: 'c1',
                node: {
                  __typename: 'Order',
                  id: 'ord-1',
                  number: 1042,
                  status: 'PAID',
                  channel: 'ONLINE',
                  paymentMethod: 'WALLET',
                  paid: true,
                  placedAt: '2026-11-20T10:00:00.000Z',
                  fulfilment: 'DELIVERY',
                  customer: {
                    __typename: 'OrderCustomer',
                    id: 'u-1',
                    name: 'Sara Shopper',
                    email: 'shopper@example.com',
                  },
                  pickupStore: null,
                  total: { __typename: 'Money', formatted: '€11.90' },
                },
              },
            ],
          },
        } as SellerOrdersQuery,
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    const stores = {
      request: { query: OrderFilterStoresDocument },
      result: {
        data: {
          viewer: {
            __typename: 'Viewer',
            sellerAccess: [
              {
                __typename: 'SellerAccess',
                seller: {
                  __typename: 'Seller',
                  id: greenGrocer.id,
                  stores: [{ __typename: 'Store', id: 'st-baixa', name: 'Baixa' }],
                },
              },
            ],
          },
        } as OrderFilterStoresQuery,
      },
    };
    const { router } = renderScreen(<OrdersView sellerId={greenGrocer.id} />, {
      viewer: orderViewer,
      mocks: [list, stores],
      path: `/sellers/${greenGrocer.id}/orders?status=PAID,BOGUS&channel=ONLINE&number=1042&store=st-baixa`,
      routePath: '/sellers/:sellerId/orders',
    });
    const table = await screen.findByRole('table', { name: 'Orders' });
    await within(table).findByText('Sara Shopper');
    expect(seen[0]).toMatchObject({
      sellerId: greenGrocer.id,
      first: 25,
      after: null,
      filter: { status: ['PAID'], channel: 'ONLINE', number: 1042, storeId: 'st-baixa' },
    });

    fireEvent.change(await screen.findByLabelText('Payment'), { target: { value: 'IN_STORE' } });
    await waitFor(() => expect(router.state.location.search).toContain('payment=IN_STORE'));
    await waitFor(() =>
      expect(seen.at(-1)?.filter).toMatchObject({ paymentMethod: 'IN_STORE', status: ['PAID'] }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(seen.at(-1)?.filter).toBeNull());
  });
});
