import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';

import type { OrdersTable_OrderFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDateTime } from '../../../shared/format/date';
import { OrderStatusBadge, PaidBadge } from './order-badges';
import {
  CHANNEL_LABELS,
  customerLabel,
  FULFILMENT_LABELS,
  PAYMENT_METHOD_LABELS,
  orderPath,
} from './order-labels';

/** One page of a seller's orders (fragment: orders-table.graphql). */
export function OrdersTable({
  sellerId,
  ...props
}: Omit<DataTableProps<OrdersTable_OrderFragment>, 'label' | 'columns' | 'getRowId'> & {
  sellerId: string;
}) {
  const columns = useMemo<ColumnDef<OrdersTable_OrderFragment>[]>(
    () => [
      {
        id: 'number',
        header: 'Order',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Anchor component={Link} to={orderPath(sellerId, row.original.id)} fw={500}>
              #{row.original.number}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatDateTime(row.original.placedAt)}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'customer',
        header: 'Customer',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2} miw={0}>
            <Text size="sm">{customerLabel(row.original.customer)}</Text>
            {row.original.customer?.name && row.original.customer.email ? (
              <Text size="xs" c="dimmed">
                {row.original.customer.email}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        cell: ({ row }) => <OrderStatusBadge status={row.original.status} />,
      },
      {
        id: 'payment',
        header: 'Payment',
        enableSorting: false,
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{PAYMENT_METHOD_LABELS[row.original.paymentMethod]}</Text>
            <PaidBadge paid={row.original.paid} />
          </Group>
        ),
      },
      {
        id: 'fulfilment',
        header: 'Fulfilment',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Text size="sm">
              {FULFILMENT_LABELS[row.original.fulfilment]} · {CHANNEL_LABELS[row.original.channel]}
            </Text>
            {row.original.pickupStore ? (
              <Text size="xs" c="dimmed">
                {row.original.pickupStore.name}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'total',
        header: 'Total',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" fw={500}>
            {row.original.total.formatted}
          </Text>
        ),
      },
    ],
    [sellerId],
  );
  return (
    <DataTable<OrdersTable_OrderFragment>
      label="Orders"
      columns={columns}
      getRowId={(order) => order.id}
      minWidth={820}
      {...props}
    />
  );
}
