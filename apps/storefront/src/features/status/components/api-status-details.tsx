import type { ApiStatusDetailsFragment } from '../../../generated/graphql';
import styles from './api-status.module.css';

export interface ApiStatusDetailsProps {
  status: ApiStatusDetailsFragment;
}

/** The status page's summary: each part of the service on its own row. */
export function ApiStatusDetails({ status }: ApiStatusDetailsProps) {
  return (
    <dl className={styles.details}>
      <dt>API</dt>
      <dd>
        <span className={[styles.dot, styles.up].join(' ')} aria-hidden="true" />
        Reachable
      </dd>
      <dt>Database</dt>
      <dd>
        <span
          className={[styles.dot, status.database ? styles.up : styles.down].join(' ')}
          aria-hidden="true"
        />
        {status.database ? 'Up' : 'Down'}
      </dd>
      <dt>Version</dt>
      <dd className={styles.version}>{status.version}</dd>
    </dl>
  );
}
