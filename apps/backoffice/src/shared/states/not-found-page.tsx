import { Button, EmptyState } from '@mantine/core';
import { Link, useHref, useLocation } from 'react-router';

import { IconSearch } from '../icons';

/** Rendered inside the shell for any path no route claims. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  const href = useHref(pathname);
  return (
    <EmptyState mt="xl" withIndicatorBackground>
      <EmptyState.Indicator>
        <IconSearch size={28} />
      </EmptyState.Indicator>
      <EmptyState.Title order={1}>Page not found</EmptyState.Title>
      <EmptyState.Description>
        Nothing lives at <code>{href}</code>. The link may be old, or the page may have moved.
      </EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
