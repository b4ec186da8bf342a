import type { SellerHeaderSellerFragment } from '../../../generated/seller';
import { Rating } from '../../../shared/catalog/rating';
import styles from './seller.module.css';

/** The shop's name, logo, rating, description and how to reach it. */
export function SellerHeader({ seller }: { seller: SellerHeaderSellerFragment }) {
  const since = new Date(seller.createdAt).toLocaleDateString('en', {
    month: 'long',
    year: 'numeric',
  });
  return (
    <header className={styles.header}>
      {seller.logoUrl ? (
        <img className={styles.logo} src={seller.logoUrl} alt="" width={96} height={96} />
      ) : (
        <span className={styles.logo} aria-hidden="true">
          {seller.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <div>
        <h1 className={styles.name}>{seller.name}</h1>
        <p className={styles.muted}>On Bazaar since {since}</p>
        <p className={styles.rating}>
          <Rating average={seller.ratingAverage} count={seller.ratingCount} noun="ratings" />
        </p>
        {seller.description ? <p>{seller.description}</p> : null}
        {seller.contactEmail || seller.contactPhone ? (
          <p className={styles.contact}>
            {seller.contactEmail ? (
              <a href={`mailto:${seller.contactEmail}`}>{seller.contactEmail}</a>
            ) : null}
            {seller.contactPhone ? (
              <a href={`tel:${seller.contactPhone}`}>{seller.contactPhone}</a>
            ) : null}
          </p>
        ) : null}
      </div>
    </header>
  );
}
