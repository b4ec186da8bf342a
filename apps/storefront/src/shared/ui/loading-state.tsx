import type { ReactNode } from 'react';
import { Spinner } from './skeleton';
import styles from './skeleton.module.css';

export interface LoadingStateProps {
  /** What is loading, read by screen readers ("Loading the shop"). */
  label?: string;
  /** A skeleton shaped like the content; a spinner when omitted. */
  children?: ReactNode;
  className?: string;
}

/**
 * A busy region: `aria-busy` plus a polite status message, so assistive tech
 * announces the wait once instead of reading placeholder shapes.
 */
export function LoadingState({ label = 'Loading…', children, className }: LoadingStateProps) {
  const classes = [styles.loading, children ? '' : styles.centered, className]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} aria-busy="true" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {children ?? <Spinner />}
    </div>
  );
}
