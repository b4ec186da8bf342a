import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  WalletPageDocument,
  WalletStripeKeyDocument,
  WalletWithdrawalRequestDocument,
  type WalletPageQuery,
  type WalletStripeKeyQuery,
  type WalletWithdrawalRequestInput,
  type WalletWithdrawalRequestMutation,
} from '../../generated/wallet';
import { money } from '../../test/catalog';
import { ADA, descriptionOf, shellMocks, shellViewerMock } from '../../test/mocks';
import { renderApp } from '../../test/render';
import { parseAmount } from './amount';

type Mock = MockLink.MockedResponse;

function walletMock(available: number, times = 1): Mock {
  const data: WalletPageQuery = {
    myWallet: {
      __typename: 'Wallet',
      balances: [
        {
          __typename: 'WalletBalance',
          currency: 'USD',
          available: money(available),
          pendingWithdrawal: money(0),
        },
      ],
      entries: {
        __typename: 'WalletEntryConnection',
        edges: [
          {
            __typename: 'WalletEntryEdge',
            cursor: 'e1',
            node: {
              __typename: 'WalletEntry',
              id: 'e1',
              amount: money(50000),
              kind: 'ADMIN_CREDIT',
              memo: 'Welcome credit',
              createdAt: '2026-11-20T10:30:00.000Z',
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', endCursor: 'e1', hasNextPage: false },
        totalCount: 1,
      },
      withdrawals: { __typename: 'WithdrawalRequestConnection', edges: [] },
    },
  };
  return { request: { query: WalletPageDocument }, result: { data }, maxUsageCount: times };
}

function stripeKeyMock(key: string | null): Mock {
  const data: WalletStripeKeyQuery = {
    shop: { __typename: 'Shop', currency: 'USD', stripePublishableKey: key },
  };
  return { request: { query: WalletStripeKeyDocument }, result: { data } };
}

function withdrawalMock(
  sent: WalletWithdrawalRequestInput[],
  errors: WalletWithdrawalRequestMutation['walletWithdrawalRequest']['errors'],
): Mock {
  const data: WalletWithdrawalRequestMutation = {
    walletWithdrawalRequest: {
      __typename: 'WalletWithdrawalRequestPayload',
      withdrawal: errors.length
        ? null
        : { __typename: 'WithdrawalRequest', id: 'w1', status: 'REQUESTED' },
      errors,
    },
  };
  return {
    request: {
      query: WalletWithdrawalRequestDocument,
      variables: (variables: { input: WalletWithdrawalRequestInput }) => {
        sent.push(variables.input);
        return true;
      },
    },
    result: { data },
  };
}

describe('wallet', () => {
  it('shows balances and movements, and the withdrawal errors beside the amount', async () => {
    const sent: WalletWithdrawalRequestInput[] = [];
    renderApp(
      '/account/wallet',
      [
        ...shellMocks(),
        shellViewerMock(ADA),
        walletMock(50000, 2),
        stripeKeyMock(null),
        withdrawalMock(sent, [
          {
            __typename: 'WalletWithdrawalRequestError',
            code: 'INSUFFICIENT_FUNDS',
            field: null,
            message: 'insufficient funds',
          },
        ]),
        withdrawalMock(sent, []),
      ],
      { session: 'signedIn' },
    );
    const balances = await screen.findByRole('region', { name: 'Balances' });
    expect(within(balances).getByText('Available').nextElementSibling?.textContent).toBe('$500.00');
    const entries = screen.getByRole('region', { name: 'Movements' });
    expect(entries.textContent).toContain('Credit from the shop — Welcome credit');
    expect(entries.textContent).toContain('+$500.00');
    // Cards are off: no top-up.
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Top up by card' })).toBeNull(),
    );

    const form = screen.getByRole('form', { name: 'Withdraw' });
    const amount = within(form).getByRole('textbox', { name: 'Amount (USD)' });
    const submit = within(form).getByRole('button', { name: 'Request the withdrawal' });

    fireEvent.change(amount, { target: { value: '12.345' } });
    fireEvent.click(submit);
    await waitFor(() => expect(descriptionOf(amount)).toContain('Enter a positive amount'));
    expect(sent).toHaveLength(0);

    fireEvent.change(amount, { target: { value: '600' } });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(descriptionOf(amount)).toContain('That is more than your available balance.'),
    );
    expect(amount.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(amount, { target: { value: '120.50' } });
    fireEvent.click(submit);
    expect(await within(form).findByText('Withdrawal requested.')).toBeTruthy();
    expect(sent.map(({ amount, currency }) => ({ amount, currency }))).toEqual([
      { amount: 60000, currency: 'USD' },
      { amount: 12050, currency: 'USD' },
    ]);
    expect(sent[0]!.idempotencyKey).not.toBe(sent[1]!.idempotencyKey);
  });

  it('offers a card top-up only when Stripe is configured', async () => {
    renderApp(
      '/account/wallet',
      [...shellMocks(), shellViewerMock(ADA), walletMock(0), stripeKeyMock('pk_test_123')],
      { session: 'signedIn' },
    );
    const topUp = await screen.findByRole('region', { name: 'Top up by card' });
    expect(within(topUp).getByRole('textbox', { name: 'Amount (USD)' })).toBeTruthy();
  });

  it('reads amounts as integer minor units, never through floating point', () => {
    expect(parseAmount('120.5', 'USD')).toBe(12050);
    expect(parseAmount('0.29', 'USD')).toBe(29);
    expect(parseAmount('1,10', 'EUR')).toBe(110);
    expect(parseAmount('500', 'JPY')).toBe(500);
    expect(parseAmount('5.5', 'JPY')).toBeNull();
    expect(parseAmount('0', 'USD')).toBeNull();
    expect(parseAmount('-3', 'USD')).toBeNull();
    expect(parseAmount('abc', 'USD')).toBeNull();
  });
});
