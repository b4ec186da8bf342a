import { Avatar, Button, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';

import { useAccess } from '../access/use-access';
import { IconChevronDown, IconCode, IconExternal, IconLogout } from '../icons';
import { useLogout } from '../session/use-logout';

/** The signed-in user's name in the header, with the storefront link and log-out. */
export function UserMenu() {
  const { user } = useAccess();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px="xs"
          aria-label={`Account menu for ${user.name}`}
          leftSection={
            // No initials: axe counts them as visible text missing from the button's name.
            <Avatar size={26} radius="xl" color="indigo" aria-hidden />
          }
          rightSection={<IconChevronDown size={14} />}
        >
          <Text size="sm" fw={500} truncate="end" maw={160} visibleFrom="sm">
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {/* The storefront lives outside the /admin basename: a plain link. */}
        <Menu.Item component="a" href="/" leftSection={<IconExternal size={16} />}>
          Storefront
        </Menu.Item>
        <Menu.Item component={Link} to="/api-keys" leftSection={<IconCode size={16} />}>
          API keys
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
