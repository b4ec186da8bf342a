import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { SellerPageDocument } from '../../../generated/seller';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { PublicPageFallback } from '../../../shared/ui/public-page-fallback';
import { SellerHeader } from '../components/seller-header';
import { StoreCard } from '../components/store-card';
import styles from '../components/seller.module.css';
import { SellerProducts } from '../components/seller-products';
import { useSellerProducts } from './use-seller-products';

/** /s/:slug: a shop's public page with its rating, stores and products. */
export function SellerView() {
  const { slug = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(SellerPageDocument, { variables: { slug } });
  const { retry, retrying } = useRetry(refetch);
  const products = useSellerProducts(slug);
  const seller = data?.seller;
  useDocumentTitle(seller ? seller.name : data ? 'Shop not found' : undefined);

  if (seller) {
    return (
      <Container className={[styles.page, styles.wide].join(' ')}>
        <SellerHeader seller={seller} />
        <section aria-labelledby="seller-stores">
          <h2 id="seller-stores">{seller.stores.length ? 'Stores' : 'No stores yet'}</h2>
          <div className={styles.stores}>
            {seller.stores.map((store) => (
              <StoreCard key={store.id} store={store} />
            ))}
          </div>
        </section>
        <SellerProducts state={products} />
      </Container>
    );
  }
  return (
    <Container className={styles.page}>
      <PublicPageFallback
        thing="shop"
        missing={Boolean(data)}
        notFoundText="No shop has this address. The link may be incomplete."
        error={error}
        loading={loading}
        onRetry={retry}
        retrying={retrying}
      />
    </Container>
  );
}
