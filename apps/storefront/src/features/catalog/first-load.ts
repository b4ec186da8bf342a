import type { ApolloClient } from '@apollo/client';
import { CatalogSearchDocument, CategoryPageDocument } from '../../generated/catalog';
import { CARD_SIZES } from '../../shared/catalog/card-sizes';
import { preloadImage } from '../../shared/catalog/preload-image';
import { PAGE_SIZE, readSearchState, toSearchInput } from './search-state';

/**
 * A category page's queries, asked for as the app starts (app/first-page.ts) with the
 * variables its views will use: their useQuery finds the answer in flight or cached.
 * The first product images, the page's largest content, start loading with the answer.
 */
export function prefetchCategoryPage(client: ApolloClient, url: URL): void {
  const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const input = toSearchInput(readSearchState(url.searchParams), slug);
  void client.query({ query: CategoryPageDocument, variables: { slug } }).catch(() => undefined);
  client
    .query({ query: CatalogSearchDocument, variables: { input, first: PAGE_SIZE } })
    .then(({ data }) => {
      // The grid's first two images (one row on phones) load first (ProductGrid).
      for (const edge of data?.search.edges.slice(0, 2) ?? []) {
        const image = edge.node.images[0];
        if (image) preloadImage(image.image, CARD_SIZES);
      }
    })
    .catch(() => undefined);
}
