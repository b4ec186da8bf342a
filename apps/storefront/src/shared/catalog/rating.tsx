import styles from './catalog.module.css';

export interface RatingProps {
  average: number | null;
  count: number;
  /** "reviews" for a product, "ratings" for a seller. */
  noun?: string;
}

/** "★ 4.5 (12)", read as "Rated 4.5 out of 5 from 12 reviews"; "No reviews yet" without any. */
export function Rating({ average, count, noun = 'reviews' }: RatingProps) {
  if (average === null || count === 0) {
    return <span className={styles.noRating}>No {noun} yet</span>;
  }
  const value = (Math.round(average * 10) / 10).toFixed(1);
  const label = `Rated ${value} out of 5 from ${count} ${count === 1 ? noun.replace(/s$/, '') : noun}`;
  return (
    <span className={styles.rating} role="img" aria-label={label}>
      <span aria-hidden="true" className={styles.star}>
        ★
      </span>{' '}
      <span aria-hidden="true">
        {value} ({count})
      </span>
    </span>
  );
}
