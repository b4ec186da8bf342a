import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';

import {
  OfferPriceHistoryDocument,
  type PriceHistory_ChangeFragment,
} from '../../../generated/graphql';
import { DataTable, type ColumnDef } from '../../../shared/data-table/data-table';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { formatDateTime } from '../../../shared/format/date';
import { ErrorState } from '../../../shared/states/error-state';
import { PRICE_CHANGE_REASONS } from './offer-labels';

const COLUMNS: ColumnDef<PriceHistory_ChangeFragment>[] = [
  {
    id: 'changedAt',
    header: 'When',
    enableSorting: false,
    cell: ({ row }) => formatDateTime(row.original.changedAt),
  },
  {
    id: 'price',
    header: 'Price',
    enableSorting: false,
    meta: { align: 'right' },
    cell: ({ row }) => row.original.price.formatted,
  },
  {
    id: 'compareAtPrice',
    header: 'Compare-at',
    enableSorting: false,
    meta: { align: 'right' },
    cell: ({ row }) =>
      row.original.compareAtPrice ? (
        row.original.compareAtPrice.formatted
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ),
  },
  {
    id: 'reason',
    header: 'Why',
    enableSorting: false,
    cell: ({ row }) => PRICE_CHANGE_REASONS[row.original.reason],
  },
];

/** Every price an offer has had, newest first (Offer.priceHistory, paged). */
export function PriceHistory({ offerId }: { offerId: string }) {
  const pages = useCursorPages(20, offerId);
  const { data, previousData, loading, error, refetch } = useQuery(OfferPriceHistoryDocument, {
    variables: { id: offerId, ...pages.variables },
    fetchPolicy: 'cache-and-network',
  });
  const history = (data ?? previousData)?.offer?.priceHistory;
  if (error && !history) {
    return (
      <ErrorState
        title="Could not load the price history"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  return (
    <DataTable<PriceHistory_ChangeFragment>
      label="Price history"
      columns={COLUMNS}
      getRowId={(change) => change.id}
      mode="server"
      paging="cursor"
      withFilter={false}
      data={history?.edges.map((edge) => edge.node) ?? []}
      rowCount={history?.totalCount ?? 0}
      hasNextPage={data?.offer?.priceHistory.pageInfo.hasNextPage ?? false}
      loading={loading}
      pagination={pages.pagination}
      onPaginationChange={(next) =>
        pages.change(next, data?.offer?.priceHistory.pageInfo.endCursor)
      }
      pageSizeOptions={[20, 50, 100]}
      emptyMessage="No price change recorded yet."
      minWidth={480}
    />
  );
}
