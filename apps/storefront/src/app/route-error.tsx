import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Container } from '../shared/layout/container';
import { ErrorState } from '../shared/ui/error-state';
import { AppLoading } from './app-loading';
import styles from './route-error.module.css';

// Loaded on demand like the catch-all route, so the 404 page stays out of the entry chunk.
const NotFoundView = lazy(() =>
  import('../features/not-found/views/not-found-view').then((m) => ({ default: m.NotFoundView })),
);

/**
 * A route's error element: a page failed to render or its code failed to load
 * (for instance after a deploy replaced the chunk). Inside the shell, the header
 * and footer stay usable; at the root (`fullPage`), it stands alone.
 */
export function RouteError({ fullPage = false }: { fullPage?: boolean }) {
  const error = useRouteError();
  // A loader that finds nothing (an unknown product, say) throws a 404 response.
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Suspense fallback={<AppLoading />}>
        <NotFoundView />
      </Suspense>
    );
  }

  if (import.meta.env.DEV) console.error(error);

  const content = (
    <Container className={[styles.page, fullPage ? styles.fullPage : ''].join(' ')}>
      <ErrorState
        headingLevel={1}
        title="This page could not be shown"
        message="Something went wrong on our side. Reloading the page usually fixes it."
        onRetry={() => window.location.reload()}
      />
      {/* A plain link: after an error, a full load is the safest way home. */}
      <a href="/" className={styles.home}>
        Go to the home page
      </a>
    </Container>
  );
  return fullPage ? <main id="main">{content}</main> : content;
}

/** The root's error element. */
export function RootError() {
  return <RouteError fullPage />;
}
