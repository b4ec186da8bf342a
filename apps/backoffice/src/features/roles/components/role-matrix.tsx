import { Badge, Checkbox, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';

import type {
  Permission,
  RoleMatrix_PermissionFragment,
  RoleMatrix_RoleFragment,
} from '../../../generated/graphql';

/** Why a cell cannot change, or null when it can. */
function lockedReason(
  role: RoleMatrix_RoleFragment,
  permission: RoleMatrix_PermissionFragment,
): string | null {
  if (role.builtIn) return 'Built-in roles cannot be changed.';
  if (role.scope === 'SELLER' && !permission.sellerScoped)
    return 'Seller roles can only hold seller permissions.';
  return null;
}

/**
 * The role editor: one row per permission (platform ones, then those a
 * seller role may hold), one column per role. `permissionsOf` gives each
 * role's current (possibly edited) permissions (fragment: role-matrix.graphql).
 */
export function RoleMatrix({
  roles,
  permissions,
  permissionsOf,
  changed,
  onToggle,
}: {
  roles: readonly RoleMatrix_RoleFragment[];
  permissions: readonly RoleMatrix_PermissionFragment[];
  permissionsOf: (role: RoleMatrix_RoleFragment) => ReadonlySet<Permission>;
  changed: (role: RoleMatrix_RoleFragment) => boolean;
  onToggle: (role: RoleMatrix_RoleFragment, permission: Permission, granted: boolean) => void;
}) {
  const groups = [
    {
      id: 'platform',
      label: 'Platform permissions',
      rows: permissions.filter((p) => !p.sellerScoped),
    },
    {
      id: 'seller',
      label: 'Seller permissions (also grantable within one seller)',
      rows: permissions.filter((p) => p.sellerScoped),
    },
  ].filter((group) => group.rows.length > 0);

  return (
    <Table.ScrollContainer minWidth={360 + roles.length * 110} type="native">
      <Table aria-label="Permission matrix" withColumnBorders verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={280}>Permission</Table.Th>
            {roles.map((role) => (
              <Table.Th key={role.id} ta="center" miw={100} scope="col">
                <Stack gap={2} align="center">
                  <Text size="sm" fw={700} ta="center">
                    {role.name}
                    {changed(role) ? ' *' : ''}
                  </Text>
                  {role.builtIn ? (
                    <Badge size="xs" variant="outline" color="gray">
                      Built-in
                    </Badge>
                  ) : (
                    <Badge
                      size="xs"
                      variant="light"
                      color={role.scope === 'SELLER' ? 'grape' : 'indigo'}
                    >
                      {role.scope === 'SELLER' ? 'Seller' : 'Platform'}
                    </Badge>
                  )}
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.id}>
              <Table.Tr>
                <Table.Th
                  colSpan={roles.length + 1}
                  scope="colgroup"
                  bg="var(--mantine-color-default-hover)"
                >
                  {group.label}
                </Table.Th>
              </Table.Tr>
              {group.rows.map((permission) => (
                <Table.Tr key={permission.permission}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" ff="monospace">
                      {permission.permission}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {permission.description}
                    </Text>
                  </Table.Th>
                  {roles.map((role) => {
                    const locked = lockedReason(role, permission);
                    const checked = permissionsOf(role).has(permission.permission);
                    const box = (
                      <Checkbox
                        aria-label={`${role.name}: ${permission.permission}`}
                        checked={checked}
                        disabled={locked !== null}
                        onChange={(event) =>
                          onToggle(role, permission.permission, event.currentTarget.checked)
                        }
                        style={{ display: 'inline-block' }}
                      />
                    );
                    return (
                      <Table.Td key={role.id} ta="center">
                        {locked && !role.builtIn ? (
                          <Tooltip label={locked}>
                            <span>{box}</span>
                          </Tooltip>
                        ) : (
                          box
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
