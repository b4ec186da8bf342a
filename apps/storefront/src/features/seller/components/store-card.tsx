import type { StoreCardStoreFragment } from '../../../generated/seller';
import styles from './seller.module.css';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/** A store where shoppers pick up orders or buy in person. */
export function StoreCard({ store }: { store: StoreCardStoreFragment }) {
  const hours = [...store.openingHours].sort((a, b) => a.day - b.day);
  return (
    <article className={styles.store}>
      <h3 className={styles.storeName}>{store.name}</h3>
      <address className={styles.address}>
        {store.line1}
        {store.line2 ? <>, {store.line2}</> : null}
        <br />
        {store.postalCode} {store.city}
        {store.region ? `, ${store.region}` : ''}, {regions.of(store.country) ?? store.country}
      </address>
      {hours.length ? (
        <dl className={styles.hours}>
          {hours.map((h) => (
            <div key={`${h.day}-${h.opens}`}>
              <dt>{DAYS[h.day - 1]}</dt>
              <dd>
                {h.opens}–{h.closes}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className={styles.muted}>Opening hours not given.</p>
      )}
    </article>
  );
}
