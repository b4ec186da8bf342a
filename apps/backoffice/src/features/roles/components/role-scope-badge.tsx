import { Badge } from '@mantine/core';

import type { RoleScope } from '../../../generated/graphql';

export function RoleScopeBadge({ scope }: { scope: RoleScope }) {
  return (
    <Badge size="sm" variant="light" color={scope === 'SELLER' ? 'grape' : 'indigo'}>
      {scope === 'SELLER' ? 'Seller' : 'Platform'}
    </Badge>
  );
}
