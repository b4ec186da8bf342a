import { Link } from 'react-router';
import type { BuyBoxOfferFragment } from '../../../generated/product';
import { Price } from '../../../shared/catalog/price';
import { AddToCart } from './add-to-cart';
import { conditionText, handlingText, isBuyable, stockText } from '../offers';
import styles from './product.module.css';

export interface BuyBoxProps {
  /** The selected variant's default offer; null when no seller offers it. */
  offer: BuyBoxOfferFragment | null;
}

/**
 * The default offer of the selected variant: price (and the former one), stock,
 * seller, handling time, where to pick it up, and how many to add to the cart.
 */
export function BuyBox({ offer }: BuyBoxProps) {
  if (!offer) {
    return (
      <section className={styles.buyBox} aria-label="Buy box">
        <p className={styles.stockOut}>Not offered by any seller at the moment.</p>
      </section>
    );
  }
  const stockClass = isBuyable(offer.stockStatus)
    ? styles.stockIn
    : offer.stockStatus === 'BACKORDER'
      ? styles.stockBackorder
      : styles.stockOut;
  return (
    <section className={styles.buyBox} aria-label="Buy box">
      <p className={styles.buyBoxPrice}>
        <Price price={offer.price} compareAt={offer.compareAtPrice} />
      </p>
      <p className={stockClass}>{stockText(offer.stockStatus, offer.availableQuantity)}</p>
      <AddToCart key={offer.id} offer={offer} withQuantity label="Add to cart" />
      <dl className={styles.facts}>
        <div>
          <dt>Sold by</dt>
          <dd>
            <Link to={`/s/${offer.seller.slug}`}>{offer.seller.name}</Link>
          </dd>
        </div>
        {offer.condition !== 'NEW' ? (
          <div>
            <dt>Condition</dt>
            <dd>{conditionText(offer.condition)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Dispatch</dt>
          <dd>{handlingText(offer.handlingDays)}</dd>
        </div>
        {offer.pickupStores.length ? (
          <div>
            <dt>Pick up in store</dt>
            <dd>
              <ul className={styles.stores}>
                {offer.pickupStores.map((store) => (
                  <li key={store.id}>
                    {store.name}, {store.city}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
