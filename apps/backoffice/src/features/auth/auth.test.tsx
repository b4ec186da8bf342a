import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  ApiKeysDocument,
  SessionCreateDocument,
  type ApiKeysQuery,
  type SessionCreateMutation,
} from '../../generated/graphql';
import { adminViewer, viewer } from '../../test/fixtures';
import {
  dashboardMock,
  sessionRefreshMock,
  sessionRevokeMock,
  shellShopMock,
} from '../../test/mocks';
import { renderApp } from '../../test/render';
import { signedInSession, startingSession } from '../../test/session';
import { safeNextPath } from './next-path';

function sessionCreateRefused(code: string, message: string) {
  return {
    request: {
      query: SessionCreateDocument,
      variables: { input: { email: 'ada@example.com', password: 'wrong-password' } },
    },
    result: {
      data: {
        sessionCreate: {
          __typename: 'SessionCreatePayload',
          session: null,
          errors: [{ __typename: 'SessionCreateError', code, field: null, message }],
        },
      } as SessionCreateMutation,
    },
  };
}

const sessionCreated = {
  request: {
    query: SessionCreateDocument,
    variables: { input: { email: 'ada@example.com', password: 'correct horse battery' } },
  },
  result: {
    data: {
      sessionCreate: {
        __typename: 'SessionCreatePayload',
        errors: [],
        session: {
          __typename: 'AuthSession',
          accessToken: 'new-token',
          expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
          user: { __typename: 'User', id: 'u-admin', name: 'Ada Admin', email: 'ada@example.com' },
        },
      },
    } as SessionCreateMutation,
  },
};

const noApiKeys = {
  request: { query: ApiKeysDocument },
  result: { data: { apiKeys: [] } as ApiKeysQuery },
};

function logIn(password: string) {
  fireEvent.change(screen.getByLabelText(/E-mail/), { target: { value: 'ada@example.com' } });
  fireEvent.change(screen.getByLabelText(/Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('login', () => {
  it('sends a visitor without a session to the login page, shows refusals, then returns them', async () => {
    const { router } = renderApp('/api-keys', {
      session: startingSession(),
      mocks: [
        shellShopMock('Harbour Market'),
        sessionRefreshMock(null),
        sessionCreateRefused('INVALID_CREDENTIALS', 'The e-mail or the password is wrong.'),
        sessionCreateRefused('ACCOUNT_LOCKED', 'Too many failed logins locked this account.'),
        sessionCreated,
        noApiKeys,
      ],
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/api-keys');

    logIn('wrong-password');
    let alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Wrong e-mail or password')).toBeTruthy();
    expect(within(alert).getByText('The e-mail or the password is wrong.')).toBeTruthy();
    expect((screen.getByLabelText(/Password/) as HTMLInputElement).value).toBe('');

    logIn('wrong-password');
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByText('Account locked')).toBeTruthy(),
    );
    alert = screen.getByRole('alert');
    expect(within(alert).getByText('Too many failed logins locked this account.')).toBeTruthy();

    logIn('correct horse battery');
    expect(await screen.findByRole('heading', { level: 1, name: 'API keys' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/api-keys');
    expect(screen.getByText('You have no API keys yet.')).toBeTruthy();
  });

  it('opens the back-office directly when the refresh cookie still holds a session', async () => {
    const { router } = renderApp('/', {
      session: startingSession(),
      mocks: [
        shellShopMock(),
        dashboardMock(),
        sessionRefreshMock({ id: 'u-admin', name: 'Ada Admin', email: 'ada@example.com' }),
      ],
    });
    expect(await screen.findByRole('button', { name: 'Account menu for Ada Admin' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('only follows return paths inside the back-office', () => {
    expect(safeNextPath('/users?status=DISABLED')).toBe('/users?status=DISABLED');
    expect(safeNextPath('//evil.example/phish')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/login?next=/users')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('no back-office access', () => {
  it('tells a signed-in user without a role, links to the storefront and logs out', async () => {
    const { router } = renderApp('/', {
      viewer: viewer({ name: 'Sol Shopper', email: 'sol@example.com', canUseBackoffice: false }),
      mocks: [shellShopMock(), sessionRevokeMock()],
    });

    expect(
      await screen.findByRole('heading', { name: 'This account has no back-office access' }),
    ).toBeTruthy();
    expect(screen.getByText('Sol Shopper')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the storefront' }).getAttribute('href')).toBe(
      '/',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    // An explicit log-out starts over from the dashboard next time.
    expect(router.state.location.search).toBe('');
  });

  it('logs out from the account menu in the header', async () => {
    const session = signedInSession();
    const { router } = renderApp('/', {
      session,
      viewer: adminViewer,
      mocks: [shellShopMock(), dashboardMock(), sessionRevokeMock()],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Account menu for Ada Admin' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Storefront' }).getAttribute('href')).toBe(
      '/',
    );
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(session.getAccessToken()).toBeNull();
  });
});
