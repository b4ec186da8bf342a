import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { SellerBalanceDocument, type SellerBalanceQuery } from '../../generated/graphql';
import { greenGrocer, viewer } from '../../test/fixtures';
import { dashboardMock, shellShopMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

describe('seller balance on the dashboard', () => {
  it('shows escrow and available money to staff who read the seller’s orders', async () => {
    const balance = {
      request: { query: SellerBalanceDocument, variables: { sellerId: greenGrocer.id } },
      result: {
        data: {
          sellerBalance: [
            {
              __typename: 'SellerBalance',
              currency: 'EUR',
              escrow: { __typename: 'Money', formatted: '€42.00' },
              available: { __typename: 'Money', formatted: '€7.50' },
            },
          ],
        } as SellerBalanceQuery,
      },
    };
    renderApp('/', {
      viewer: viewer({ sellerAccess: [{ seller: greenGrocer, permissions: ['ORDERS_READ'] }] }),
      mocks: [shellShopMock(), dashboardMock(), balance],
    });
    const card = await screen.findByRole('region', { name: 'Green Grocer balance' });
    expect(await within(card).findByText('€42.00')).toBeTruthy();
    expect(within(card).getByText('€7.50')).toBeTruthy();
  });

  it('is absent without ORDERS_READ', async () => {
    renderApp('/', {
      viewer: viewer({ sellerAccess: [{ seller: greenGrocer, permissions: ['STORES_READ'] }] }),
      mocks: [shellShopMock(), dashboardMock()],
    });
    await screen.findByRole('region', { name: 'Shop' });
    expect(screen.queryByRole('region', { name: 'Green Grocer balance' })).toBeNull();
  });
});
