import { useQuery } from '@apollo/client/react';
import { FooterStatusDocument } from '../../../generated/graphql';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Button } from '../../../shared/ui/button';
import { ApiStatusBadge } from '../components/api-status-badge';
import styles from '../components/api-status.module.css';

/** The footer's live indicator of the API; a failure here never hides the page. */
export function FooterStatus() {
  const { data, error, loading, refetch } = useQuery(FooterStatusDocument);
  const { retry, retrying } = useRetry(refetch);

  if (data) return <ApiStatusBadge status={data.apiStatus} />;
  if (error && !loading) {
    return (
      <span className={styles.badge}>
        <span className={[styles.dot, styles.down].join(' ')} aria-hidden="true" />
        <span>Service unreachable</span>
        <Button variant="secondary" size="small" onClick={retry} disabled={retrying}>
          Check again
        </Button>
      </span>
    );
  }
  return (
    <span className={styles.badge} aria-busy="true">
      <span className={styles.dot} aria-hidden="true" />
      <span>Checking service status…</span>
    </span>
  );
}
