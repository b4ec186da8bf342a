import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { DashboardDocument } from '../../generated/graphql';
import { dashboardMock } from '../../test/mocks';
import { renderWithProviders } from '../../test/render';
import { DashboardView } from './views/dashboard-view';

describe('dashboard', () => {
  it('shows the shop and the API status the API reports', async () => {
    renderWithProviders(<DashboardView />, {
      mocks: [dashboardMock({ name: 'Harbour Market', version: '1.4.2' })],
    });

    expect(screen.getByRole('status', { name: 'Loading the dashboard' })).toBeTruthy();

    const status = await screen.findByRole('region', { name: 'API status' });
    expect(within(status).getByText('Operational')).toBeTruthy();
    expect(within(status).getByText('Up')).toBeTruthy();
    expect(within(status).getByText('1.4.2')).toBeTruthy();

    const shop = screen.getByRole('region', { name: 'Shop' });
    expect(within(shop).getByText('Harbour Market')).toBeTruthy();
    expect(within(shop).getByText('EUR')).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading the dashboard' })).toBeNull();
  });

  it('says so when the database is down', async () => {
    renderWithProviders(<DashboardView />, { mocks: [dashboardMock({ database: false })] });

    const status = await screen.findByRole('region', { name: 'API status' });
    expect(within(status).getByText('Down')).toBeTruthy();
    expect(within(status).getByText('Degraded')).toBeTruthy();
    expect(within(status).queryByText('Up')).toBeNull();
  });

  it('shows an error with a retry that loads the data once the API answers', async () => {
    renderWithProviders(<DashboardView />, {
      mocks: [
        { request: { query: DashboardDocument }, error: new TypeError('Failed to fetch') },
        dashboardMock({ version: '2.0.0' }),
      ],
    });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the dashboard')).toBeTruthy();
    expect(within(alert).getByText(/Cannot reach the API/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'API status' })).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    const status = await screen.findByRole('region', { name: 'API status' });
    expect(within(status).getByText('2.0.0')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the message of a GraphQL error', async () => {
    renderWithProviders(<DashboardView />, {
      mocks: [
        {
          request: { query: DashboardDocument },
          result: { errors: [{ message: 'Shop settings are missing.' }] },
        },
      ],
    });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Shop settings are missing.')).toBeTruthy();
  });

  it('refreshes on demand and confirms it', async () => {
    renderWithProviders(<DashboardView />, {
      mocks: [
        dashboardMock({ version: '1.0.0' }),
        dashboardMock({ version: '1.0.1', database: false }),
      ],
    });
    const status = await screen.findByRole('region', { name: 'API status' });
    expect(within(status).getByText('1.0.0')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText('Status refreshed.')).toBeTruthy();
    await waitFor(() => {
      const refreshed = screen.getByRole('region', { name: 'API status' });
      expect(within(refreshed).getByText('1.0.1')).toBeTruthy();
      expect(within(refreshed).getByText('Down')).toBeTruthy();
    });
  });
});
