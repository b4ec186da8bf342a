import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { footerStatusMock, homeMock, shellMock, statusPageMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

describe('unknown routes', () => {
  it('render the 404 page inside the shell, with a link that leads home', async () => {
    const { router } = renderApp('/no/such/page', [
      shellMock('Corner Market'),
      footerStatusMock(true),
      homeMock('Corner Market'),
    ]);

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Page not found');
    await waitFor(() => expect(document.title).toBe('Page not found · Corner Market'));
    // The shell is still there: header with the shop's name, navigation.
    expect(
      within(screen.getByRole('banner')).getByRole('navigation', { name: 'Main' }),
    ).toBeTruthy();

    const back = screen.getByRole('link', { name: 'Back to the home page' });
    expect(back.getAttribute('href')).toBe('/');
    fireEvent.click(back);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Corner Market' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('do not match pages that exist', async () => {
    renderApp('/status', [
      shellMock('Corner Market'),
      footerStatusMock(true),
      statusPageMock(true),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Service status' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Page not found' })).toBeNull();
  });
});
