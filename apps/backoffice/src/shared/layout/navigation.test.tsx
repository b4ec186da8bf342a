import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { SellerStoresDocument, type SellerStoresQuery } from '../../generated/graphql';
import {
  adminViewer,
  greenGrocer,
  harbourBooks,
  salespersonViewer,
  viewer,
} from '../../test/fixtures';
import { dashboardMock, shellShopMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main navigation' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

function storesMock(): {
  request: { query: typeof SellerStoresDocument };
  result: { data: SellerStoresQuery };
  maxUsageCount: number;
} {
  const seller = (s: typeof greenGrocer, storeName: string) => ({
    __typename: 'SellerAccess' as const,
    seller: {
      __typename: 'Seller' as const,
      id: s.id,
      name: s.name,
      stores: [
        {
          __typename: 'Store' as const,
          id: `${s.id}-1`,
          name: storeName,
          line1: '1 Main St',
          line2: null,
          postalCode: '1000',
          city: 'Lisbon',
          region: null,
          country: 'PT',
          latitude: null,
          longitude: null,
          openingHours: [],
        },
      ],
    },
  });
  return {
    request: { query: SellerStoresDocument },
    result: {
      data: {
        viewer: {
          __typename: 'Viewer',
          sellerAccess: [
            seller(greenGrocer, 'Green Grocer Baixa'),
            seller(harbourBooks, 'Harbour Books Quay'),
          ],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

describe('permission-gated navigation', () => {
  it('shows order, counter-sale, coupon and wallet screens only with their permissions', async () => {
    const counter = viewer({
      id: 'u-counter',
      sellerAccess: [
        {
          seller: greenGrocer,
          permissions: ['ORDERS_READ', 'ORDERS_PLACE_OFFLINE', 'PAYMENTS_COLLECT', 'STORES_READ'],
        },
      ],
    });
    const { unmount } = renderApp('/', {
      viewer: counter,
      mocks: [shellShopMock(), dashboardMock()],
    });
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    expect(navLinks()).toEqual(['Dashboard', 'Orders', 'Counter sale', 'Stores', 'API keys']);
    unmount();

    const finance = viewer({
      permissions: ['COUPONS_MANAGE', 'WALLETS_MANAGE'],
      sellerAccess: [{ seller: greenGrocer, permissions: ['COUPONS_MANAGE'] }],
    });
    renderApp('/', { viewer: finance, mocks: [shellShopMock(), dashboardMock()] });
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    expect(navLinks()).toEqual(['Dashboard', 'Platform coupons', 'Wallets', 'Coupons', 'API keys']);
  });

  it('shows a salesperson only their seller’s permitted screens', async () => {
    renderApp('/', { viewer: salespersonViewer, mocks: [shellShopMock(), dashboardMock()] });
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });

    expect(navLinks()).toEqual(['Dashboard', 'Stores', 'Staff', 'API keys']);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('group', { name: 'Green Grocer' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Stores' }).getAttribute('href')).toBe(
      '/sellers/s-green/stores',
    );
    // One seller: nothing to switch.
    expect(screen.queryByRole('combobox', { name: 'Current seller' })).toBeNull();
  });

  it('shows an admin the platform screens and a seller switcher that keeps the screen', async () => {
    const { router } = renderApp('/sellers/s-green/stores', {
      viewer: adminViewer,
      mocks: [shellShopMock(), storesMock()],
    });
    expect(await screen.findByText('Green Grocer Baixa')).toBeTruthy();
    expect(navLinks()).toEqual([
      'Dashboard',
      'Users',
      'Roles',
      'Signing keys',
      'Audit log',
      'Tax rates',
      'Shop profile',
      'Shipping methods',
      'Stores',
      'Staff',
      'API keys',
    ]);

    const switcher = screen.getByRole('combobox', { name: 'Current seller' });
    expect((switcher as HTMLSelectElement).value).toBe('s-green');
    fireEvent.change(switcher, { target: { value: 's-harbour' } });

    await waitFor(() => expect(router.state.location.pathname).toBe('/sellers/s-harbour/stores'));
    expect(await screen.findByText('Harbour Books Quay')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Staff' }).getAttribute('href')).toBe(
      '/sellers/s-harbour/staff',
    );
  });

  it('renders “not allowed” for a screen opened without its permission', async () => {
    const { unmount } = renderApp('/users', {
      viewer: salespersonViewer,
      mocks: [shellShopMock()],
    });
    expect(
      await screen.findByRole('heading', { name: 'You are not allowed to view this page' }),
    ).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Users' })).toBeNull();
    unmount();

    // A seller the salesperson does not work for, and a seller screen their role lacks.
    for (const path of ['/sellers/s-harbour/stores', '/sellers/s-green/profile']) {
      const view = renderApp(path, { viewer: salespersonViewer, mocks: [shellShopMock()] });
      expect(
        await screen.findByRole('heading', { name: 'You are not allowed to view this page' }),
      ).toBeTruthy();
      view.unmount();
    }
  });
});
