import type { ProductCardProductFragment } from '../../generated/graphql';
import { LoadingState } from '../ui/loading-state';
import { Button } from '../ui/button';
import styles from './catalog.module.css';
import { ProductCard, ProductCardSkeleton, type ImagePriority } from './product-card';

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
  /** True when the grid starts above the fold: its first row's images load at once. */
  aboveTheFold?: boolean;
}

/** Cards in the grid's first row on the widest screens (see .grid). */
const FIRST_ROW = 5;
/** Cards likely to hold the page's largest image: the first row on phones (two columns). */
const LARGEST = 2;

/** Product cards in a responsive grid, with "Load more" for cursor pagination. */
export function ProductGrid({
  products,
  label,
  headingLevel = 3,
  hasMore = false,
  loadingMore = false,
  onLoadMore,
  loadMoreError,
  aboveTheFold = false,
}: ProductGridProps) {
  return (
    <div className={styles.gridWrap}>
      <ul className={styles.grid} aria-label={label}>
        {products.map((product, index) => (
          <li key={product.id}>
            <ProductCard
              product={product}
              headingLevel={headingLevel}
              imagePriority={imagePriority(aboveTheFold, index)}
            />
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

function imagePriority(aboveTheFold: boolean, index: number): ImagePriority {
  if (!aboveTheFold || index >= FIRST_ROW) return 'lazy';
  return index < LARGEST ? 'high' : 'eager';
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
