import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';

import {
  StockMovementsDocument,
  type StockMovements_MovementFragment,
} from '../../../generated/graphql';
import { DataTable, type ColumnDef } from '../../../shared/data-table/data-table';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { formatDateTime } from '../../../shared/format/date';
import { ErrorState } from '../../../shared/states/error-state';
import { MOVEMENT_REASON_LABELS } from '../stock-adjust';

const COLUMNS: ColumnDef<StockMovements_MovementFragment>[] = [
  {
    id: 'createdAt',
    header: 'When',
    enableSorting: false,
    cell: ({ row }) => formatDateTime(row.original.createdAt),
  },
  {
    id: 'reason',
    header: 'Reason',
    enableSorting: false,
    cell: ({ row }) => MOVEMENT_REASON_LABELS[row.original.reason],
  },
  {
    id: 'delta',
    header: 'Change',
    enableSorting: false,
    meta: { align: 'right' },
    cell: ({ row }) => (
      <Text size="sm" c={row.original.delta < 0 ? 'red' : 'teal'} fw={500}>
        {row.original.delta > 0 ? `+${row.original.delta}` : row.original.delta}
      </Text>
    ),
  },
  {
    id: 'onHandAfter',
    header: 'On hand after',
    enableSorting: false,
    meta: { align: 'right' },
    cell: ({ row }) => row.original.onHandAfter,
  },
  {
    id: 'note',
    header: 'Note',
    enableSorting: false,
    cell: ({ row }) => row.original.note ?? '',
  },
  {
    id: 'actor',
    header: 'By',
    enableSorting: false,
    cell: ({ row }) => row.original.actor?.name ?? 'System',
  },
];

/** The movement ledger of one stock level, newest first (Query.stockMovements). */
export function StockMovements({ stockLevelId, label }: { stockLevelId: string; label: string }) {
  const pages = useCursorPages(10, stockLevelId);
  const { data, previousData, loading, error, refetch } = useQuery(StockMovementsDocument, {
    variables: { stockLevelId, ...pages.variables },
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.stockMovements;
  if (error && !shown) {
    return (
      <ErrorState
        title="Could not load the movements"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  return (
    <DataTable<StockMovements_MovementFragment>
      label={label}
      columns={COLUMNS}
      getRowId={(movement) => movement.id}
      mode="server"
      paging="cursor"
      withFilter={false}
      data={shown?.edges.map((edge) => edge.node) ?? []}
      rowCount={shown?.totalCount ?? 0}
      hasNextPage={data?.stockMovements.pageInfo.hasNextPage ?? false}
      loading={loading}
      pagination={pages.pagination}
      onPaginationChange={(next) => pages.change(next, data?.stockMovements.pageInfo.endCursor)}
      pageSizeOptions={[10, 25, 50]}
      emptyMessage="No movement recorded yet."
      minWidth={560}
    />
  );
}
