import { skipToken, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { CategoryPageDocument } from '../../../generated/catalog';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Container } from '../../../shared/layout/container';
import styles from '../components/catalog.module.css';
import { setValue } from '../search-state';
import { CatalogResults } from './catalog-results';

/** /search?q=: the results for a text, with the category page's facets, sort and grid. */
export function SearchView() {
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const categorySlug = params.get('category');
  // The category filter's name, for its chip.
  const category = useQuery(
    CategoryPageDocument,
    categorySlug ? { variables: { slug: categorySlug } } : skipToken,
  );
  useDocumentTitle(query ? `Results for “${query}”` : 'Search');

  const categoryHref = (slug: string) =>
    `/search?${setValue('category', slug === categorySlug ? null : slug)(params).toString()}`;

  return (
    <Container className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>{query ? `Results for “${query}”` : 'Search'}</h1>
      </header>
      {query ? (
        <CatalogResults
          key={query}
          categoryHref={categoryHref}
          categoryName={category.data?.category?.name}
          emptyHint={
            <p>
              Nothing matches “{query}”. Check the spelling, or try a shorter or more general word.
            </p>
          }
        />
      ) : (
        <p>Type what you are looking for in the search field at the top of the page.</p>
      )}
    </Container>
  );
}
