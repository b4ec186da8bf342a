import { Link } from 'react-router';
import type { ShopSummaryViewerFragment } from '../../../generated/account';
import { buttonClassName } from '../../../shared/ui/button-class';
import styles from './account.module.css';

/** The shops this user works for, and the way to open one. */
export function ShopSummary({ viewer }: { viewer: ShopSummaryViewerFragment }) {
  const sellers = viewer.sellerAccess.map((access) => access.seller);
  return (
    <div className={styles.stack}>
      {sellers.length > 0 ? (
        <>
          <p>You work for these shops:</p>
          <ul className={styles.shopList}>
            {sellers.map((seller) => (
              <li key={seller.id}>{seller.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className={styles.muted}>
          Sell on this marketplace: open your shop in a minute, then add your products, stores and
          staff in the back-office.
        </p>
      )}
      <p className={styles.actionsRow}>
        <Link
          to="/open-a-shop"
          className={buttonClassName(sellers.length ? 'secondary' : 'primary')}
        >
          Open a shop
        </Link>
        {viewer.canUseBackoffice ? (
          // Another single-page app on this origin: a full page load.
          <a href="/admin/" className={buttonClassName('secondary')}>
            Go to the back-office
          </a>
        ) : null}
      </p>
    </div>
  );
}
