import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The cache, shared by the app and the tests so both normalise data the same way.
 * `Shop` and `ApiStatus` are singletons without an id: an empty key makes every
 * query that selects them write to one cache entry, so the header and the
 * dashboard stay in step.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Shop: { keyFields: [] },
      ApiStatus: { keyFields: [] },
    },
  });
}

/** The API serves GraphQL on the same origin (the Vite dev server proxies it). */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: createCache(),
  });
}
