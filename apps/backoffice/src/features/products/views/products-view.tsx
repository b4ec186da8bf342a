import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, List, NativeSelect, Paper, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import {
  ProductCategoryOptionsDocument,
  ProductsBulkSetStatusDocument,
  SellerProductsDocument,
  type ProductSort,
  type ProductStatus,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { buildCategoryTree, useAllCategories } from '../../../shared/categories/all-categories';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconAlert, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { categorySelectData, flattenCategories } from '../components/category-options';
import { ProductsTable } from '../components/products-table';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'DRAFT', label: 'Draft' },
  { value: 'PUBLISHED', label: 'Published' },
  { value: 'ARCHIVED', label: 'Archived' },
];

const SORT_OPTIONS: { value: ProductSort; label: string }[] = [
  { value: 'UPDATED', label: 'Recently updated' },
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'TITLE', label: 'Title A–Z' },
];

const BULK_ACTIONS: Record<ProductStatus, { label: string; done: string }> = {
  PUBLISHED: { label: 'Publish', done: 'published' },
  DRAFT: { label: 'Unpublish to draft', done: 'moved to draft' },
  ARCHIVED: { label: 'Archive', done: 'archived' },
};

interface BulkOutcome {
  status: ProductStatus;
  attempted: number;
  failed: number;
  /** Errors naming no row. */
  general: string[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A seller's products, searched, filtered and paged by the API (Query.sellerProducts), with bulk status changes. */
export function ProductsView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const canManage = access.can('PRODUCTS_MANAGE', sellerId);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProductStatus | ''>('');
  const [categoryId, setCategoryId] = useState('');
  const [sort, setSort] = useState<ProductSort>('UPDATED');
  const filters = {
    query: search.trim() || null,
    status: status || null,
    categoryId: categoryId || null,
    sort,
  };
  const filterKey = JSON.stringify(filters);
  const pages = useCursorPages(25, filterKey);
  const pageKey = `${filterKey}|${pages.pagination.pageIndex}|${pages.pagination.pageSize}`;

  // Selection and bulk outcomes belong to the page on screen.
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({
    key: pageKey,
    ids: new Set(),
  });
  const selected = selection.key === pageKey ? selection.ids : new Set<string>();
  const setSelected = (ids: Set<string>) => setSelection({ key: pageKey, ids });
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);

  const { data, previousData, loading, error, refetch } = useQuery(SellerProductsDocument, {
    variables: { sellerId, ...filters, ...pages.variables },
  });
  const categoryList = useAllCategories(ProductCategoryOptionsDocument).categories;
  const categories = useMemo(
    () => flattenCategories(buildCategoryTree(categoryList ?? [])),
    [categoryList],
  );
  const [bulkSetStatus, bulkState] = useMutation(ProductsBulkSetStatusDocument);
  const shown = (data ?? previousData)?.sellerProducts;

  const runBulk = async (target: ProductStatus) => {
    const ids = [...selected];
    if (ids.length === 0) return;
    const action = BULK_ACTIONS[target];
    try {
      const { data: result } = await bulkSetStatus({ variables: { ids, status: target } });
      const payload = result?.productsBulkSetStatus;
      if (!payload) return;
      const errorsById: Record<string, string> = {};
      const general: string[] = [];
      for (const e of payload.errors) {
        const match = /^(?:input\.)?ids\.(\d+)$/.exec(e.field ?? '');
        const id = match ? ids[Number(match[1])] : undefined;
        if (id) errorsById[id] = errorsById[id] ? `${errorsById[id]} ${e.message}` : e.message;
        else general.push(e.message);
      }
      setRowErrors(errorsById);
      const failedIds = Object.keys(errorsById);
      // Keep the rows that failed selected, to retry after fixing them.
      setSelected(new Set(failedIds));
      const changed = payload.products.length;
      if (payload.errors.length === 0) {
        setOutcome(null);
        toast.success(`${plural(changed, 'product')} ${action.done}.`);
        return;
      }
      setOutcome({ status: target, attempted: ids.length, failed: ids.length - changed, general });
      if (changed > 0) toast.success(`${plural(changed, 'product')} ${action.done}.`);
    } catch (thrown) {
      toast.error({ title: `The products were not ${action.done}`, error: thrown });
    }
  };

