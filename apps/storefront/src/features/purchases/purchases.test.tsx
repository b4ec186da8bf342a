import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  MyPurchasesDocument,
  OrderCancelDocument,
  type MyPurchasesQuery,
  type OrderCancelMutation,
  type OrderDetailOrderFragment,
  type PurchaseSummaryPurchaseFragment,
} from '../../generated/purchases';
import { money } from '../../test/catalog';
import { ADA, descriptionOf, shellMocks, shellViewerMock } from '../../test/mocks';
import {
  order,
  orderDetail,
  orderPageMock,
  pickupOrder,
  purchase,
  purchasePageMock,
} from '../../test/orders';
import { renderApp } from '../../test/render';
import { PURCHASES_PAGE_SIZE } from './views/purchases-view';

type Mock = MockLink.MockedResponse;
type CancelError = OrderCancelMutation['orderCancel']['errors'][number];

function page(
  purchases: PurchaseSummaryPurchaseFragment[],
  after: string | null,
  hasNextPage: boolean,
  totalCount: number,
): Mock {
  const data: MyPurchasesQuery = {
    myPurchases: {
      __typename: 'PurchaseConnection',
      edges: purchases.map((node) => ({
        __typename: 'PurchaseEdge',
        cursor: `c-${node.id}`,
        node,
      })),
      pageInfo: {
        __typename: 'PageInfo',
        endCursor: purchases.length ? `c-${purchases.at(-1)!.id}` : null,
        hasNextPage,
      },
      totalCount,
    },
  };
  return {
    request: {
      query: MyPurchasesDocument,
      variables: after ? { first: PURCHASES_PAGE_SIZE, after } : { first: PURCHASES_PAGE_SIZE },
    },
    result: { data },
  };
}

function cancelMock(reason: string, outcome: OrderDetailOrderFragment | CancelError[]): Mock {
  const data: OrderCancelMutation = {
    orderCancel: Array.isArray(outcome)
      ? { __typename: 'OrderPayload', order: null, errors: outcome }
      : { __typename: 'OrderPayload', order: outcome, errors: [] },
  };
  return {
    request: { query: OrderCancelDocument, variables: { input: { id: 'o1', reason } } },
    result: { data },
  };
}

function render(path: string, mocks: Mock[]) {
  return renderApp(path, [...shellMocks(), shellViewerMock(ADA), ...mocks], {
    session: 'signedIn',
  });
}

