import { ActionIcon, Badge, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';

import type { CouponsTable_CouponFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDateTime } from '../../../shared/format/date';
import { IconPencil } from '../../../shared/icons';
import { basisPointsToPercent } from '../../tax-rates/components/tax-rate-values';

function discountText(coupon: CouponsTable_CouponFragment): string {
  if (coupon.kind === 'PERCENTAGE') return `${basisPointsToPercent(coupon.percentBp ?? 0)} % off`;
  return `${coupon.amountOff?.formatted ?? '?'} off`;
}

function windowText(coupon: CouponsTable_CouponFragment): string {
  return coupon.endsAt
    ? `${formatDateTime(coupon.startsAt)} – ${formatDateTime(coupon.endsAt)}`
    : `From ${formatDateTime(coupon.startsAt)}`;
}

/** One page of coupons (fragment: coupons-table.graphql). */
export function CouponsTable({
  onEdit,
  ...props
}: Omit<DataTableProps<CouponsTable_CouponFragment>, 'label' | 'columns' | 'getRowId'> & {
  onEdit: (coupon: CouponsTable_CouponFragment) => void;
}) {
  const columns = useMemo<ColumnDef<CouponsTable_CouponFragment>[]>(
    () => [
      {
        id: 'code',
        header: 'Code',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Text size="sm" fw={600} ff="monospace">
              {row.original.code}
            </Text>
            {row.original.description ? (
              <Text size="xs" c="dimmed">
                {row.original.description}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'discount',
        header: 'Discount',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Text size="sm">{discountText(row.original)}</Text>
            {row.original.minSubtotal ? (
              <Text size="xs" c="dimmed">
                from {row.original.minSubtotal.formatted}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'window',
        header: 'Valid',
        enableSorting: false,
        cell: ({ row }) => <Text size="sm">{windowText(row.original)}</Text>,
      },
      {
        id: 'uses',
        header: 'Uses',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <Text size="sm">
              {row.original.usedCount}
              {row.original.usageLimit != null ? ` / ${row.original.usageLimit}` : ''}
            </Text>
            {row.original.perCustomerLimit != null ? (
              <Text size="xs" c="dimmed">
                {row.original.perCustomerLimit} per customer
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'active',
        header: 'Status',
        enableSorting: false,
        cell: ({ row }) => (
          <Badge variant="light" color={row.original.active ? 'teal' : 'gray'}>
            {row.original.active ? 'Active' : 'Inactive'}
          </Badge>
        ),
      },
      {
        id: 'edit',
        header: '',
        enableSorting: false,
        cell: ({ row }) => (
          <Tooltip label="Edit">
            <ActionIcon
              variant="subtle"
              aria-label={`Edit ${row.original.code}`}
              onClick={() => onEdit(row.original)}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        ),
      },
    ],
    [onEdit],
  );
  return (
    <DataTable<CouponsTable_CouponFragment>
      label="Coupons"
      columns={columns}
      getRowId={(coupon) => coupon.id}
      minWidth={760}
      {...props}
    />
  );
}
