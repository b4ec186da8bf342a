import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** The GraphQL endpoint: same origin in production (the API serves this app) and in dev (vite proxies it). */
export const GRAPHQL_URI = '/graphql';

/**
 * The normalised cache. Types with an `id` need nothing here; singletons without
 * one (the shop's settings, the API status) are keyed as one object each, so every
 * query selecting them shares, and merges into, the same cache entry.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Shop: { keyFields: [] },
      ApiStatus: { keyFields: [] },
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: GRAPHQL_URI }),
    cache: createCache(),
    devtools: { enabled: import.meta.env.DEV },
  });
}
