import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchSort } from '../../../generated/catalog';
import { ProductGrid, ProductGridSkeleton } from '../../../shared/catalog/product-grid';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useMediaQuery } from '../../../shared/hooks/use-media-query';
import { Button } from '../../../shared/ui/button';
import { ErrorState } from '../../../shared/ui/error-state';
import { Skeleton } from '../../../shared/ui/skeleton';
import { FacetsPanel } from '../components/facets-panel';
import { SelectedFilters } from '../components/selected-filters';
import { SortSelect } from '../components/sort-select';
import styles from '../components/catalog.module.css';
import {
  clearFilters,
  hasFilters,
  readSearchState,
  setValue,
  sortParam,
  toSearchInput,
  type ParamsChange,
} from '../search-state';
import { useCatalogSearch } from '../use-catalog-search';

/** Where the facets become a sidebar, always shown (catalog.module.css, .layout). */
const WIDE_LAYOUT = '(min-width: 48rem)';

export interface CatalogResultsProps {
  /** The category page's category (from the path); the search page has none. */
  categorySlug?: string;
  /** Where a category facet leads. */
  categoryHref: (slug: string) => string;
  /** The search page's category filter name, for its chip. */
  categoryName?: string;
  /** Shown instead of the grid when nothing matches. */
  emptyHint?: ReactNode;
}

/**
 * The results of a category page or a search: facets (a collapsible panel on small
 * screens), the count, "did you mean", selected filters, sort and the product grid
 * with "Load more". Its state is the URL's search params; every change is a new
 * history entry, so back and forward undo and redo it.
 */
export function CatalogResults({
  categorySlug,
  categoryHref,
  categoryName,
  emptyHint,
}: CatalogResultsProps) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);
  const input = useMemo(() => toSearchInput(state, categorySlug), [state, categorySlug]);
  const search = useCatalogSearch(input);
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Phones show the facets only once "Filters" opens them: until then, not rendering
  // the (often hundreds of) hidden elements keeps the first render short.
  const facetsShown = useMediaQuery(WIDE_LAYOUT) || filtersOpen;
  const panelId = useId();

  const change = (update: ParamsChange) =>
    setParams((current) => update(current), { preventScrollReset: true });
  const onSort = (sort: SearchSort) => change(setValue('sort', sortParam(sort)));

  const result = search.result;
  const products = result?.edges.map((edge) => edge.node) ?? [];
  const currency =
    products.find((product) => product.buyBox)?.buyBox?.price.currency ??
    products.find((product) => product.priceRange)?.priceRange?.min.currency ??
    null;
  const filterCount = countFilters(state);

  if (search.error && !search.loading && !result) {
    return (
      <ErrorState
        title="The products could not be shown"
        message="The search did not complete. This is usually brief."
        detail={describeApiError(search.error)}
        onRetry={search.retry}
        retrying={search.retrying}
      />
    );
  }

  return (
    <div className={styles.layout}>
      <aside className={styles.sidebar} aria-labelledby={`${panelId}-title`}>
        <button
          type="button"
          className={styles.filtersToggle}
          aria-expanded={filtersOpen}
          aria-controls={panelId}
          onClick={() => setFiltersOpen((open) => !open)}
        >
          Filters{filterCount ? ` (${filterCount})` : ''}
        </button>
        <div id={panelId} className={[styles.panel, filtersOpen ? styles.panelOpen : ''].join(' ')}>
          <h2 id={`${panelId}-title`} className={styles.panelTitle}>
            Filters
          </h2>
          {!facetsShown ? null : result ? (
            <FacetsPanel
              facets={result.facets}
              state={state}
              onChange={change}
              categoryHref={categoryHref}
              currency={currency}
            />
          ) : (
            <div aria-hidden="true" className={styles.facets}>
              <Skeleton height="6rem" />
              <Skeleton height="8rem" />
              <Skeleton height="6rem" />
            </div>
          )}
        </div>
      </aside>

      <section className={styles.results} aria-labelledby={`${panelId}-results`}>
        <h2 id={`${panelId}-results`} className="visually-hidden">
          Products
        </h2>
        <div className={styles.toolbar}>
          <p className={styles.resultCount} role="status" aria-live="polite">
            {result ? (
              countText(result.totalCount)
            ) : (
              // As wide as a count, so that the sort beside it stays where it is.
              <>
                <span className="visually-hidden">Loading products…</span>
                <Skeleton inline width="6rem" />
              </>
            )}
          </p>
          <SortSelect value={state.sort} onChange={onSort} />
        </div>
        {result?.didYouMean ? <DidYouMean text={result.didYouMean} /> : null}
        <SelectedFilters
          state={state}
          facets={result?.facets}
          onChange={change}
          currency={currency}
          categoryName={categoryName}
        />
        {!result ? (
          <ProductGridSkeleton label="Loading the products" />
        ) : products.length ? (
          <div aria-busy={search.stale} className={search.stale ? styles.stale : undefined}>
            <ProductGrid
              products={products}
              label="Products"
              aboveTheFold
              hasMore={result.pageInfo.hasNextPage && !search.stale}
              onLoadMore={() => void search.loadMore()}
              loadingMore={search.loadingMore}
              loadMoreError={search.loadMoreError}
            />
          </div>
        ) : (
          <div className={styles.empty}>
            <h3>No products match</h3>
            {hasFilters(state) ? (
              <>
                <p>Try removing a filter or two.</p>
                <Button variant="secondary" onClick={() => change(clearFilters)}>
                  Clear all filters
                </Button>
              </>
            ) : (
              (emptyHint ?? <p>There is nothing here yet.</p>)
            )}
          </div>
        )}
      </section>
    </div>
  );
}

/** "Did you mean <a>linen shirt</a>?" for a misspelled search. */
export function DidYouMean({ text }: { text: string }) {
  return (
    <p className={styles.didYouMean}>
      Did you mean <Link to={`/search?q=${encodeURIComponent(text)}`}>{text}</Link>?
    </p>
  );
}

function countText(total: number): string {
  if (total >= 10_000) return '10,000+ products';
  return `${total.toLocaleString('en')} ${total === 1 ? 'product' : 'products'}`;
}

function countFilters(state: ReturnType<typeof readSearchState>): number {
  return (
    (state.category ? 1 : 0) +
    (state.inStockOnly ? 1 : 0) +
    state.brands.length +
    state.sellers.length +
    (state.price ? 1 : 0) +
    (state.rating ? 1 : 0) +
    state.attributes.reduce((sum, attribute) => sum + attribute.values.length, 0)
  );
}
