import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { RouteError } from '../shared/states/route-error';
import { dashboardMock, shellShopMock } from '../test/mocks';
import { renderApp, renderWithProviders } from '../test/render';

describe('routes', () => {
  it('opens the dashboard inside the shell, with the shop name in the header', async () => {
    renderApp('/', {
      mocks: [shellShopMock('Harbour Market'), dashboardMock({ version: '3.1.0' })],
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Harbour Market')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await screen.findByText('3.1.0')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Dashboard · Harbour Market back-office'));
  });

  it('renders the 404 page inside the shell for an unknown path, with a way back', async () => {
    renderApp('/no/such/page', { mocks: [shellShopMock('Harbour Market'), dashboardMock()] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/no/such/page')).toBeTruthy();
    expect(await within(screen.getByRole('banner')).findByText('Harbour Market')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Page not found · Harbour Market back-office'));

    fireEvent.click(screen.getByRole('link', { name: 'Go to the dashboard' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Page not found' })).toBeNull();
  });

  it('shows a route error with a way out when a page fails', async () => {
    function Broken(): never {
      throw new Error('Chunk failed to load');
    }
    const router = createMemoryRouter([
      { path: '/', element: <Broken />, errorElement: <RouteError /> },
    ]);
    // React logs the caught render error; keep the output readable.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithProviders(<RouterProvider router={router} />);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This page failed to load')).toBeTruthy();
    expect(within(alert).getByText('Chunk failed to load')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });
});
