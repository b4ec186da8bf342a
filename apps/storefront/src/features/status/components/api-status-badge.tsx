import type { ApiStatusBadgeFragment } from '../../../generated/graphql';
import styles from './api-status.module.css';

export interface ApiStatusBadgeProps {
  status: ApiStatusBadgeFragment;
}

/** One line for the footer: whether the shop's service and its database answer, and its version. */
export function ApiStatusBadge({ status }: ApiStatusBadgeProps) {
  return (
    <span className={styles.badge}>
      <span
        className={[styles.dot, status.database ? styles.up : styles.down].join(' ')}
        aria-hidden="true"
      />
      <span>{status.database ? 'All systems operational' : 'Database unavailable'}</span>
      <span aria-hidden="true">·</span>
      <span>
        API <span className={styles.version}>v{status.version}</span>
      </span>
    </span>
  );
}
