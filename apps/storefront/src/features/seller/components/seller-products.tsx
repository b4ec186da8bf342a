import { ProductGrid, ProductGridSkeleton } from '../../../shared/catalog/product-grid';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { ErrorState } from '../../../shared/ui/error-state';
import type { SellerProductsState } from '../views/use-seller-products';

/** The shop's products grid, with "Load more", its loading and error states. */
export function SellerProducts({ state }: { state: SellerProductsState }) {
  const { connection } = state;
  let content;
  if (connection) {
    content = connection.edges.length ? (
      <ProductGrid
        products={connection.edges.map((edge) => edge.node)}
        label="Products"
        hasMore={connection.pageInfo.hasNextPage}
        onLoadMore={() => void state.loadMore()}
        loadingMore={state.loadingMore}
        loadMoreError={state.loadMoreError}
      />
    ) : (
      <p>This shop has no products on sale yet.</p>
    );
  } else if (state.error && !state.loading) {
    content = (
      <ErrorState
        headingLevel={3}
        title="The products did not load"
        message="This shop's products could not be shown. This is usually brief."
        detail={describeApiError(state.error)}
        onRetry={state.retry}
        retrying={state.retrying}
      />
    );
  } else {
    content = <ProductGridSkeleton count={4} label="Loading the products" />;
  }

  return (
    <section aria-labelledby="seller-products">
      <h2 id="seller-products">
        Products{connection?.totalCount ? ` (${connection.totalCount})` : ''}
      </h2>
      {content}
    </section>
  );
}
