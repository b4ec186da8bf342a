import { Link, useLocation } from 'react-router';
import type {
  SiteHeaderCartFragment,
  SiteHeaderShopFragment,
  SiteHeaderViewerFragment,
} from '../../../generated/graphql';
import { logInPath } from '../../../shared/auth/next-path';
import type { SessionStatus } from '../../../shared/auth/session-manager';
import { Container } from '../../../shared/layout/container';
import {
  NavEntryAnchor,
  NavEntryButton,
  NavEntryCallToAction,
  NavEntryLink,
  NavEntryPlaceholder,
} from '../../../shared/layout/nav-entries';
import { SiteNav, type NavItem } from '../../../shared/layout/site-nav';
import { Skeleton } from '../../../shared/ui/skeleton';
import { Logo } from './logo';
import { SearchBox } from './search-box';
import styles from './shell.module.css';

/** Only routes that exist: every link here must lead somewhere real. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/status', label: 'Service status' },
];

/** The back-office is another single-page app on this origin: a plain link. */
export const BACKOFFICE_HREF = '/admin/';

/** The platform's name, shown while the shop's own name is unknown (loading or unreachable). */
export const FALLBACK_SHOP_NAME = 'Bazaar';

export interface HeaderAccount {
  status: SessionStatus;
  /** The signed-in viewer; undefined while loading, null when it could not be read. */
  viewer: SiteHeaderViewerFragment | null | undefined;
  onLogOut: () => Promise<void>;
  loggingOut: boolean;
}

export interface SiteHeaderProps {
  shop: SiteHeaderShopFragment | undefined;
  /** The shopper's cart; null when none was opened yet, undefined while loading. */
  cart?: SiteHeaderCartFragment | null;
  loading: boolean;
  account: HeaderAccount;
}

export function SiteHeader({ shop, cart, loading, account }: SiteHeaderProps) {
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
        <SearchBox />
        <CartLink count={cart?.itemCount ?? 0} />
        <SiteNav items={NAV_ITEMS}>
          <AccountEntries {...account} />
        </SiteNav>
      </Container>
    </header>
  );
}

/** The cart and how many items it holds, always in view (not folded into the menu). */
function CartLink({ count }: { count: number }) {
  return (
    <Link
      to="/cart"
      className={styles.cartLink}
      aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}
    >
      Cart <span className={styles.cartCount}>{count}</span>
    </Link>
  );
}

/** Log in and sign up, or the user's name, the back-office and log out. */
function AccountEntries({ status, viewer, onLogOut, loggingOut }: HeaderAccount) {
  const { pathname, search } = useLocation();
  if (status === 'loading' || (status === 'signedIn' && viewer === undefined)) {
    return <NavEntryPlaceholder width="9rem" />;
  }
  if (status === 'signedOut') {
    return (
      <>
        <NavEntryLink to={logInPath(pathname + search)}>Log in</NavEntryLink>
        <NavEntryCallToAction to="/sign-up">Sign up</NavEntryCallToAction>
      </>
    );
  }
  return (
    <>
      {viewer?.canUseBackoffice ? (
        <NavEntryAnchor href={BACKOFFICE_HREF}>Back-office</NavEntryAnchor>
      ) : null}
      <NavEntryLink to="/account">{viewer?.user.name ?? 'Your account'}</NavEntryLink>
      <NavEntryButton onClick={() => void onLogOut()} disabled={loggingOut}>
        Log out
      </NavEntryButton>
    </>
  );
}
