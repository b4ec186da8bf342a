import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthLink } from './auth-link';
import { createSessionManager, type SessionGrant } from './session-manager';

const QUERY = gql`
  query Me {
    me
  }
`;

function grant(accessToken: string): SessionGrant {
  return { accessToken, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() };
}

type Answer = 'ok' | 'unauthenticated' | 'http401';

/**
 * The API: answers each request from its `Authorization` header, rejecting the tokens
 * listed as stale; records the header of every request it receives.
 */
function fakeApi(stale: string[], http401 = false) {
  const received: Array<string | undefined> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        const header = (operation.getContext().headers as Record<string, string> | undefined)
          ?.authorization;
        received.push(header);
        const answer: Answer = stale.some((token) => header === `Bearer ${token}`)
          ? http401
            ? 'http401'
            : 'unauthenticated'
          : 'ok';
        setTimeout(() => {
          if (answer === 'http401') {
            const response = new Response('{}', { status: 401 });
            observer.error(new ServerError('Unauthorized', { response, bodyText: '{}' }));
            return;
          }
          observer.next(
            answer === 'ok'
              ? { data: { me: header ?? 'anonymous' } }
              : {
                  data: null,
                  errors: [{ message: 'Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
                },
          );
          observer.complete();
        }, 5);
      }),
  );
  return { link, received };
}

function clientWith(session: Parameters<typeof createAuthLink>[0], api: ApolloLink) {
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(session), api]),
    cache: new InMemoryCache(),
    // Concurrent identical queries must each reach the link here.
    queryDeduplication: false,
  });
}

describe('auth link', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the access token as a Bearer header, and none when signed out', async () => {
    const api = fakeApi([]);
    const session = createSessionManager({ refresh: async () => null });
    const client = clientWith(session, api.link);

    await session.start();
    expect(
      (await client.query({ query: QUERY, fetchPolicy: 'no-cache', errorPolicy: 'all' })).data,
    ).toEqual({ me: 'anonymous' });

    session.signIn(grant('token-1'));
    await client.query({ query: QUERY, fetchPolicy: 'no-cache', errorPolicy: 'all' });
    expect(api.received).toEqual([undefined, 'Bearer token-1']);
    session.dispose();
  });

  it('waits for the start-up refresh before sending, so the first requests carry the token', async () => {
    const api = fakeApi([]);
    let answer!: (grant: SessionGrant) => void;
    const session = createSessionManager({
      refresh: () => new Promise<SessionGrant>((resolve) => (answer = resolve)),
    });
    const client = clientWith(session, api.link);
    void session.start();

    const result = client.query({ query: QUERY, fetchPolicy: 'no-cache', errorPolicy: 'all' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.received).toEqual([]);
    answer(grant('token-1'));
    expect((await result).data).toEqual({ me: 'Bearer token-1' });
    session.dispose();
  });

  it('on UNAUTHENTICATED, refreshes once for concurrent requests and retries each with the new token', async () => {
    const api = fakeApi(['expired']);
    const refresh = vi.fn(async () => grant('renewed'));
    const session = createSessionManager({ refresh });
    session.signIn(grant('expired'));
    const client = clientWith(session, api.link);

    const results = await Promise.all([
      client.query({ query: QUERY, fetchPolicy: 'no-cache', errorPolicy: 'all' }),
      client.query({ query: QUERY, fetchPolicy: 'no-cache', errorPolicy: 'all' }),
    ]);
    expect(results.map((result) => result.data)).toEqual([
      { me: 'Bearer renewed' },
      { me: 'Bearer renewed' },
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(api.received).toEqual([
      'Bearer expired',
      'Bearer expired',
      'Bearer renewed',
      'Bearer renewed',
    ]);
    session.dispose();
  });

  it('also renews on an HTTP 401 answer', async () => {
    const api = fakeApi(['expired'], true);
    const session = createSessionManager({ refresh: async () => grant('renewed') });
    session.signIn(grant('expired'));
    const client = clientWith(session, api.link);

    expect(
      (await client.query({ query: QUERY, fetchPolicy: 'no-cache', errorPolicy: 'all' })).data,
    ).toEqual({ me: 'Bearer renewed' });
    session.dispose();
  });

  it('retries only once: a second rejection reaches the caller', async () => {
    const api = fakeApi(['expired', 'also-rejected']);
    const refresh = vi.fn(async () => grant('also-rejected'));
    const session = createSessionManager({ refresh });
    session.signIn(grant('expired'));
    const client = clientWith(session, api.link);

    const result = await client.query({
      query: QUERY,
      fetchPolicy: 'no-cache',
      errorPolicy: 'all',
    });
    expect(result.error?.message).toContain('Sign in again.');
    expect(api.received).toEqual(['Bearer expired', 'Bearer also-rejected']);
    expect(refresh).toHaveBeenCalledTimes(1);
    session.dispose();
  });

  it('passes the rejection on, without retrying, when the session is over', async () => {
    const api = fakeApi(['expired']);
    const session = createSessionManager({ refresh: async () => null });
    session.signIn(grant('expired'));
    const client = clientWith(session, api.link);

    const result = await client.query({
      query: QUERY,
      fetchPolicy: 'no-cache',
      errorPolicy: 'all',
    });
    expect(result.error?.message).toContain('Sign in again.');
    expect(api.received).toEqual(['Bearer expired']);
    expect(session.getStatus()).toBe('signedOut');
  });
});
