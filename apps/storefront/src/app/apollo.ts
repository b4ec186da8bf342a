import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthLink } from '../shared/auth/auth-link';
import type { SessionManager } from '../shared/auth/session-manager';

/** The GraphQL endpoint: same origin in production (the API serves this app) and in dev (vite proxies it). */
export const GRAPHQL_URI = '/graphql';

/**
 * The normalised cache. Types with an `id` need nothing here; singletons without
 * one (the shop's settings, the API status, the signed-in viewer) are keyed as one
 * object each, so every query selecting them shares, and merges into, the same
 * cache entry. The cache is emptied when the session ends.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Shop: { keyFields: [] },
      ApiStatus: { keyFields: [] },
      Viewer: { keyFields: [] },
    },
  });
}

/** The app's client: every request carries the session's access token. */
export function createApolloClient(session: SessionManager): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(session), new HttpLink({ uri: GRAPHQL_URI })]),
    cache: createCache(),
    devtools: { enabled: import.meta.env.DEV },
  });
}
