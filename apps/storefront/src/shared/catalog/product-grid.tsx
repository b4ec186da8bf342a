import type { ProductCardProductFragment } from '../../generated/graphql';
import { LoadingState } from '../ui/loading-state';
import { Button } from '../ui/button';
import styles from './catalog.module.css';
import { ProductCard, ProductCardSkeleton } from './product-card';

export interface ProductGridProps {
  products: ReadonlyArray<ProductCardProductFragment>;
  /** Labels the list ("Products", "New arrivals"). */
  label: string;
  headingLevel?: 2 | 3;
  /** Shows "Load more" when there is a next page. */
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  /** Why the last "Load more" failed, shown beside the button. */
  loadMoreError?: string | null;
}

/** Product cards in a responsive grid, with "Load more" for cursor pagination. */
export function ProductGrid({
  products,
  label,
  headingLevel = 3,
  hasMore = false,
  loadingMore = false,
  onLoadMore,
  loadMoreError,
}: ProductGridProps) {
  return (
    <div className={styles.gridWrap}>
      <ul className={styles.grid} aria-label={label}>
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} headingLevel={headingLevel} />
          </li>
        ))}
      </ul>
      {hasMore && onLoadMore ? (
        <div className={styles.loadMore}>
          {loadMoreError ? (
            <p role="alert" className={styles.loadMoreError}>
              {loadMoreError}
            </p>
          ) : null}
          <Button variant="secondary" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** The grid's shape while its first page loads. */
export function ProductGridSkeleton({ count = 8, label }: { count?: number; label: string }) {
  return (
    <LoadingState label={label}>
      <div className={styles.grid}>
        {Array.from({ length: count }, (_, index) => (
          <ProductCardSkeleton key={index} />
        ))}
      </div>
    </LoadingState>
  );
}
