import { Badge } from '@mantine/core';

import type { ImportStatus } from '../../../generated/graphql';

const STATUS: Record<ImportStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray' },
  RUNNING: { label: 'Running', color: 'blue' },
  SUCCEEDED: { label: 'Finished', color: 'teal' },
  FAILED: { label: 'Failed', color: 'red' },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
