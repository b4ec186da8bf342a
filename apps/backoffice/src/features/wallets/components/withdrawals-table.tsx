import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';

import type { WithdrawalsTable_WithdrawalFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDateTime } from '../../../shared/format/date';
import { WITHDRAWAL_STATUS_COLORS, WITHDRAWAL_STATUS_LABELS } from './withdrawal-status';

/** One page of withdrawal requests (fragment: withdrawals-table.graphql), undecided ones with their decision buttons. */
export function WithdrawalsTable({
  onDecide,
  ...props
}: Omit<DataTableProps<WithdrawalsTable_WithdrawalFragment>, 'label' | 'columns' | 'getRowId'> & {
  onDecide: (withdrawal: WithdrawalsTable_WithdrawalFragment, approve: boolean) => void;
}) {
  const columns = useMemo<ColumnDef<WithdrawalsTable_WithdrawalFragment>[]>(
    () => [
      {
        id: 'user',
        header: 'User',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Text size="sm">{row.original.user?.name ?? '—'}</Text>
            <Text size="xs" c="dimmed">
              {row.original.user?.email}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'amount',
        header: 'Amount',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => row.original.amount.formatted,
      },
      {
        id: 'requested',
        header: 'Requested',
        enableSorting: false,
        cell: ({ row }) => formatDateTime(row.original.createdAt),
      },
      {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Badge variant="light" color={WITHDRAWAL_STATUS_COLORS[row.original.status]}>
              {WITHDRAWAL_STATUS_LABELS[row.original.status]}
            </Badge>
            {row.original.note ? (
              <Text size="xs" c="dimmed">
                {row.original.note}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'decide',
        header: '',
        enableSorting: false,
        cell: ({ row }) =>
          row.original.status === 'REQUESTED' ? (
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              <Button size="xs" onClick={() => onDecide(row.original, true)}>
                Approve
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() => onDecide(row.original, false)}
              >
                Reject
              </Button>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              {formatDateTime(row.original.decidedAt)}
            </Text>
          ),
      },
    ],
    [onDecide],
  );
  return (
    <DataTable<WithdrawalsTable_WithdrawalFragment>
      label="Withdrawal requests"
      columns={columns}
      getRowId={(w) => w.id}
      minWidth={720}
      {...props}
    />
  );
}
