import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

import { describeError } from '../feedback/describe-error';
import { IconAlert, IconRefresh } from '../icons';

/** A failed load, said plainly, with a way to try again. */
export function ErrorState({
  title = 'Could not load this page',
  error,
  onRetry,
  retrying = false,
  children,
}: {
  title?: ReactNode;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  children?: ReactNode;
}) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlert />} role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {children}
      {onRetry ? (
        <Group mt="md">
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
            loading={retrying}
          >
            Retry
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
