import { Link } from 'react-router';
import type { CategoryCardsCategoryFragment } from '../../../generated/home';
import styles from './catalog-sections.module.css';

/** Top-level categories as cards (image and name) linking to their pages. */
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
            <span className={styles.categoryName}>{category.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
