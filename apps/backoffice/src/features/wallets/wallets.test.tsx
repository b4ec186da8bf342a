import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  WalletShopCurrencyDocument,
  WithdrawalDecideDocument,
  WithdrawalRequestsDocument,
  type WalletShopCurrencyQuery,
  type WithdrawalDecideMutation,
  type WithdrawalRequestsQuery,
  type WithdrawalsTable_WithdrawalFragment,
} from '../../generated/graphql';
import { viewer } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { errorOf } from '../offers/test-data';
import { WalletsView } from './views/wallets-view';

const request: WithdrawalsTable_WithdrawalFragment = {
  __typename: 'WithdrawalRequest',
  id: 'w-1',
  status: 'REQUESTED',
  note: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
  amount: { __typename: 'Money', formatted: '$20.00' },
  user: { __typename: 'User', id: 'u-1', name: 'Shay Shopper', email: 'shay@example.com' },
};

const list = {
  request: {
    query: WithdrawalRequestsDocument,
    variables: { status: 'REQUESTED', first: 25, after: null },
  },
  result: {
    data: {
      withdrawalRequests: {
        __typename: 'WithdrawalRequestConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
        edges: [{ __typename: 'WithdrawalRequestEdge', cursor: 'c1', node: request }],
      },
    } as WithdrawalRequestsQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const currency = {
  request: { query: WalletShopCurrencyDocument },
  result: { data: { shop: { __typename: 'Shop', currency: 'USD' } } as WalletShopCurrencyQuery },
};

describe('withdrawal requests', () => {
  it('asks why before rejecting, and shows the API’s refusal in the dialog', async () => {
    const decide = {
      request: {
        query: WithdrawalDecideDocument,
        variables: { input: { id: 'w-1', approve: false, note: 'Bank details missing' } },
      },
      result: {
        data: {
          withdrawalDecide: {
            __typename: 'WithdrawalDecidePayload',
            withdrawal: null,
            errors: [
              {
                __typename: 'WithdrawalDecideError',
                code: 'ALREADY_DECIDED',
                field: null,
                message: 'Another admin paid this out a minute ago.',
              },
            ],
          },
        } as WithdrawalDecideMutation,
      },
    };
    renderScreen(<WalletsView />, {
      viewer: viewer({ permissions: ['WALLETS_MANAGE'] }),
      mocks: [list, currency, decide],
      path: '/wallets',
      routePath: '/wallets',
    });
    const table = await screen.findByRole('table', { name: 'Withdrawal requests' });
    await within(table).findByText('shay@example.com');
    fireEvent.click(within(table).getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Reject shay@example.com’s request for \$20\.00/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(errorOf(within(dialog).getByLabelText(/^Note/))).toBe('Say why it is rejected.');

    fireEvent.change(within(dialog).getByLabelText(/^Note/), {
      target: { value: 'Bank details missing' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toContain(
        'Another admin paid this out a minute ago.',
      ),
    );
  });
});
