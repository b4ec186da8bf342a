import { Anchor, Box, Checkbox, Group, Image, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';

import type { ProductsTable_ProductFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDate } from '../../../shared/format/date';
import { IconPackage } from '../../../shared/icons';
import { ProductStatusBadge } from './product-status-badge';

export type ProductsTableProps = Omit<
  DataTableProps<ProductsTable_ProductFragment>,
  'label' | 'columns' | 'getRowId'
> & {
  sellerId: string;
  /** Ids of the selected rows; no selection column without `onSelectedChange`. */
  selected: ReadonlySet<string>;
  onSelectedChange?: (selected: Set<string>) => void;
  /** Why the last bulk action failed for a row, by product id. */
  rowErrors: Readonly<Record<string, string>>;
};

function rowErrorId(productId: string): string {
  return `product-row-error-${productId}`;
}

/** One page of a seller's products (fragment: products-table.graphql), with row selection for bulk actions. */
export function ProductsTable({
  sellerId,
  selected,
  onSelectedChange,
  rowErrors,
  ...props
}: ProductsTableProps) {
  const rows = props.data;
  const columns = useMemo(() => {
    const editorPath = (id: string) =>
      `/sellers/${encodeURIComponent(sellerId)}/products/${encodeURIComponent(id)}`;
    const list: ColumnDef<ProductsTable_ProductFragment>[] = [];
    if (onSelectedChange) {
      const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
      const someSelected = rows.some((row) => selected.has(row.id));
      list.push({
        id: 'select',
        enableSorting: false,
        header: () => (
          <Checkbox
            aria-label="Select every product on this page"
            checked={allSelected}
            indeterminate={someSelected && !allSelected}
            disabled={rows.length === 0}
            onChange={(event) => {
              const next = new Set(selected);
              for (const row of rows) {
                if (event.currentTarget.checked) next.add(row.id);
                else next.delete(row.id);
              }
              onSelectedChange(next);
            }}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={`Select ${row.original.title}`}
            aria-describedby={rowErrors[row.original.id] ? rowErrorId(row.original.id) : undefined}
            checked={selected.has(row.original.id)}
            onChange={(event) => {
              const next = new Set(selected);
              if (event.currentTarget.checked) next.add(row.original.id);
              else next.delete(row.original.id);
              onSelectedChange(next);
            }}
          />
        ),
      });
    }
    list.push(
      {
        id: 'product',
        header: 'Product',
        enableSorting: false,
        cell: ({ row }) => {
          const product = row.original;
          const image = product.images[0];
          const error = rowErrors[product.id];
          return (
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Box
                w={40}
                h={40}
                style={{
                  flex: 'none',
                  borderRadius: 4,
                  overflow: 'hidden',
                  background: 'var(--mantine-color-default-hover)',
                  display: 'grid',
                  placeItems: 'center',
                }}
              >
                {image ? (
                  <Image src={image.image.thumb} alt="" w={40} h={40} fit="cover" loading="lazy" />
                ) : (
                  <IconPackage size={18} />
                )}
              </Box>
              <Stack gap={2} miw={0}>
                <Anchor component={Link} to={editorPath(product.id)} fw={500}>
                  {product.title || 'Untitled product'}
                </Anchor>
                {product.brand ? (
                  <Text size="xs" c="dimmed">
                    {product.brand}
                  </Text>
                ) : null}
                {error ? (
                  <Text size="xs" c="red" id={rowErrorId(product.id)} role="status">
                    {error}
                  </Text>
                ) : null}
              </Stack>
            </Group>
          );
        },
      },
      {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        cell: ({ row }) => <ProductStatusBadge status={row.original.status} />,
      },
      {
        id: 'category',
        header: 'Category',
        enableSorting: false,
        cell: ({ row }) =>
          row.original.category ? (
            row.original.category.name
          ) : (
            <Text size="sm" c="dimmed">
              None
            </Text>
          ),
      },
      {
        id: 'variants',
        header: 'Variants',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => {
          const variants = row.original.variants;
          const first = variants[0];
          return (
            <Text size="sm" title={variants.map((v) => v.sku).join(', ')}>
              {variants.length === 1 && first ? first.sku : `${variants.length} variants`}
            </Text>
          );
        },
      },
      {
        id: 'updatedAt',
        header: 'Updated',
        enableSorting: false,
        cell: ({ row }) => formatDate(row.original.updatedAt),
      },
    );
    return list;
  }, [rows, selected, onSelectedChange, rowErrors, sellerId]);

  return (
    <DataTable<ProductsTable_ProductFragment>
      label="Products"
      columns={columns}
      getRowId={(product) => product.id}
      minWidth={720}
      {...props}
    />
  );
}
