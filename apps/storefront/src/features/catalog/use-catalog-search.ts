import { useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import {
  CatalogSearchDocument,
  CatalogSearchMoreDocument,
  type SearchInput,
} from '../../generated/catalog';
import { describeApiError } from '../../shared/errors/describe-api-error';
import { useRetry } from '../../shared/hooks/use-retry';
import { PAGE_SIZE } from './search-state';

/**
 * The search for a page's state. While new filters load, the previous results stay
 * on screen (marked busy) rather than blanking the page; "Load more" appends the
 * next page, asking for products only, not the facets again.
 */
export function useCatalogSearch(input: SearchInput) {
  const { data, previousData, error, loading, refetch, fetchMore } = useQuery(
    CatalogSearchDocument,
    { variables: { input, first: PAGE_SIZE }, notifyOnNetworkStatusChange: false },
  );
  const { retry, retrying } = useRetry(refetch);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  const result = (data ?? previousData)?.search;
  const endCursor = data?.search.pageInfo.endCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({
        query: CatalogSearchMoreDocument,
        variables: { input, first: PAGE_SIZE, after: endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...previous,
          search: {
            ...previous.search,
            pageInfo: fetchMoreResult.search.pageInfo,
            edges: [...previous.search.edges, ...fetchMoreResult.search.edges],
          },
        }),
      });
    } catch (caught) {
      setLoadMoreError(
        `More products could not be loaded. ${describeApiError(caught as Error) ?? ''}`.trim(),
      );
    } finally {
      setLoadingMore(false);
    }
  }, [endCursor, fetchMore, input]);

  return {
    result,
    /** True while the results shown are those of the previous filters. */
    stale: !data && Boolean(previousData),
    error: data ? undefined : error,
    loading,
    retry,
    retrying,
    loadMore,
    loadingMore,
    loadMoreError,
  };
}
