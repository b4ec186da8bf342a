import { Button } from './button';
import styles from './error-state.module.css';

export interface ErrorStateProps {
  title?: string;
  message?: string;
  /** Technical detail worth showing (an HTTP status, "network error"); kept small. */
  detail?: string;
  /** Shows a "Try again" button when given. */
  onRetry?: () => void;
  retrying?: boolean;
  headingLevel?: 1 | 2 | 3;
}

/** A visible, announced failure with a way out. */
export function ErrorState({
  title = 'Something went wrong',
  message = 'We could not load this part of the shop.',
  detail,
  onRetry,
  retrying = false,
  headingLevel = 2,
}: ErrorStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={styles.error} role="alert">
      <Heading className={styles.title}>{title}</Heading>
      <p className={styles.message}>{message}</p>
      {detail ? <p className={styles.detail}>{detail}</p> : null}
      {onRetry ? (
        <Button onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </Button>
      ) : null}
    </section>
  );
}
