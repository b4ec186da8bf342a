import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

import { IconLock } from '../icons';

/**
 * A screen opened without the permission it needs (an old link, a withdrawn
 * role). The API would refuse its data anyway; this says so plainly.
 */
export function NotAllowedState({
  title = 'You are not allowed to view this page',
  description = 'Your roles do not include the permission this page needs. Ask an administrator if you should have it.',
}: {
  title?: string;
  description?: string;
}) {
  return (
    <EmptyState mt="xl" withIndicatorBackground>
      <EmptyState.Indicator>
        <IconLock size={28} />
      </EmptyState.Indicator>
      <EmptyState.Title order={1}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
