import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import { of } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createAuthLink } from './auth-link';
import { SessionStore, type SessionData } from './session-store';

const user = { id: 'u1', name: 'Ada', email: 'ada@example.com' };

function session(token: string, minutes = 15): SessionData {
  return {
    accessToken: token,
    expiresAt: new Date(Date.now() + minutes * 60_000).toISOString(),
    user,
  };
}

/** A promise and the functions that settle it, to hold a refresh open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const stores: SessionStore[] = [];
function store(...args: ConstructorParameters<typeof SessionStore>) {
  const created = new SessionStore(...args);
  stores.push(created);
  return created;
}

afterEach(() => {
  stores.splice(0).forEach((s) => s.dispose());
  vi.useRealTimers();
});

describe('SessionStore', () => {
  it('shares one refresh between concurrent callers (a reused refresh token would end the session)', async () => {
    const pending = deferred<SessionData | null>();
    const refresher = vi.fn(() => pending.promise);
    const s = store({ refresher });
    s.signIn(session('old'));

    const all = Promise.all([s.refresh(), s.refresh(), s.refresh()]);
    pending.resolve(session('new'));

    expect(await all).toEqual([true, true, true]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(s.getAccessToken()).toBe('new');
  });

  it('signs in from the refresh cookie at start, or out when there is none', async () => {
    const withCookie = store({ refresher: async () => session('t1') });
    withCookie.start();
    withCookie.start();
    await vi.waitFor(() => expect(withCookie.getState().status).toBe('signedIn'));
    expect(withCookie.getState().user).toEqual(user);

    const without = store({ refresher: async () => null });
    without.start();
    await vi.waitFor(() =>
      expect(without.getState()).toMatchObject({ status: 'signedOut', reason: 'initial' }),
    );
  });

  it('refreshes shortly before the token expires', async () => {
    vi.useFakeTimers();
    const refresher = vi.fn(async () => session('renewed'));
    const s = store({ refresher });
    s.signIn(session('first', 15));

    await vi.advanceTimersByTimeAsync(13 * 60_000);
    expect(refresher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000 + 1_000);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(s.getAccessToken()).toBe('renewed');
  });

  it('keeps the session through a network failure, but ends it when the API refuses', async () => {
    const refresher = vi
      .fn<() => Promise<SessionData | null>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(null);
    const s = store({ refresher });
    s.signIn(session('t'));

    expect(await s.refresh()).toBe(false);
    expect(s.getState().status).toBe('signedIn');

    expect(await s.refresh()).toBe(false);
    expect(s.getState()).toMatchObject({ status: 'signedOut', reason: 'expired' });
    expect(s.getAccessToken()).toBeNull();
  });

  it('does not let a refresh answered after log-out sign the user back in', async () => {
    const pending = deferred<SessionData | null>();
    const s = store({ refresher: () => pending.promise });
    s.signIn(session('t'));
    const refreshing = s.refresh();
    s.signOut('logout');
    pending.resolve(session('late'));
    await refreshing;
    expect(s.getState()).toMatchObject({ status: 'signedOut', reason: 'logout' });
    expect(s.getAccessToken()).toBeNull();
  });
});

describe('auth link', () => {
  const query = gql`
    query Probe {
      shop {
        name
      }
    }
  `;
  const ok = { data: { shop: { __typename: 'Shop', name: 'Bazaar' } } };
  const unauthenticated = {
    errors: [{ message: 'Token expired.', extensions: { code: 'UNAUTHENTICATED' } }],
  };

  /** A client whose "API" answers each bearer token through `respond`, recording what it saw. */
  function client(s: SessionStore, respond: (token: string | undefined) => ApolloLink.Result) {
    const seen: (string | undefined)[] = [];
    const api = new ApolloLink((operation) => {
      const headers = operation.getContext().headers as Record<string, string> | undefined;
      const token = headers?.['authorization']?.replace(/^Bearer /, '');
      seen.push(token);
      return of(respond(token));
    });
    const apollo = new ApolloClient({
      link: ApolloLink.from([createAuthLink(s), api]),
      cache: new InMemoryCache(),
      // Two identical queries must each reach the "API".
      queryDeduplication: false,
    });
    return { apollo, seen };
  }

  it('sends the access token as a bearer token', async () => {
    const s = store({ refresher: async () => null });
    s.signIn(session('abc'));
    const { apollo, seen } = client(s, () => ok);
    await apollo.query({ query, fetchPolicy: 'no-cache' });
    expect(seen).toEqual(['abc']);
  });

  it('refreshes once on UNAUTHENTICATED and retries, one refresh for requests failing together', async () => {
    const refresher = vi.fn(async () => session('fresh'));
    const s = store({ refresher });
    s.signIn(session('stale'));
    const { apollo, seen } = client(s, (token) => (token === 'fresh' ? ok : unauthenticated));

    const results = await Promise.all([
      apollo.query({ query, fetchPolicy: 'no-cache' }),
      apollo.query({ query, fetchPolicy: 'no-cache' }),
    ]);

    expect(results.map((r) => r.data)).toEqual([ok.data, ok.data]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(seen.filter((t) => t === 'stale')).toHaveLength(2);
    expect(seen.filter((t) => t === 'fresh')).toHaveLength(2);
  });

  it('retries only once, and gives up when the refresh fails', async () => {
    const refresher = vi.fn(async () => session('still-bad'));
    const s = store({ refresher });
    s.signIn(session('stale'));
    const { apollo, seen } = client(s, () => unauthenticated);

    await expect(apollo.query({ query, fetchPolicy: 'no-cache' })).rejects.toThrow(
      'Token expired.',
    );
    expect(seen).toEqual(['stale', 'still-bad']);
    expect(refresher).toHaveBeenCalledTimes(1);

    const ended = store({ refresher: async () => null });
    ended.signIn(session('stale'));
    const second = client(ended, () => unauthenticated);
    await expect(second.apollo.query({ query, fetchPolicy: 'no-cache' })).rejects.toThrow();
    expect(second.seen).toEqual(['stale']);
    expect(ended.getState().status).toBe('signedOut');
  });

  it('sends no token with operations marked auth: false', async () => {
    const s = store({ refresher: async () => null });
    s.signIn(session('abc'));
    const { apollo, seen } = client(s, () => ok);
    await apollo.query({ query, fetchPolicy: 'no-cache', context: { auth: false } });
    expect(seen).toEqual([undefined]);
  });
});
