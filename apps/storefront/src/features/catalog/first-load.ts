import type { ApolloClient } from '@apollo/client';
import { CatalogSearchDocument, CategoryPageDocument } from '../../generated/catalog';
import { PAGE_SIZE, readSearchState, toSearchInput } from './search-state';

/**
 * A category page's queries, asked for as the app starts (app/first-page.ts) with the
 * variables its views will use: their useQuery finds the answer in flight or cached.
 */
export function prefetchCategoryPage(client: ApolloClient, url: URL): void {
  const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const input = toSearchInput(readSearchState(url.searchParams), slug);
  void client.query({ query: CategoryPageDocument, variables: { slug } }).catch(() => undefined);
  void client
    .query({ query: CatalogSearchDocument, variables: { input, first: PAGE_SIZE } })
    .catch(() => undefined);
}
