import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';

import { createAuthLink } from '../shared/session/auth-link';
import type { SessionStore } from '../shared/session/session-store';

/**
 * The cache, shared by the app and the tests so both normalise data the same way.
 * `Shop`, `ApiStatus` and `Viewer` are singletons without an id: an empty key
 * makes every query that selects them write to one cache entry, so the header
 * and the pages stay in step.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Shop: { keyFields: [] },
      ApiStatus: { keyFields: [] },
      Viewer: { keyFields: [] },
      // One entry per seller: queries that select different fields of the
      // viewer's seller access then merge instead of overwriting each other.
      SellerAccess: { keyFields: ['seller', ['id']] },
    },
  });
}

/**
 * The API serves GraphQL on the same origin (the Vite dev server proxies it).
 * The auth link adds the in-memory access token and refreshes it when the API
 * says it expired; `same-origin` credentials send the refresh cookie.
 */
export function createApolloClient(session: SessionStore): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      createAuthLink(session),
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ]),
    cache: createCache(),
  });
}
