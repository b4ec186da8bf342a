import { Alert, List } from '@mantine/core';
import type { ReactNode } from 'react';

import { IconAlert } from '../icons';
import type { PayloadError } from './payload-errors';

/** The form-level alert: errors that belong to no single field. Renders nothing when there are none. */
export function FormErrors({
  errors,
  title = 'This could not be saved',
}: {
  errors: readonly PayloadError[];
  title?: ReactNode;
}) {
  if (errors.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlert />} role="alert" mb="md">
      {errors.length === 1 ? (
        errors[0]?.message
      ) : (
        <List size="sm" spacing={2}>
          {errors.map((error, i) => (
            <List.Item key={`${error.code}-${i}`}>{error.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
