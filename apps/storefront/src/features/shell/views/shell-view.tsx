import { skipToken, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { ShellDocument, ShellViewerDocument } from '../../../generated/graphql';
import { useSession } from '../../../shared/auth/use-session';
import { SiteNameContext } from '../../../shared/hooks/use-document-title';
import { MAIN_CONTENT_ID, SkipLink } from '../../../shared/layout/skip-link';
import { FooterStatus } from '../../status/views/footer-status';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';
import styles from '../components/shell.module.css';

/**
 * The frame of every page: skip link, header with the shop's name, navigation and
 * the account's entries, the page itself, and a footer with the live service status.
 * A failing shop query degrades the header to the platform's name; the page shows
 * its own error.
 */
export function ShellView() {
  const { data, loading } = useQuery(ShellDocument);
  const account = useHeaderAccount();
  const mainRef = useFocusMainOnNavigation();

  return (
    <>
      <SkipLink />
      <SiteHeader shop={data?.shop} cart={data?.cart} loading={loading} account={account} />
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

/** The session as the header shows it; the viewer is asked for only while signed in. */
function useHeaderAccount() {
  const { status, signOut } = useSession();
  const navigate = useNavigate();
  const viewer = useQuery(ShellViewerDocument, status === 'signedIn' ? {} : skipToken);
  const [loggingOut, setLoggingOut] = useState(false);
  const homeShown = useCommittedPath('/');

  const onLogOut = useCallback(async () => {
    setLoggingOut(true);
    try {
      // Leave private pages first (once the home page is on screen), so that they do
      // not send the user to the log-in page when the session ends. The router's
      // promise settles before React commits the new page (a transition), hence the wait.
      await navigate('/');
      await homeShown();
      await signOut();
    } finally {
      setLoggingOut(false);
    }
  }, [navigate, signOut, homeShown]);

  return {
    status,
    viewer: viewer.data ? viewer.data.viewer : viewer.error ? null : undefined,
    onLogOut,
    loggingOut,
  };
}

/**
 * A function that resolves once the page at `path` is on screen (committed, not only
 * in the router's state), or after a second whatever happens.
 */
function useCommittedPath(path: string): () => Promise<void> {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  const waiters = useRef(new Set<() => void>());
  useEffect(() => {
    shown.current = pathname;
    if (pathname !== path) return;
    for (const resolve of waiters.current) resolve();
    waiters.current.clear();
  }, [pathname, path]);
  return useCallback(() => {
    if (shown.current === path) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.current.delete(done);
        resolve();
      };
      const timer = setTimeout(done, 1000);
      waiters.current.add(done);
    });
  }, [path]);
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
