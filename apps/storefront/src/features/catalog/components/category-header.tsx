import { Link } from 'react-router';
import type { CategoryHeaderCategoryFragment } from '../../../generated/catalog';
import { Breadcrumbs } from '../../../shared/catalog/breadcrumbs';
import styles from './catalog.module.css';

/** A category page's top: breadcrumbs, name, description and its subcategories. */
export function CategoryHeader({ category }: { category: CategoryHeaderCategoryFragment }) {
  return (
    <header className={styles.header}>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Home' },
          ...category.ancestors.map((ancestor) => ({
            to: `/c/${ancestor.slug}`,
            label: ancestor.name,
          })),
          { label: category.name },
        ]}
      />
      <h1 className={styles.title}>{category.name}</h1>
      {category.description ? <p className={styles.description}>{category.description}</p> : null}
      {category.children.length ? (
        <nav aria-label="Subcategories">
          <ul className={styles.subcategories}>
            {category.children.map((child) => (
              <li key={child.id}>
                <Link to={`/c/${child.slug}`} className={styles.subcategory}>
                  {child.name} <span className={styles.count}>({child.productCount})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
