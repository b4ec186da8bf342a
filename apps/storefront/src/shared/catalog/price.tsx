import styles from './catalog.module.css';

export interface MoneyLike {
  amount: number;
  currency: string;
  formatted: string;
}

export interface PriceProps {
  price: MoneyLike;
  /** Shown struck through when higher than the price (same currency). */
  compareAt?: MoneyLike | null;
  className?: string;
}

/** A price, with the former price struck through when the offer is a reduction. */
export function Price({ price, compareAt, className }: PriceProps) {
  const reduced =
    compareAt && compareAt.currency === price.currency && compareAt.amount > price.amount;
  return (
    <span className={[styles.price, className].filter(Boolean).join(' ')}>
      <span className={reduced ? styles.salePrice : undefined}>
        {reduced ? <span className="visually-hidden">Now </span> : null}
        {price.formatted}
      </span>
      {reduced ? ' ' : null}
      {reduced ? (
        <s className={styles.compareAt}>
          <span className="visually-hidden">Was </span>
          {compareAt.formatted}
        </s>
      ) : null}
    </span>
  );
}

/** "$10.00 – $25.00", or one price when they are the same. */
export function PriceRangeText({ min, max }: { min: MoneyLike; max: MoneyLike }) {
  if (min.amount === max.amount || min.currency !== max.currency) {
    return <span className={styles.price}>{min.formatted}</span>;
  }
  return (
    <span className={styles.price}>
      {min.formatted} – {max.formatted}
    </span>
  );
}
