import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { SellerPageDocument } from '../../../generated/seller';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { buttonClassName } from '../../../shared/ui/button-class';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { Skeleton } from '../../../shared/ui/skeleton';
import { SellerHeader } from '../components/seller-header';
import { StoreCard } from '../components/store-card';
import styles from '../components/seller.module.css';
import pageStyles from '../../profile/views/public-profile-view.module.css';

/** /s/:slug: a shop's public page with its stores. */
export function SellerView() {
  const { slug = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(SellerPageDocument, { variables: { slug } });
  const { retry, retrying } = useRetry(refetch);
  const seller = data?.seller;
  useDocumentTitle(seller ? seller.name : data ? 'Shop not found' : undefined);

  if (seller) {
    return (
      <Container className={pageStyles.page}>
        <SellerHeader seller={seller} />
        <section aria-labelledby="seller-stores">
          <h2 id="seller-stores">{seller.stores.length ? 'Stores' : 'No stores yet'}</h2>
          <div className={styles.stores}>
            {seller.stores.map((store) => (
              <StoreCard key={store.id} store={store} />
            ))}
          </div>
        </section>
      </Container>
    );
  }
  if (data) {
    return (
      <Container className={pageStyles.page}>
        <div>
          <h1>Shop not found</h1>
          <p>No shop has this address. The link may be incomplete.</p>
          <Link to="/" className={buttonClassName('primary')}>
            Back to the home page
          </Link>
        </div>
      </Container>
    );
  }
  return (
    <Container className={pageStyles.page}>
      {error && !loading ? (
        <ErrorState
          headingLevel={1}
          title="This shop could not be shown"
          message="The shop did not load. This is usually brief."
          detail={describeApiError(error)}
          onRetry={retry}
          retrying={retrying}
        />
      ) : (
        <LoadingState label="Loading the shop">
          <Skeleton width="6rem" height="6rem" />
          <Skeleton width="16rem" height="2rem" />
        </LoadingState>
      )}
    </Container>
  );
}
