import { useQuery } from '@apollo/client/react';
import { HomePageDocument } from '../../../generated/home';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { ErrorState } from '../../../shared/ui/error-state';
import { ValuePoints } from '../components/value-points';
import { WelcomeHero } from '../components/welcome-hero';
import { HomeCatalog } from './home-catalog';
import styles from './home-view.module.css';

/** `/`: greets the shopper with the shop's name, then shows categories and new arrivals. */
export function HomeView() {
  const { data, error, loading, refetch } = useQuery(HomePageDocument);
  const { retry, retrying } = useRetry(refetch);
  useDocumentTitle(data?.shop.name);

  if (error && !loading && !data) {
    return (
      <Container className={styles.error}>
        <ErrorState
          headingLevel={1}
          title="We couldn't open the shop"
          message="The shop's details did not load. This is usually brief."
          detail={describeApiError(error)}
          onRetry={retry}
          retrying={retrying}
        />
      </Container>
    );
  }

  return (
    <>
      <WelcomeHero shop={data?.shop} />
      <HomeCatalog />
      <ValuePoints />
    </>
  );
}
