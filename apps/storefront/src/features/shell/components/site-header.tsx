import { Link } from 'react-router';
import type { SiteHeaderShopFragment } from '../../../generated/graphql';
import { Container } from '../../../shared/layout/container';
import { SiteNav, type NavItem } from '../../../shared/layout/site-nav';
import { Skeleton } from '../../../shared/ui/skeleton';
import { Logo } from './logo';
import styles from './shell.module.css';

/** Only routes that exist: every link here must lead somewhere real. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/status', label: 'Service status' },
];

/** The platform's name, shown while the shop's own name is unknown (loading or unreachable). */
export const FALLBACK_SHOP_NAME = 'Bazaar';

export interface SiteHeaderProps {
  shop: SiteHeaderShopFragment | undefined;
  loading: boolean;
}

export function SiteHeader({ shop, loading }: SiteHeaderProps) {
  return (
    <header className={styles.header}>
      <Container className={styles.headerInner}>
        <Link to="/" className={styles.brand}>
          <Logo className={styles.logo} />
          {shop ? (
            <span className={styles.brandName}>{shop.name}</span>
          ) : loading ? (
            <>
              <span className="visually-hidden">Home</span>
              <Skeleton inline width="6rem" />
            </>
          ) : (
            <span className={styles.brandName}>{FALLBACK_SHOP_NAME}</span>
          )}
        </Link>
        <SiteNav items={NAV_ITEMS} />
      </Container>
    </header>
  );
}
