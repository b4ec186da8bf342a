import type { ApolloClient } from '@apollo/client';
import { ProductPageDocument } from '../../generated/product';
import { preloadImage } from '../../shared/catalog/preload-image';
import { MAIN_IMAGE_SIZES } from './main-image-sizes';

/**
 * A product page's query, asked for as the app starts (app/first-page.ts) with the
 * variables its view will use: its useQuery finds the answer in flight or cached.
 * The main image, the page's largest content, starts loading with the answer.
 */
export function prefetchProductPage(client: ApolloClient, url: URL): void {
  const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  client
    .query({ query: ProductPageDocument, variables: { slug } })
    .then(({ data }) => {
      const first = data?.product?.images[0];
      if (first) preloadImage(first.image, MAIN_IMAGE_SIZES);
    })
    .catch(() => undefined);
}
