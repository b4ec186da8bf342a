import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ShellDocument } from '../../../generated/graphql';
import { SiteNameContext } from '../../../shared/hooks/use-document-title';
import { MAIN_CONTENT_ID, SkipLink } from '../../../shared/layout/skip-link';
import { FooterStatus } from '../../status/views/footer-status';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';
import styles from '../components/shell.module.css';

/**
 * The frame of every page: skip link, header with the shop's name and navigation,
 * the page itself, and a footer with the live service status. A failing shop query
 * degrades the header to the platform's name; the page shows its own error.
 */
export function ShellView() {
  const { data, loading } = useQuery(ShellDocument);
  const mainRef = useFocusMainOnNavigation();

  return (
    <>
      <SkipLink />
      <SiteHeader shop={data?.shop} loading={loading} />
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className={styles.main}>
        <SiteNameContext value={data?.shop.name}>
          <Outlet />
        </SiteNameContext>
      </main>
      <SiteFooter shop={data?.shop} loading={loading} status={<FooterStatus />} />
      <ScrollRestoration />
    </>
  );
}

/**
 * After a client-side navigation, move focus to the new page's content so screen
 * readers start reading it (a full page load does this by itself).
 */
function useFocusMainOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);
  return mainRef;
}
