import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FooterStatusDocument, ShellDocument } from '../../generated/graphql';
import { HomePageDocument } from '../../generated/home';
import {
  accountPageMock,
  ADA,
  footerStatusMock,
  homeMock,
  networkErrorMock,
  sessionRevokeMock,
  shellMock,
  shellViewerMock,
  statusPageMock,
} from '../../test/mocks';
import { homeCatalogMock } from '../../test/catalog';
import { renderApp } from '../../test/render';

describe('app shell', () => {
  it("shows the shop's name in the header, linking home, and real navigation only", async () => {
    renderApp('/status', [
      shellMock('Corner Market'),
      footerStatusMock(true),
      statusPageMock(true),
    ]);

    const header = screen.getByRole('banner');
    const home = await within(header).findByRole('link', { name: 'Corner Market' });
    expect(home.getAttribute('href')).toBe('/');

    const nav = within(header).getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Home', '/'],
      ['Service status', '/status'],
      ['Log in', '/log-in?next=/status'],
      ['Sign up', '/sign-up'],
    ]);
    expect(
      within(nav).getByRole('link', { name: 'Service status' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('offers a skip link to the main content', async () => {
    renderApp('/', [
      shellMock('Corner Market'),
      footerStatusMock(true),
      homeMock('Corner Market'),
      homeCatalogMock(),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Corner Market' });

    const skip = screen.getByRole('link', { name: 'Skip to content' });
    const target = document.getElementById(skip.getAttribute('href')!.slice(1));
    expect(target?.tagName).toBe('MAIN');
  });

  it('folds the navigation behind a menu button that opens, closes on Escape and on navigation', async () => {
    const { router } = renderApp('/', [
      shellMock('Corner Market'),
      footerStatusMock(true),
      homeMock('Corner Market'),
      statusPageMock(true),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Corner Market' });

    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(menu.getAttribute('aria-controls')!)?.tagName).toBe('UL');

    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);

    fireEvent.click(menu);
    fireEvent.click(screen.getByRole('link', { name: 'Service status' }));
    await screen.findByRole('heading', { level: 1, name: 'Service status' });
    expect(router.state.location.pathname).toBe('/status');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the live API status in the footer', async () => {
    renderApp('/', [
      shellMock('Corner Market'),
      footerStatusMock(true, '0.4.2'),
      homeMock('Corner Market'),
      homeCatalogMock(),
    ]);

    const footer = screen.getByRole('contentinfo');
    expect(await within(footer).findByText('All systems operational')).toBeTruthy();
    expect(footer.textContent).toContain('API v0.4.2');
    await waitFor(() =>
      expect(footer.textContent).toContain(`© ${new Date().getFullYear()} Corner Market.`),
    );
  });

  it('says so in the footer when the database is down', async () => {
    renderApp('/', [
      shellMock('Corner Market'),
      footerStatusMock(false),
      homeMock('Corner Market'),
      homeCatalogMock(),
    ]);

    expect(
      await within(screen.getByRole('contentinfo')).findByText('Database unavailable'),
    ).toBeTruthy();
  });

  it('keeps working when the API is unreachable: fallback name, footer offers to check again', async () => {
    // Only queries without apiStatus besides the footer's: a successful one would
    // refresh the footer through the shared cache entry before the retry.
    renderApp('/', [
      networkErrorMock(ShellDocument),
      networkErrorMock(FooterStatusDocument),
      networkErrorMock(HomePageDocument),
      footerStatusMock(true),
    ]);

    const header = screen.getByRole('banner');
    expect(await within(header).findByRole('link', { name: 'Bazaar' })).toBeTruthy();
    expect(
      await screen.findByRole('heading', { level: 1, name: "We couldn't open the shop" }),
    ).toBeTruthy();

    const footer = screen.getByRole('contentinfo');
    expect(await within(footer).findByText('Service unreachable')).toBeTruthy();
    fireEvent.click(within(footer).getByRole('button', { name: 'Check again' }));
    expect(await within(footer).findByText('All systems operational')).toBeTruthy();
  });

  it('refreshes the footer when another page loads a newer API status', async () => {
    renderApp('/status', [
      shellMock('Corner Market'),
      networkErrorMock(FooterStatusDocument),
      { ...statusPageMock(false), delay: 200 },
    ]);

    const footer = screen.getByRole('contentinfo');
    expect(await within(footer).findByText('Service unreachable')).toBeTruthy();
    expect(await within(footer).findByText('Database unavailable')).toBeTruthy();
  });

  describe('account entries', () => {
    it("shows the signed-in user's name, linking to their account, and a log-out button", async () => {
      renderApp(
        '/status',
        [shellMock('Corner Market'), shellViewerMock(ADA), statusPageMock(true)],
        {
          session: 'signedIn',
        },
      );

      const nav = within(screen.getByRole('banner')).getByRole('navigation', { name: 'Main' });
      const account = await within(nav).findByRole('link', { name: 'Ada Lovelace' });
      expect(account.getAttribute('href')).toBe('/account');
      expect(within(nav).getByRole('button', { name: 'Log out' })).toBeTruthy();
      expect(within(nav).queryByRole('link', { name: 'Log in' })).toBeNull();
      expect(within(nav).queryByRole('link', { name: 'Sign up' })).toBeNull();
      // Only for users who hold a role.
      expect(within(nav).queryByRole('link', { name: 'Back-office' })).toBeNull();
    });

    it('links to the back-office (another app: a plain link) for users who can use it', async () => {
      renderApp(
        '/status',
        [shellMock('Corner Market'), shellViewerMock(ADA, true), statusPageMock(true)],
        { session: 'signedIn' },
      );

      const link = await screen.findByRole('link', { name: 'Back-office' });
      expect(link.getAttribute('href')).toBe('/admin/');
    });

    it('logs out: revokes the session, forgets the token and the cached account, goes home', async () => {
      // The log-in page is reached through a redirect the test cannot wait on separately;
      // compiling its code first keeps a slow first import from eating the find timeout.
      await import('../auth/views/log-in-view');
      const { router, session } = renderApp(
        '/account',
        [
          shellMock('Corner Market'),
          shellViewerMock(ADA),
          accountPageMock(),
          sessionRevokeMock(),
          // Emptying the cache asks the shell and the footer again.
          shellMock('Corner Market'),
          footerStatusMock(true),
          homeMock('Corner Market'),
          homeCatalogMock(),
        ],
        { session: 'signedIn' },
      );
      expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
      expect(await screen.findByRole('heading', { name: 'Address book' })).toBeTruthy();
      expect(session.currentToken()).toBe('access-token-1');

      fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

      expect(await screen.findByRole('link', { name: 'Log in' })).toBeTruthy();
      expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).toBeNull();
      expect(session.getStatus()).toBe('signedOut');
      expect(session.currentToken()).toBeNull();
      expect(router.state.location.pathname).toBe('/');

      // The account's data is gone from the cache: opening it again asks to log in.
      await act(() => router.navigate('/account'));
      expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
      expect(router.state.location.pathname).toBe('/log-in');
      expect(router.state.location.search).toBe('?next=/account');
    });
  });
});
