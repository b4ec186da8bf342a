import type { ReactNode } from 'react';
import type { SiteFooterShopFragment } from '../../../generated/graphql';
import { Container } from '../../../shared/layout/container';
import { Skeleton } from '../../../shared/ui/skeleton';
import { LanguageSwitch } from './language-switch';
import { FALLBACK_SHOP_NAME } from './site-header';
import styles from './shell.module.css';

export interface SiteFooterProps {
  shop: SiteFooterShopFragment | undefined;
  loading: boolean;
  /** The live service indicator, rendered by its own feature. */
  status: ReactNode;
}

export function SiteFooter({ shop, loading, status }: SiteFooterProps) {
  return (
    <footer className={styles.footer}>
      <Container className={styles.footerInner}>
        <p>
          © {new Date().getFullYear()}{' '}
          {shop ? shop.name : loading ? <Skeleton inline width="6rem" /> : FALLBACK_SHOP_NAME}.
          Powered by Bazaar, the open-source marketplace.
        </p>
        <LanguageSwitch />
        <p role="status" aria-live="polite" aria-label="Service status">
          {status}
        </p>
      </Container>
    </footer>
  );
}
