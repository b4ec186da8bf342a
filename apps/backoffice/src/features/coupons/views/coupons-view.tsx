import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useState } from 'react';

import {
  CouponShopCurrencyDocument,
  PlatformCouponsDocument,
  SellerCouponsDocument,
  type CouponForm_CouponFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CouponFormModal } from '../components/coupon-form';
import { CouponsTable } from '../components/coupons-table';

/** Coupon codes: a seller's own (seller-funded) with `sellerId`, else the platform's. */
export function CouponsView({ sellerId }: { sellerId: string | null }) {
  const access = useAccess();
  const pages = useCursorPages(25, sellerId ?? 'platform');
  const sellerQuery = useQuery(SellerCouponsDocument, {
    variables: { sellerId: sellerId ?? '', ...pages.variables },
    skip: !sellerId,
  });
  const platformQuery = useQuery(PlatformCouponsDocument, {
    variables: pages.variables,
    skip: !!sellerId,
  });
  const currency = useQuery(CouponShopCurrencyDocument).data?.shop.currency ?? 'EUR';
  const query = sellerId ? sellerQuery : platformQuery;
  const data = sellerId
    ? (sellerQuery.data ?? sellerQuery.previousData)?.sellerCoupons
    : (platformQuery.data ?? platformQuery.previousData)?.platformCoupons;
  const [editing, setEditing] = useState<CouponForm_CouponFragment | 'new' | null>(null);
  const nodes = data?.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <PageHeader
        title={sellerId ? 'Coupons' : 'Platform coupons'}
        description={
          sellerId
            ? `Codes that take money off ${access.seller(sellerId)?.seller.name ?? 'this shop'}’s orders, funded by the shop.`
            : 'Codes funded by the platform; their discount spreads over every order of a purchase.'
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New coupon
          </Button>
        }
      />
      {query.error && !data ? (
        <ErrorState
          title="Could not load the coupons"
          error={query.error}
          onRetry={() => void query.refetch().catch(() => undefined)}
        />
      ) : (
        <CouponsTable
          mode="server"
          paging="cursor"
          withFilter={false}
          data={nodes}
          rowCount={data?.totalCount ?? 0}
          hasNextPage={data?.pageInfo.hasNextPage ?? false}
          loading={query.loading}
          pagination={pages.pagination}
          onPaginationChange={(next) => pages.change(next, data?.pageInfo.endCursor)}
          emptyMessage="No coupons yet."
          onEdit={(coupon) => setEditing(nodes.find((n) => n.id === coupon.id) ?? null)}
        />
      )}
      <CouponFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        sellerId={sellerId}
        currency={currency}
        coupon={editing === 'new' ? null : editing}
      />
    </>
  );
}
