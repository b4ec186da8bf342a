import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import styles from './site-nav.module.css';

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (for "/"). */
  end?: boolean;
}

export interface SiteNavProps {
  items: readonly NavItem[];
  label?: string;
  /** More `<li>` entries after the links (the account's), folded into the same menu. */
  children?: ReactNode;
}

/**
 * The main navigation. Wide screens show the links inline; below 40rem they fold
 * behind a "Menu" button (aria-expanded, closes on navigation and on Escape).
 * The parent positions the panel: it must be `position: relative`.
 */
export function SiteNav({ items, label = 'Main', children }: SiteNavProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // Close the menu after navigating: the page underneath is the new content.
  const [lastPath, setLastPath] = useState(pathname);
  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <nav aria-label={label} className={[styles.nav, open ? styles.open : ''].join(' ')}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.menuButton}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className={styles.menuIcon} viewBox="0 0 24 24" aria-hidden="true">
          {open ? (
            <path
              d="M6 6l12 12M18 6L6 18"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          ) : (
            <path
              d="M4 7h16M4 12h16M4 17h16"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          )}
        </svg>
        Menu
      </button>
      <ul id={listId} className={styles.list}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={styles.link}>
              {item.label}
            </NavLink>
          </li>
        ))}
        {children}
      </ul>
    </nav>
  );
}
