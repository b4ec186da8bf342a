import { Link } from 'react-router';
import type { ProfileShopsSellerFragment } from '../../../generated/profile';
import styles from './profile.module.css';

/** The shops the person owns, by name. */
export function ProfileShops({
  name,
  sellers,
}: {
  name: string;
  sellers: readonly ProfileShopsSellerFragment[];
}) {
  if (sellers.length === 0) return null;
  return (
    <section className={styles.shops} aria-labelledby="profile-shops">
      <h2 id="profile-shops" className={styles.shopsTitle}>
        {sellers.length === 1 ? `${name}'s shop` : `${name}'s shops`}
      </h2>
      <ul className={styles.shopList}>
        {sellers.map((seller) => (
          <li key={seller.id}>
            <Link to={`/s/${seller.slug}`}>{seller.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
