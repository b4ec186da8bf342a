import { useQuery } from '@apollo/client/react';
import { Badge, Button, CloseButton, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import {
  OfferProductFilterDocument,
  SellerOffersDocument,
  type OfferStatus,
  type OffersTable_OfferFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { ExportCatalogButton } from '../../imports/components/export-catalog-button';
import { BulkPriceModal } from '../components/bulk-price-modal';
import { plural } from '../components/offer-labels';
import { OffersTable } from '../components/offers-table';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'INACTIVE', label: 'Withdrawn' },
];

/** How many offers of one product are fetched at once when filtering by product. */
const PRODUCT_PAGE = 100;

/**
 * A seller's offers (Query.sellerOffers): searched by title or SKU, filtered by
 * status and, with `?product=<id>` (the product editor's "Offers" tab), by
 * product. Selected offers get a bulk price edit.
 */
export function OffersView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const canManage = access.can('OFFERS_MANAGE', sellerId);
  const canImport = access.can('PRODUCTS_MANAGE', sellerId);
  const [params, setParams] = useSearchParams();
  const productId = params.get('product');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<OfferStatus | ''>('');

  // sellerOffers cannot filter by product: its title narrows the search on the
  // API, and its id picks the rows here.
  const productFilter = useQuery(OfferProductFilterDocument, {
    variables: { id: productId ?? '' },
    skip: !productId,
  });
  const product = productFilter.data?.product ?? null;
  const productReady = !productId || !productFilter.loading;
  const query = search.trim() || (productId ? (product?.title ?? null) : null);
  const filters = { query, status: status || null };
  const pages = useCursorPages(25, JSON.stringify({ ...filters, productId }));
  const { data, previousData, loading, error, refetch } = useQuery(SellerOffersDocument, {
    variables: {
      sellerId,
      ...filters,
      ...(productId ? { first: PRODUCT_PAGE, after: null } : pages.variables),
    },
    skip: !productReady,
  });
  const shown = (data ?? previousData)?.sellerOffers;
  const allRows = shown?.edges.map((edge) => edge.node) ?? [];
  const rows = productId ? allRows.filter((offer) => offer.product.id === productId) : allRows;

  const [selection, setSelection] = useState<Map<string, OffersTable_OfferFragment>>(new Map());
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [editingPrices, setEditingPrices] = useState(false);
  const selectedIds = new Set(selection.keys());

  const clearProduct = () => {
    const next = new URLSearchParams(params);
    next.delete('product');
    setParams(next);
  };
  const base = `/sellers/${encodeURIComponent(sellerId)}`;

  return (
    <>
      <PageHeader
        title="Offers"
        description={`What ${access.seller(sellerId)?.seller.name ?? 'this seller'} sells: price, condition and stock of each variant.`}
        actions={
          <>
            {canImport ? (
              <>
                <Button component={Link} to={`${base}/imports`} variant="default">
                  Import CSV
                </Button>
                <ExportCatalogButton sellerId={sellerId} />
              </>
            ) : null}
            {canManage ? (
              <Button
                component={Link}
                to={`${base}/offers/new`}
                leftSection={<IconPlus size={16} />}
              >
                New offer
              </Button>
            ) : null}
          </>
        }
      />
      {productId ? (
        <Group gap="xs" mb="sm">
          <Badge
            size="lg"
            variant="light"
            style={{ textTransform: 'none' }}
            rightSection={
              <CloseButton
                size="xs"
                aria-label="Show offers of every product"
                onClick={clearProduct}
              />
            }
          >
            Product: {product?.title ?? (productFilter.loading ? '…' : 'unknown product')}
          </Badge>
        </Group>
      ) : null}
      {canManage && selection.size > 0 ? (
        <Paper
          withBorder
          p="xs"
          mb="sm"
          role="region"
          aria-label="Bulk actions"
          style={{ position: 'sticky', top: 64, zIndex: 2 }}
        >
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {plural(selection.size, 'offer')} selected
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => setEditingPrices(true)}>
                Edit prices
              </Button>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setSelection(new Map());
                  setRowErrors({});
                }}
              >
                Clear selection
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
      {error && !shown ? (
        <ErrorState
          title="Could not load the offers"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : (
        <OffersTable
          sellerId={sellerId}
          mode={productId ? 'client' : 'server'}
          paging={productId ? 'pages' : 'cursor'}
          data={rows}
          rowCount={productId ? rows.length : (shown?.totalCount ?? 0)}
          hasNextPage={productId ? undefined : (data?.sellerOffers.pageInfo.hasNextPage ?? false)}
          loading={loading || !productReady}
          filter={search}
          onFilterChange={setSearch}
          filterPlaceholder="Search by title or SKU"
          {...(productId
            ? {}
            : {
                pagination: pages.pagination,
                onPaginationChange: (next) =>
                  pages.change(next, data?.sellerOffers.pageInfo.endCursor),
              })}
          emptyMessage={
            productId
              ? 'This seller has no offer for this product yet.'
              : status
                ? 'No offers match this filter.'
                : 'No offers yet.'
          }
          selected={selectedIds}
          selectedOffers={selection}
          onSelectedChange={canManage ? setSelection : undefined}
          rowErrors={rowErrors}
          toolbar={
            <NativeSelect
              aria-label="Status"
              data={STATUS_OPTIONS}
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as OfferStatus | '')}
            />
          }
        />
      )}
      {canManage ? (
        <BulkPriceModal
          opened={editingPrices}
          onClose={() => setEditingPrices(false)}
          sellerId={sellerId}
          offers={[...selection.values()]}
          onRowErrors={setRowErrors}
          onUpdated={() => setSelection(new Map())}
        />
      ) : null}
    </>
  );
}
