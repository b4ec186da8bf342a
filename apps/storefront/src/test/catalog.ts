import type { MockLink } from '@apollo/client/testing';
import type { ProductCardProductFragment } from '../generated/graphql';
import { HomeCatalogDocument, type HomeCatalogQuery } from '../generated/home';

/** Typed catalog fixtures for the storefront's tests. */

type Mock = MockLink.MockedResponse;

export function money(amount: number, currency = 'USD') {
  return {
    __typename: 'Money' as const,
    amount,
    currency,
    formatted: `$${(amount / 100).toFixed(2)}`,
  };
}

/** A product as a card shows it: one image, a buy box at `price`, offered by `sellers`. */
export function productCard(
  id: string,
  title: string,
  overrides: Partial<ProductCardProductFragment> & { price?: number; compareAt?: number } = {},
): ProductCardProductFragment {
  const { price = 1999, compareAt, ...rest } = overrides;
  return {
    __typename: 'Product',
    id,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    brand: 'Acme',
    images: [
      {
        __typename: 'ProductImage',
        id: `${id}-image`,
        alt: `${title} photo`,
        image: {
          __typename: 'Image',
          id: `${id}-media`,
          width: 1200,
          height: 900,
          url: `/media/${id}/400.webp`,
          srcSet: `/media/${id}/400.webp 400w, /media/${id}/800.webp 800w`,
        },
      },
    ],
    buyBox: {
      __typename: 'Offer',
      id: `${id}-offer`,
      price: money(price),
      compareAtPrice: compareAt === undefined ? null : money(compareAt),
    },
    priceRange: { __typename: 'PriceRange', min: money(price), max: money(price) },
    ratingAverage: 4.5,
    ratingCount: 12,
    offerCount: 1,
    ...rest,
  };
}

export function connectionOf<T extends { id: string }>(nodes: T[]) {
  return nodes.map((node) => ({
    __typename: 'ProductEdge' as const,
    cursor: `c-${node.id}`,
    node,
  }));
}

export function homeCatalogMock(
  categories: Array<{ slug: string; name: string }> = [],
  products: ProductCardProductFragment[] = [],
): Mock {
  const data: HomeCatalogQuery = {
    categories: {
      __typename: 'CategoryConnection',
      edges: categories.map((category, index) => ({
        __typename: 'CategoryEdge',
        node: {
          __typename: 'Category',
          id: `category-${index}`,
          slug: category.slug,
          name: category.name,
          imageUrl: `/media/category-${index}/400.webp`,
        },
      })),
    },
    products: {
      __typename: 'ProductConnection',
      edges: products.map((node) => ({ __typename: 'ProductEdge', node })),
    },
  };
  // Reusable: the section asks again whenever it mounts anew (after the greeting's
  // retry, after the cache is emptied), however fast the first answer was.
  return {
    request: { query: HomeCatalogDocument },
    result: { data },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
