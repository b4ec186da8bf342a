import { useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { SellerProductsDocument, SellerProductsMoreDocument } from '../../../generated/seller';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useRetry } from '../../../shared/hooks/use-retry';

export const SELLER_PAGE_SIZE = 20;

/**
 * The shop's products, newest first, asked for alongside the shop itself (not after
 * it), with "Load more" appending the next page.
 */
export function useSellerProducts(slug: string) {
  const { data, error, loading, refetch, fetchMore } = useQuery(SellerProductsDocument, {
    variables: { slug, first: SELLER_PAGE_SIZE },
    notifyOnNetworkStatusChange: false,
  });
  const { retry, retrying } = useRetry(refetch);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const connection = data?.seller?.products;
  const endCursor = connection?.pageInfo.endCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({
        query: SellerProductsMoreDocument,
        variables: { slug, first: SELLER_PAGE_SIZE, after: endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const more = fetchMoreResult.seller?.products;
          if (!previous.seller || !more) return previous;
          return {
            ...previous,
            seller: {
              ...previous.seller,
              products: {
                ...previous.seller.products,
                pageInfo: more.pageInfo,
                edges: [...previous.seller.products.edges, ...more.edges],
              },
            },
          };
        },
      });
    } catch (caught) {
      setLoadMoreError(
        `More products could not be loaded. ${describeApiError(caught as Error) ?? ''}`.trim(),
      );
    } finally {
      setLoadingMore(false);
    }
  }, [endCursor, fetchMore, slug]);

  return {
    connection,
    error: connection ? undefined : error,
    loading,
    retry,
    retrying,
    loadMore,
    loadingMore,
    loadMoreError,
  };
}

export type SellerProductsState = ReturnType<typeof useSellerProducts>;
