import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HomePageDocument } from '../../generated/home';
import { graphQLErrorMock, homeMock, networkErrorMock } from '../../test/mocks';
import { renderView } from '../../test/render';
import { HomeView } from './views/home-view';

describe('home page', () => {
  it('shows a busy placeholder, then welcomes the shopper with the shop name from the API', async () => {
    renderView(<HomeView />, [homeMock('Corner Market')]);

    const busy = screen.getByRole('status');
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy.textContent).toContain('Loading the shop');

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Welcome to Corner Market');
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.title).toBe('Corner Market');
  });

  it('shows an error with a retry button when the API cannot be reached, and recovers on retry', async () => {
    renderView(<HomeView />, [networkErrorMock(HomePageDocument), homeMock('Corner Market')]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("We couldn't open the shop");
    expect(alert.textContent).toContain('could not be reached');
    expect(screen.queryByRole('heading', { name: /Welcome to/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Welcome to Corner Market',
    });
    expect(heading).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows the error state when the API answers with a GraphQL error', async () => {
    renderView(<HomeView />, [graphQLErrorMock(HomePageDocument)]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not complete the request');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
