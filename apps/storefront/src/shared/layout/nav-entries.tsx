import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { buttonClassName } from '../ui/button-class';
import { Skeleton } from '../ui/skeleton';
import styles from './site-nav.module.css';

/** Entries for `<SiteNav>`'s children, looking like its links. */

export function NavEntryLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li>
      <NavLink to={to} className={styles.link}>
        <span className={styles.truncate}>{children}</span>
      </NavLink>
    </li>
  );
}

/** A link to another app on this origin (the back-office): a full page load. */
export function NavEntryAnchor({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <a href={href} className={styles.link}>
        {children}
      </a>
    </li>
  );
}

/** The one call to action of the header (sign up). */
export function NavEntryCallToAction({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li className={styles.cta}>
      <Link to={to} className={buttonClassName('primary')}>
        {children}
      </Link>
    </li>
  );
}

export function NavEntryButton({
  onClick,
  disabled,
  children,
}: {
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <li>
      <button
        type="button"
        className={[styles.link, styles.button].join(' ')}
        onClick={onClick}
        disabled={disabled}
      >
        {children}
      </button>
    </li>
  );
}

/** Holds the place of entries still unknown, so the header does not jump when they come. */
export function NavEntryPlaceholder({ width }: { width: string }) {
  return (
    <li className={styles.placeholder} aria-hidden="true">
      <Skeleton inline width={width} height="1.25rem" />
    </li>
  );
}
