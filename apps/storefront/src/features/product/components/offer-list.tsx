import { Link } from 'react-router';
import type { OfferListOfferFragment } from '../../../generated/product';
import { Price } from '../../../shared/catalog/price';
import { Rating } from '../../../shared/catalog/rating';
import { AddToCart } from './add-to-cart';
import { conditionText, handlingText, isBuyable, stockText } from '../offers';
import styles from './product.module.css';

export interface OfferListProps {
  offers: ReadonlyArray<OfferListOfferFragment>;
  /** The offer in the buy box, marked in the list. */
  buyBoxId: string | null;
}

/** "All offers (N)": every seller's offer of the selected variant, cheapest first. */
export function OfferList({ offers, buyBoxId }: OfferListProps) {
  return (
    <section className={styles.section} aria-labelledby="all-offers">
      <h2 id="all-offers">All offers ({offers.length})</h2>
      {offers.length ? (
        <ol className={styles.offers} aria-label="Offers">
          {offers.map((offer) => (
            <li key={offer.id} className={styles.offer}>
              <div className={styles.offerSeller}>
                <Link to={`/s/${offer.seller.slug}`} className={styles.offerSellerName}>
                  {offer.seller.name}
                </Link>
                <Rating
                  average={offer.seller.ratingAverage}
                  count={offer.seller.ratingCount}
                  noun="ratings"
                />
                {offer.id === buyBoxId ? <span className={styles.badge}>Best offer</span> : null}
              </div>
              <p className={styles.offerPrice}>
                <Price price={offer.price} />
              </p>
              <dl className={styles.offerFacts}>
                <div>
                  <dt>Condition</dt>
                  <dd>{conditionText(offer.condition)}</dd>
                </div>
                <div>
                  <dt>Availability</dt>
                  <dd className={isBuyable(offer.stockStatus) ? styles.stockIn : undefined}>
                    {stockText(offer.stockStatus, offer.availableQuantity)}
                  </dd>
                </div>
                <div>
                  <dt>Dispatch</dt>
                  <dd>{handlingText(offer.handlingDays)}</dd>
                </div>
              </dl>
              <AddToCart
                offer={offer}
                label="Add"
                ariaLabel={`Add to cart from ${offer.seller.name}`}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p>No seller offers this variant at the moment.</p>
      )}
    </section>
  );
}
