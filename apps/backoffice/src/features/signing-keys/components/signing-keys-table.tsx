import { Badge, Code, Table, Text } from '@mantine/core';

import type { SigningKeysTable_SigningKeyFragment } from '../../../generated/graphql';
import { formatDateTime } from '../../../shared/format/date';

/** The keys that sign and verify access tokens (fragment: signing-keys-table.graphql). */
export function SigningKeysTable({
  keys,
}: {
  keys: readonly SigningKeysTable_SigningKeyFragment[];
}) {
  // The current key first, then the newest.
  const sorted = [...keys].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table aria-label="Signing keys" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key id (kid)</Table.Th>
            <Table.Th>Algorithm</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Retires</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td>
                <Code>{key.id}</Code>
              </Table.Td>
              <Table.Td>{key.algorithm}</Table.Td>
              <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
              <Table.Td>
                {key.current ? (
                  <Badge color="teal" variant="light">
                    Current
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    Verifies only
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {key.retiresAt ? (
                  formatDateTime(key.retiresAt)
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
