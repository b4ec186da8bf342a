import { Badge, Group } from '@mantine/core';

import type { UserStatus } from '../../../generated/graphql';

export function UserStatusBadges({ status, locked }: { status: UserStatus; locked: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={status === 'ACTIVE' ? 'teal' : 'gray'} variant="light">
        {status === 'ACTIVE' ? 'Active' : 'Disabled'}
      </Badge>
      {locked ? (
        <Badge color="orange" variant="light">
          Locked
        </Badge>
      ) : null}
    </Group>
  );
}
