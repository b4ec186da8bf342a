import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthLink } from '../shared/auth/auth-link';
import type { SessionManager } from '../shared/auth/session-manager';
import { localeStore, type LocaleStore } from '../shared/i18n/locale';
import { createLocaleLink } from '../shared/i18n/locale-link';
import { GRAPHQL_URI } from './graphql-uri';

export { GRAPHQL_URI };

/**
 * The normalised cache. Types with an `id` need nothing here; singletons without
 * one (the shop's settings, the API status, the signed-in viewer) are keyed as one
 * object each, so every query selecting them shares, and merges into, the same
 * cache entry. Values without an id that several queries select with different
 * fields (money, price ranges) merge instead of replacing each other. The cache is
 * emptied when the session ends and when the shopper changes language.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Shop: { keyFields: [] },
      ApiStatus: { keyFields: [] },
      Viewer: { keyFields: [] },
      Money: { merge: true },
      PriceRange: { merge: true },
    },
  });
}

export interface ApolloClientOptions {
  /** The shopper's language, sent with every request; the app's store unless told. */
  locale?: Pick<LocaleStore, 'get'>;
  /** For tests: what sends the HTTP requests. */
  fetch?: typeof fetch;
}

/** The app's client: every request carries the shopper's language and the session's access token. */
export function createApolloClient(
  session: SessionManager,
  { locale = localeStore, fetch }: ApolloClientOptions = {},
): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      createLocaleLink(locale.get),
      createAuthLink(session),
      // Same origin: the guest cart's HttpOnly cookie goes along (and nothing to other origins).
      new HttpLink({ uri: GRAPHQL_URI, fetch, credentials: 'same-origin' }),
    ]),
    cache: createCache(),
    devtools: { enabled: import.meta.env.DEV },
  });
}
