import { Button, Center, EmptyState, Text } from '@mantine/core';

import type { Access_ViewerFragment } from '../../../generated/graphql';
import { IconExternal, IconLock, IconLogout } from '../../../shared/icons';
import { useLogout } from '../../../shared/session/use-logout';

/** A signed-in user who holds no role: the back-office has nothing for them. */
export function NoAccessView({ user }: { user: Access_ViewerFragment['user'] }) {
  const logout = useLogout();
  return (
    <Center mih="100dvh" p="md">
      <title>No back-office access</title>
      <EmptyState withIndicatorBackground maw={520}>
        <EmptyState.Indicator>
          <IconLock size={28} />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>This account has no back-office access</EmptyState.Title>
        <EmptyState.Description>
          You are signed in as{' '}
          <Text span fw={600}>
            {user.name}
          </Text>{' '}
          ({user.email}). The back-office is for sellers, their staff and platform admins. Open a
          shop from the storefront, or ask an administrator for a role.
        </EmptyState.Description>
        <EmptyState.Actions>
          {/* Outside the /admin basename: a plain link, not a router link. */}
          <Button component="a" href="/" leftSection={<IconExternal size={16} />}>
            Go to the storefront
          </Button>
          <Button
            variant="default"
            leftSection={<IconLogout size={16} />}
            onClick={() => void logout()}
          >
            Log out
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
