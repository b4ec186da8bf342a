import { Link } from 'react-router';
import type { CategoryCardsCategoryFragment } from '../../../generated/home';
import { LoadingState } from '../../../shared/ui/loading-state';
import { Skeleton } from '../../../shared/ui/skeleton';
import styles from './catalog-sections.module.css';

/** Top-level categories as cards (image and name) linking to their pages, in one row. */
export function CategoryCards({
  categories,
}: {
  categories: ReadonlyArray<CategoryCardsCategoryFragment>;
}) {
  return (
    <ul className={styles.categories} aria-label="Categories">
      {categories.map((category) => (
        <li key={category.id}>
          <Link to={`/c/${category.slug}`} className={styles.category}>
            {category.imageUrl ? (
              <img
                className={styles.categoryImage}
                src={category.imageUrl}
                alt=""
                width={320}
                height={200}
                loading="lazy"
                decoding="async"
              />
            ) : (
              <span className={styles.categoryImage} aria-hidden="true" />
            )}
            <span className={styles.categoryName}>
              <span className={styles.categoryNameText}>{category.name}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The row's shape while the categories load: the same cards, at the same height. */
export function CategoryCardsSkeleton({ label }: { label: string }) {
  return (
    <LoadingState label={label}>
      <div className={styles.categories} aria-hidden="true">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className={styles.category}>
            <span className={styles.categoryImage} />
            <span className={styles.categoryName}>
              <span className={styles.categoryNameText}>
                <Skeleton width="70%" inline />
              </span>
            </span>
          </div>
        ))}
      </div>
    </LoadingState>
  );
}
