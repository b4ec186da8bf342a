import { Link } from 'react-router';
import type { ProductCardProductFragment } from '../../generated/graphql';
import { Skeleton } from '../ui/skeleton';
import { CARD_SIZES } from './card-sizes';
import styles from './catalog.module.css';
import { Price, PriceRangeText } from './price';
import { Rating } from './rating';

export interface ProductCardProps {
  product: ProductCardProductFragment;
  /** The heading level of the title, under the grid's own heading. */
  headingLevel?: 2 | 3;
  /**
   * How the image loads: `lazy` below the fold; `eager` in the first row; `high`, eager
   * and fetched first, for the cards likely to be the page's largest content.
   */
  imagePriority?: ImagePriority;
}

export type ImagePriority = 'lazy' | 'eager' | 'high';

/**
 * A product in a grid: its first image (lazy unless told, with its intrinsic size so
 * nothing moves when it arrives), title, brand, price (the buy box's, with the former price
 * struck through; the range when nothing is in stock), rating and how many offers
 * it has (of every variant, from every seller). The title links to the product page.
 */
export function ProductCard({
  product,
  headingLevel = 3,
  imagePriority = 'lazy',
}: ProductCardProps) {
  const Heading = `h${headingLevel}` as const;
  const image = product.images[0];
  return (
    <article className={styles.card}>
      <div className={styles.cardMedia}>
        {image ? (
          <img
            src={image.image.url}
            srcSet={image.image.srcSet || undefined}
            sizes={CARD_SIZES}
            width={image.image.width}
            height={image.image.height}
            alt={image.alt}
            loading={imagePriority === 'lazy' ? 'lazy' : 'eager'}
            fetchPriority={imagePriority === 'high' ? 'high' : 'auto'}
            decoding="async"
          />
        ) : (
          <span className={styles.noImage} aria-hidden="true" />
        )}
      </div>
      <div className={styles.cardBody}>
        <Heading className={styles.cardTitle}>
          {/* The whole card is clickable through this link's ::after. */}
          <Link to={`/p/${product.slug}`} className={styles.cardLink}>
            {product.title}
          </Link>
        </Heading>
        {product.brand ? <p className={styles.brand}>{product.brand}</p> : null}
        <p className={styles.cardPrice}>
          {product.buyBox ? (
            <Price price={product.buyBox.price} compareAt={product.buyBox.compareAtPrice} />
          ) : product.priceRange ? (
            <PriceRangeText min={product.priceRange.min} max={product.priceRange.max} />
          ) : (
            <span className={styles.unavailable}>Currently unavailable</span>
          )}
        </p>
        <p className={styles.cardMeta}>
          <Rating average={product.ratingAverage} count={product.ratingCount} />
          {product.offerCount > 0 ? (
            <span>
              {product.offerCount} {product.offerCount === 1 ? 'offer' : 'offers'}
            </span>
          ) : null}
        </p>
      </div>
    </article>
  );
}

/** A card's shape while products load, its lines at the heights of the card's text. */
export function ProductCardSkeleton() {
  return (
    <div className={styles.card} aria-hidden="true">
      <div className={styles.cardMedia}>
        <Skeleton height="100%" />
      </div>
      <div className={styles.cardBody}>
        <div className={styles.cardTitle}>
          <Skeleton width="90%" height="2lh" />
        </div>
        <div className={styles.brand}>
          <Skeleton width="40%" height="1lh" />
        </div>
        <div className={styles.cardPrice}>
          <Skeleton width="30%" height="1lh" />
        </div>
        <div className={styles.cardMeta}>
          <Skeleton width="50%" height="1lh" />
        </div>
      </div>
    </div>
  );
}
