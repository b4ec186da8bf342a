import type { ApolloClient } from '@apollo/client';
import { HomeCatalogDocument, HomePageDocument } from '../../generated/home';

/**
 * The home page's queries, asked for as the app starts (app/first-page.ts): its
 * views' useQuery finds the answer in flight or cached.
 */
export function prefetchHomePage(client: ApolloClient): void {
  void client.query({ query: HomePageDocument }).catch(() => undefined);
  void client.query({ query: HomeCatalogDocument }).catch(() => undefined);
}
