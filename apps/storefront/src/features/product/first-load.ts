import type { ApolloClient } from '@apollo/client';
import { ProductPageDocument } from '../../generated/product';

/**
 * A product page's query, asked for as the app starts (app/first-page.ts) with the
 * variables its view will use: its useQuery finds the answer in flight or cached.
 */
export function prefetchProductPage(client: ApolloClient, url: URL): void {
  const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  void client.query({ query: ProductPageDocument, variables: { slug } }).catch(() => undefined);
}
