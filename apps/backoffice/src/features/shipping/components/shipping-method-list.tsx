import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';

import type { ShippingMethodList_MethodFragment } from '../../../generated/graphql';
import { IconPencil, IconTrash } from '../../../shared/icons';

function feeText(method: ShippingMethodList_MethodFragment): string {
  const base = method.flatFee.formatted;
  return method.kind === 'BY_WEIGHT' ? `${base} + ${method.perKgFee.formatted}/kg` : base;
}

/** A seller's shipping methods (fragment: shipping-method-list.graphql), by position. */
export function ShippingMethodList({
  methods,
  onEdit,
  onDelete,
}: {
  methods: readonly ShippingMethodList_MethodFragment[];
  /** Absent without SELLER_MANAGE. */
  onEdit?: (method: ShippingMethodList_MethodFragment) => void;
  onDelete?: (method: ShippingMethodList_MethodFragment) => void;
}) {
  const sorted = [...methods].sort((a, b) => a.position - b.position);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Shipping methods" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Fee</Table.Th>
            <Table.Th>Free over</Table.Th>
            <Table.Th>Countries</Table.Th>
            <Table.Th>Days</Table.Th>
            <Table.Th>Status</Table.Th>
            {onEdit || onDelete ? (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((method) => (
            <Table.Tr key={method.id}>
              <Table.Td>
                <Text fw={500} size="sm">
                  {method.name}
                </Text>
              </Table.Td>
              <Table.Td>{feeText(method)}</Table.Td>
              <Table.Td>{method.freeOver?.formatted ?? '—'}</Table.Td>
              <Table.Td>
                {method.countries.length === 0 ? 'Everywhere' : method.countries.join(', ')}
              </Table.Td>
              <Table.Td>
                {method.minDays === method.maxDays
                  ? method.minDays
                  : `${method.minDays}–${method.maxDays}`}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={method.active ? 'teal' : 'gray'}>
                  {method.active ? 'Active' : 'Inactive'}
                </Badge>
              </Table.Td>
              {onEdit || onDelete ? (
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {onEdit ? (
                      <Tooltip label="Edit">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit ${method.name}`}
                          onClick={() => onEdit(method)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                    {onDelete ? (
                      <Tooltip label="Delete">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${method.name}`}
                          onClick={() => onDelete(method)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
