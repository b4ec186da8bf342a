import type { CSSProperties } from 'react';
import styles from './skeleton.module.css';

export interface SkeletonProps {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  className?: string;
  /** Sits in a line of text instead of taking its own row. */
  inline?: boolean;
}

/** A grey placeholder shaped like the content that is on its way. Hidden from assistive tech. */
export function Skeleton({
  width = '100%',
  height = '1em',
  className,
  inline = false,
}: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={[styles.skeleton, inline ? styles.inline : '', className]
        .filter(Boolean)
        .join(' ')}
      style={{ width, height }}
    />
  );
}

export function Spinner() {
  return <span aria-hidden="true" className={styles.spinner} />;
}
