import { Button, Container, Group } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { ErrorState } from './error-state';
import { NotFoundPage } from './not-found-page';

/**
 * A route's `errorElement`: a render error, a failed loader, or a route module
 * that could not be downloaded (typically after a deploy replaced the chunks:
 * reloading fetches the new ones).
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const cause = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;
  return (
    <Container size="sm" py="xl">
      <ErrorState title="This page failed to load" error={cause}>
        <Group mt="md">
          <Button size="xs" color="red" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
          <Button size="xs" variant="default" component={Link} to="/" reloadDocument>
            Go to the dashboard
          </Button>
        </Group>
      </ErrorState>
    </Container>
  );
}
