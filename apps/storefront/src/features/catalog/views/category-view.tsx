import { useQuery } from '@apollo/client/react';
import { useLocation, useParams } from 'react-router';
import { CategoryPageDocument } from '../../../generated/catalog';
import { ProductGridSkeleton } from '../../../shared/catalog/product-grid';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { LoadingState } from '../../../shared/ui/loading-state';
import { PublicPageFallback } from '../../../shared/ui/public-page-fallback';
import { Skeleton } from '../../../shared/ui/skeleton';
import { CategoryHeader } from '../components/category-header';
import styles from '../components/catalog.module.css';
import { CatalogResults } from './catalog-results';

/** /c/:slug: a category with its subcategories, facets, sort and products. */
export function CategoryView() {
  const { slug = '' } = useParams();
  const { search } = useLocation();
  const { data, error, loading, refetch } = useQuery(CategoryPageDocument, {
    variables: { slug },
  });
  const { retry, retrying } = useRetry(refetch);
  const category = data?.category;
  useDocumentTitle(category ? category.name : data ? 'Category not found' : undefined);

  if (data && !category) {
    return (
      <Container className={styles.page}>
        <PublicPageFallback
          thing="category"
          missing
          notFoundText="No category has this address. The link may be incomplete."
          error={undefined}
          loading={false}
          onRetry={retry}
          retrying={retrying}
        />
      </Container>
    );
  }
  if (!category && error && !loading) {
    return (
      <Container className={styles.page}>
        <PublicPageFallback
          thing="category"
          missing={false}
          notFoundText=""
          error={error}
          loading={loading}
          onRetry={retry}
          retrying={retrying}
        />
      </Container>
    );
  }

  // A subcategory facet keeps the filters and sort in force.
  const categoryHref = (childSlug: string) => `/c/${childSlug}${search}`;
  return (
    <Container className={styles.page}>
      {category ? (
        <CategoryHeader category={category} />
      ) : (
        <>
          <LoadingState label="Loading the category">
            <Skeleton width="12rem" />
            <Skeleton width="18rem" height="2.5rem" />
          </LoadingState>
          <ProductGridSkeleton label="Loading the products" />
        </>
      )}
      {/* The results stay hidden until the header above them is in, so that its height
          never pushes them down; their query runs meanwhile. Keyed by category: another
          category starts from its own results, not the last one's. */}
      <div hidden={!category}>
        <CatalogResults key={slug} categorySlug={slug} categoryHref={categoryHref} />
      </div>
    </Container>
  );
}
