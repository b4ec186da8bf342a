import { useQuery } from '@apollo/client/react';
import { HomeCatalogDocument } from '../../../generated/home';
import { ProductGrid, ProductGridSkeleton } from '../../../shared/catalog/product-grid';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { ErrorState } from '../../../shared/ui/error-state';
import { CategoryCards, CategoryCardsSkeleton } from '../components/category-cards';
import styles from '../components/catalog-sections.module.css';

/** How many new arrivals HomeCatalog asks for (queries.graphql): the skeleton shows as many. */
const HOME_NEW_ARRIVALS = 8;

/** The home page's catalog: top-level categories, then the newest products. */
export function HomeCatalog() {
  const { data, error, loading, refetch } = useQuery(HomeCatalogDocument);
  const { retry, retrying } = useRetry(refetch);

  if (error && !loading && !data) {
    return (
      <Container className={styles.section}>
        <ErrorState
          title="The catalog did not load"
          message="Categories and new products could not be shown. This is usually brief."
          detail={describeApiError(error)}
          onRetry={retry}
          retrying={retrying}
        />
      </Container>
    );
  }

  const categories = data?.categories.edges.map((edge) => edge.node) ?? [];
  const products = data?.products.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <section className={styles.section} aria-labelledby="home-categories">
        <Container>
          <h2 id="home-categories" className={styles.heading}>
            Shop by category
          </h2>
          {data ? (
            categories.length ? (
              <CategoryCards categories={categories} />
            ) : (
              <p>No categories yet.</p>
            )
          ) : (
            <CategoryCardsSkeleton label="Loading the categories" />
          )}
        </Container>
      </section>
      <section className={styles.section} aria-labelledby="home-new">
        <Container>
          <h2 id="home-new" className={styles.heading}>
            New arrivals
          </h2>
          {data ? (
            products.length ? (
              <ProductGrid products={products} label="New arrivals" />
            ) : (
              <p>No products yet.</p>
            )
          ) : (
            <ProductGridSkeleton count={HOME_NEW_ARRIVALS} label="Loading new arrivals" />
          )}
        </Container>
      </section>
    </>
  );
}
