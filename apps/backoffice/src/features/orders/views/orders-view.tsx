import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';

import { OrderFilterStoresDocument, SellerOrdersDocument } from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { IconCashRegister } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { OrderFilterBar } from '../components/order-filter-bar';
import { OrdersTable } from '../components/orders-table';
import {
  hasOrderFilters,
  readOrderFilters,
  toOrderFilter,
  writeOrderFilters,
} from '../order-filters';

/** A seller's orders (Query.sellerOrders), newest first, filtered through the URL. */
export function OrdersView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const seller = access.seller(sellerId);
  const [params, setParams] = useSearchParams();
  const values = readOrderFilters(params);
  const filter = toOrderFilter(values);
  const pages = useCursorPages(25, JSON.stringify(filter));
  const { data, previousData, loading, error, refetch } = useQuery(SellerOrdersDocument, {
    variables: { sellerId, filter, ...pages.variables },
    fetchPolicy: 'cache-and-network',
  });
  const stores = useQuery(OrderFilterStoresDocument).data?.viewer?.sellerAccess.find(
    (entry) => entry.seller.id === sellerId,
  )?.seller.stores;
  const shown = (data ?? previousData)?.sellerOrders;

  return (
    <>
      <PageHeader
        title="Orders"
        description={`Orders placed with ${seller?.seller.name ?? 'this seller'}, online and at the counter.`}
        actions={
          access.can('ORDERS_PLACE_OFFLINE', sellerId) ? (
            <Button
              component={Link}
              to={`/sellers/${encodeURIComponent(sellerId)}/counter-sale`}
              leftSection={<IconCashRegister size={16} />}
            >
              Counter sale
            </Button>
          ) : null
        }
      />
      <OrderFilterBar
        values={values}
        // A store-counter account sees its own store's orders only (the API filters).
        stores={seller?.store ? [] : (stores ?? [])}
        onChange={(next) => setParams(writeOrderFilters(params, next), { replace: true })}
      />
      {error && !shown ? (
        <ErrorState
          title="Could not load the orders"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : (
        <OrdersTable
          sellerId={sellerId}
          mode="server"
          paging="cursor"
          withFilter={false}
          data={shown?.edges.map((edge) => edge.node) ?? []}
          rowCount={shown?.totalCount ?? 0}
          hasNextPage={data?.sellerOrders.pageInfo.hasNextPage ?? false}
          loading={loading}
          pagination={pages.pagination}
          onPaginationChange={(next) => pages.change(next, data?.sellerOrders.pageInfo.endCursor)}
          emptyMessage={
            hasOrderFilters(values) ? 'No orders match these filters.' : 'No orders yet.'
          }
        />
      )}
    </>
  );
}
