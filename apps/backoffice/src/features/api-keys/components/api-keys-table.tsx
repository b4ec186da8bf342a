import {
  ActionIcon,
  Badge,
  Code,
  Group,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';

import type { ApiKeysTable_ApiKeyFragment } from '../../../generated/graphql';
import { describePermission } from '../../../shared/access/permissions';
import { formatDate, formatDateTime } from '../../../shared/format/date';
import { IconTrash } from '../../../shared/icons';
import { keyState } from './key-state';

/** The viewer's own API keys (fragment: api-keys-table.graphql). Secrets are never listed. */
export function ApiKeysTable({
  keys,
  onRevoke,
}: {
  keys: readonly ApiKeysTable_ApiKeyFragment[];
  onRevoke: (key: ApiKeysTable_ApiKeyFragment) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table aria-label="API keys" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Permissions</Table.Th>
            <Table.Th>Seller</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const state = keyState(key);
            return (
              <Table.Tr key={key.id}>
                <Table.Td fw={500}>{key.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.permissions.map((permission) => (
                      <Tooltip key={permission} label={describePermission(permission)}>
                        <Badge size="xs" variant="outline" style={{ textTransform: 'none' }}>
                          {permission}
                        </Badge>
                      </Tooltip>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{key.seller?.name ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(key.createdAt)}</Table.Td>
                <Table.Td>
                  {key.lastUsedAt ? (
                    formatDateTime(key.lastUsedAt)
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{key.expiresAt ? formatDate(key.expiresAt) : 'Never'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={state.color} variant="light" style={{ overflow: 'visible' }}>
                    {state.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {key.revokedAt ? null : (
                    <Tooltip label="Revoke">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => onRevoke(key)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
