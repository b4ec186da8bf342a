import { ApolloLink } from '@apollo/client';
import type { Locale } from './locale';

/**
 * Sends the shopper's language as `Accept-Language` with every request; the API
 * answers localized fields (titles, descriptions, names, formatted prices) in it.
 * Read per request, so a change applies to the next one (the cache is reset then).
 */
export function createLocaleLink(getLocale: () => Locale): ApolloLink {
  return new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'accept-language': getLocale() },
    }));
    return forward(operation);
  });
}
