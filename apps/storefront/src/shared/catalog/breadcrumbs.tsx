import { Link } from 'react-router';
import styles from './breadcrumbs.module.css';

export interface Crumb {
  /** Absent for the current page, which is not a link. */
  to?: string;
  label: string;
}

/** Where the page sits: Home › ancestors › this page (aria-current). */
export function Breadcrumbs({ items }: { items: ReadonlyArray<Crumb> }) {
  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
      <ol className={styles.list}>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className={styles.item}>
            {item.to ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