  const newProductPath = `/sellers/${encodeURIComponent(sellerId)}/products/new`;

  return (
    <>
      <PageHeader
        title="Products"
        description={`${access.seller(sellerId)?.seller.name ?? 'This seller'}’s products and the products it offers, in every status.`}
        actions={
          canManage ? (
            <Button component={Link} to={newProductPath} leftSection={<IconPlus size={16} />}>
              New product
            </Button>
          ) : null
        }
      />
      {canManage && selected.size > 0 ? (
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
              {plural(selected.size, 'product')} selected
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => void runBulk('PUBLISHED')}
                loading={bulkState.loading}
              >
                {BULK_ACTIONS.PUBLISHED.label}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => void runBulk('DRAFT')}
                disabled={bulkState.loading}
              >
                {BULK_ACTIONS.DRAFT.label}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() => setConfirmArchive(true)}
                disabled={bulkState.loading}
              >
                {BULK_ACTIONS.ARCHIVED.label}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                Clear selection
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
      {outcome ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlert />}
          role="alert"
          mb="sm"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setOutcome(null)}
          title={`${outcome.failed} of ${plural(outcome.attempted, 'product')} could not be ${BULK_ACTIONS[outcome.status].done}`}
        >
          {outcome.general.length > 0 ? (
            <List size="sm">
              {outcome.general.map((message, i) => (
                <List.Item key={i}>{message}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">The reason is shown under each product; they stay selected.</Text>
          )}
        </Alert>
      ) : null}
      {error && !shown ? (
        <ErrorState
          title="Could not load the products"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : (
        <ProductsTable
          sellerId={sellerId}
          mode="server"
          paging="cursor"
          data={shown?.edges.map((edge) => edge.node) ?? []}
          rowCount={shown?.totalCount ?? 0}
          hasNextPage={data?.sellerProducts.pageInfo.hasNextPage ?? false}
          loading={loading}
          filter={search}
          onFilterChange={setSearch}
          filterPlaceholder="Search by title, SKU or brand"
          pagination={pages.pagination}
          onPaginationChange={(next) => pages.change(next, data?.sellerProducts.pageInfo.endCursor)}
          emptyMessage={
            filters.status || filters.categoryId
              ? 'No products match these filters.'
              : 'No products yet.'
          }
          selected={selected}
          onSelectedChange={canManage ? setSelected : undefined}
          rowErrors={rowErrors}
          toolbar={
            <>
              <NativeSelect
                aria-label="Status"
                data={STATUS_OPTIONS}
                value={status}
                onChange={(event) => setStatus(event.currentTarget.value as ProductStatus | '')}
              />
              <NativeSelect
                aria-label="Category"
                data={categorySelectData(categories, 'Any category')}
                value={categoryId}
                onChange={(event) => setCategoryId(event.currentTarget.value)}
              />
              <NativeSelect
                aria-label="Sort by"
                data={SORT_OPTIONS}
                value={sort}
                onChange={(event) => setSort(event.currentTarget.value as ProductSort)}
              />
            </>
          }
        />
      )}
      <ConfirmDialog
        opened={confirmArchive}
        title={`Archive ${plural(selected.size, 'product')}?`}
        confirmLabel="Archive"
        loading={bulkState.loading}
        onConfirm={() => {
          void runBulk('ARCHIVED').finally(() => setConfirmArchive(false));
        }}
        onClose={() => setConfirmArchive(false)}
      >
        <Text size="sm">
          Archived products disappear from the storefront and from search. You can move them back to
          draft later.
        </Text>
      </ConfirmDialog>
    </>
  );
}
