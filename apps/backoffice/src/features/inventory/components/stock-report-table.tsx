import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';

import {
  StockReportDocument,
  type StockReportKind,
  type StockReportTable_LevelFragment,
} from '../../../generated/graphql';
import { DataTable, type ColumnDef } from '../../../shared/data-table/data-table';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { ErrorState } from '../../../shared/states/error-state';
import { offerPath } from '../../offers/components/offer-labels';
import { LocationKindBadge } from './location-kind-badge';

const EMPTY: Record<StockReportKind, string> = {
  NEGATIVE: 'No stock below zero: every count covers what was sold.',
  LOW: 'Nothing is at or below its low-stock threshold.',
};

/** One stock report (Query.stockReport): levels below zero, or at or below the low-stock threshold. */
export function StockReportTable({ sellerId, kind }: { sellerId: string; kind: StockReportKind }) {
  const pages = useCursorPages(25, kind);
  const { data, previousData, loading, error, refetch } = useQuery(StockReportDocument, {
    variables: { sellerId, kind, ...pages.variables },
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.stockReport;
  const columns = useMemo<ColumnDef<StockReportTable_LevelFragment>[]>(
    () => [
      {
        id: 'product',
        header: 'Product',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={0}>
            <Anchor
              component={Link}
              to={`${offerPath(sellerId, row.original.offer.id)}?tab=stock`}
              fw={500}
              size="sm"
            >
              {row.original.offer.variant.title || row.original.offer.product.title}
            </Anchor>
          </Stack>
        ),
      },
      {
        id: 'sku',
        header: 'SKU',
        enableSorting: false,
        cell: ({ row }) => (
          <Text size="sm" ff="monospace">
            {row.original.offer.variant.sku}
          </Text>
        ),
      },
      {
        id: 'location',
        header: 'Location',
        enableSorting: false,
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{row.original.location.name}</Text>
            <LocationKindBadge kind={row.original.location.kind} />
          </Group>
        ),
      },
      {
        id: 'onHand',
        header: 'On hand',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" c={row.original.onHand < 0 ? 'red' : undefined} fw={500}>
            {row.original.onHand}
          </Text>
        ),
      },
      {
        id: 'reserved',
        header: 'Reserved',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => row.original.reserved,
      },
      {
        id: 'available',
        header: 'Available',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" c={row.original.available < 0 ? 'red' : undefined} fw={500}>
            {row.original.available}
          </Text>
        ),
      },
      ...(kind === 'LOW'
        ? [
            {
              id: 'threshold',
              header: 'Threshold',
              enableSorting: false,
              meta: { align: 'right' as const },
              cell: ({ row }: { row: { original: StockReportTable_LevelFragment } }) =>
                row.original.offer.lowStockThreshold,
            },
          ]
        : []),
    ],
    [sellerId, kind],
  );

  if (error && !shown) {
    return (
      <ErrorState
        title="Could not load the report"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  return (
    <DataTable<StockReportTable_LevelFragment>
      label={kind === 'NEGATIVE' ? 'Negative stock' : 'Low stock'}
      columns={columns}
      getRowId={(level) => level.id}
      mode="server"
      paging="cursor"
      withFilter={false}
      data={shown?.edges.map((edge) => edge.node) ?? []}
      rowCount={shown?.totalCount ?? 0}
      hasNextPage={data?.stockReport.pageInfo.hasNextPage ?? false}
      loading={loading}
      pagination={pages.pagination}
      onPaginationChange={(next) => pages.change(next, data?.stockReport.pageInfo.endCursor)}
      emptyMessage={EMPTY[kind]}
      minWidth={720}
    />
  );
}
