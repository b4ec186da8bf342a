import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';

import type { RolesTable_RoleFragment } from '../../../generated/graphql';
import { IconPencil, IconTrash } from '../../../shared/icons';
import { RoleScopeBadge } from './role-scope-badge';

/** Roles with how many assignments each has (fragment: roles-table.graphql). */
export function RolesTable({
  roles,
  onEdit,
  onDelete,
}: {
  roles: readonly RolesTable_RoleFragment[];
  onEdit: (role: RolesTable_RoleFragment) => void;
  onDelete: (role: RolesTable_RoleFragment) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table aria-label="Roles" verticalSpacing="xs" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Role</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th ta="right">Assignments</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles.map((role) => (
            <Table.Tr key={role.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {role.name}
                  </Text>
                  {role.builtIn ? (
                    <Badge size="xs" variant="outline" color="gray">
                      Built-in
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <RoleScopeBadge scope={role.scope} />
              </Table.Td>
              <Table.Td ta="right">{role.assignmentCount}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {role.description ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {role.builtIn ? null : (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Edit">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Edit ${role.name}`}
                        onClick={() => onEdit(role)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${role.name}`}
                        onClick={() => onDelete(role)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
