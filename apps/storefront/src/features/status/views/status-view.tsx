import { useQuery } from '@apollo/client/react';
import { StatusPageDocument } from '../../../generated/graphql';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { Button } from '../../../shared/ui/button';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { Skeleton } from '../../../shared/ui/skeleton';
import { ApiStatusDetails } from '../components/api-status-details';
import styles from './status-view.module.css';

/** /status: is the shop's service up, and which version runs. Always asks the API afresh. */
export function StatusView() {
  useDocumentTitle('Service status');
  const { data, error, loading, refetch } = useQuery(StatusPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);

  return (
    <Container className={styles.page}>
      <div>
        <h1>Service status</h1>
        <p className={styles.lead}>
          Whether the shop&apos;s service and its database are answering.
        </p>
      </div>
      {data ? (
        <>
          <ApiStatusDetails status={data.apiStatus} />
          <div className={styles.actions}>
            <Button variant="secondary" onClick={retry} disabled={retrying || loading}>
              {retrying ? 'Checking…' : 'Check again'}
            </Button>
          </div>
        </>
      ) : error && !loading ? (
        <ErrorState
          title="The service is not answering"
          message="We could not reach the shop's service just now."
          detail={describeApiError(error)}
          onRetry={retry}
          retrying={retrying}
        />
      ) : (
        <LoadingState label="Checking the service status">
          <Skeleton height="9rem" />
        </LoadingState>
      )}
    </Container>
  );
}