describe('purchase history', () => {
  it('lists purchases with their orders per seller and status, and loads more', async () => {
    const first = purchase('p2', [order('o1'), pickupOrder('o2')], { number: 1002 });
    const second = purchase('p1', [order('o3', { number: 4999, status: 'COMPLETED' })], {
      number: 1001,
    });
    render('/account/purchases', [page([first], null, true, 2), page([second], 'c-p2', false, 2)]);

    const list = await screen.findByRole('list', { name: 'Your purchases' });
    const latest = within(list).getByRole('listitem', { name: 'Purchase #1002' });
    const delivery = within(latest).getByRole('listitem', { name: 'Order #5001 from Linen House' });
    expect(delivery.textContent).toContain('Paid');
    expect(delivery.textContent).toContain(
      'Delivery (Standard) to Ada Lovelace, 12 St James Square',
    );
    const pickup = within(latest).getByRole('listitem', { name: 'Order #5002 from Corner Shop' });
    expect(pickup.textContent).toContain('Placed');
    expect(pickup.textContent).toContain('Pick up at Corner Shop Soho, 3 Dean Street, London');
    expect(within(pickup).getByRole('link', { name: 'See order #5002' }).getAttribute('href')).toBe(
      '/account/orders/o2',
    );
    expect(screen.getByText('1 of 2 purchases')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const older = await within(list).findByRole('listitem', { name: 'Purchase #1001' });
    expect(
      within(older).getByRole('listitem', { name: 'Order #4999 from Linen House' }).textContent,
    ).toContain('Completed');
    expect(screen.getByText('2 of 2 purchases')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    render('/account/purchases', [page([], null, false, 0)]);
    expect(await screen.findByText('You have not bought anything yet.')).toBeTruthy();
  });
});

describe('order detail', () => {
  it('shows the timeline and tracking, and cancels with a reason while allowed', async () => {
    const detail = orderDetail(order('o1'), {
      carrier: 'Royal Mail',
      trackingNumber: 'RM123456789GB',
    });
    const cancelled = orderDetail(order('o1', { status: 'CANCELLED' }), {
      allowedActions: [],
      cancelReason: 'Ordered by mistake',
      transitions: [
        ...detail.transitions,
        {
          __typename: 'OrderTransition',
          id: 't3',
          from: 'PAID',
          to: 'CANCELLED',
          actorName: 'Ada Lovelace',
          reason: 'Ordered by mistake',
          at: '2026-11-20T11:00:00.000Z',
        },
      ],
      refundedTotal: money(8697),
      refunds: [
        {
          __typename: 'Refund',
          id: 'r1',
          amount: money(8697),
          status: 'SUCCEEDED',
          reason: 'Ordered by mistake',
          createdAt: '2026-11-20T11:00:00.000Z',
        },
      ],
    });
    render('/account/orders/o1', [
      orderPageMock(detail),
      cancelMock('no', [
        {
          __typename: 'OrderError',
          code: 'REASON_REQUIRED',
          field: 'reason',
          message: 'reason must be 3 to 500 characters',
        },
      ]),
      cancelMock('Ordered by mistake', cancelled),
    ]);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Order #5001 from Linen House' }),
    ).toBeTruthy();
    const timeline = screen.getByRole('list', { name: 'History' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Placed', 'Paid']);
    expect(timeline.textContent).toContain('payment succeeded');
    const tracking = screen.getByRole('region', { name: 'Tracking' });
    expect(tracking.textContent).toContain('Royal Mail');
    expect(tracking.textContent).toContain('RM123456789GB');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    const form = screen.getByRole('form', { name: 'Cancel this order' });
    const reason = within(form).getByRole('textbox', { name: 'Why are you cancelling?' });
    fireEvent.change(reason, { target: { value: ' no ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel the order' }));
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(reason)).toContain('Tell the seller why, in 3 to 500 characters.');

    fireEvent.change(reason, { target: { value: 'Ordered by mistake' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel the order' }));
    expect(
      await screen.findByText(
        'The order is cancelled. Any payment is refunded to where it came from.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Cancelled: Ordered by mistake')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Refunds' }).textContent).toContain(
      '$86.97 — refunded',
    );
    expect(
      within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem'),
    ).toHaveLength(3);
  });

  it('offers no cancellation once the seller accepted the order', async () => {
    render('/account/orders/o1', [
      orderPageMock(orderDetail(order('o1', { status: 'ACCEPTED' }), { allowedActions: [] })),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: /Order #5001/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it('shows what the shop says when the order moved on meanwhile', async () => {
    render('/account/orders/o1', [
      orderPageMock(orderDetail(order('o1'))),
      cancelMock('Found it cheaper', [
        {
          __typename: 'OrderError',
          code: 'ORDER_STATUS_CHANGED',
          field: null,
          message: 'status changed',
        },
      ]),
      orderPageMock(orderDetail(order('o1', { status: 'ACCEPTED' }), { allowedActions: [] })),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const form = screen.getByRole('form', { name: 'Cancel this order' });
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'Found it cheaper' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel the order' }));
    expect(await screen.findByText(/The order changed meanwhile/)).toBeTruthy();
    // It shows where the order is now, without the cancellation it no longer allows.
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Cancel this order' })).toBeNull(),
    );
    expect(screen.getByText('Accepted')).toBeTruthy();
    expect(screen.getByText(/The order changed meanwhile/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });
});

describe('purchase confirmation', () => {
  it('polls a card payment until the webhook marks the purchase paid', async () => {
    const waiting = purchase(
      'p1',
      [order('o1', { status: 'PLACED', paid: false, paymentMethod: 'STRIPE' })],
      {
        paymentMethod: 'STRIPE',
        paymentStatus: 'PENDING',
      },
    );
    const paid = purchase('p1', [order('o1', { paymentMethod: 'STRIPE' })], {
      paymentMethod: 'STRIPE',
      paymentStatus: 'SUCCEEDED',
    });
    render('/purchases/p1?payment_intent=pi_1&redirect_status=succeeded', [
      purchasePageMock(waiting),
      purchasePageMock(waiting),
      purchasePageMock(paid),
    ]);
    expect(
      await screen.findByText(
        'Waiting for the payment to be confirmed… This page updates by itself.',
      ),
    ).toBeTruthy();
    expect(
      await screen.findByText('Thank you! Your order is placed. Payment received.', undefined, {
        timeout: 15_000,
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('listitem', { name: 'Order #5001 from Linen House' }).textContent,
    ).toContain('Paid');
  });
});
