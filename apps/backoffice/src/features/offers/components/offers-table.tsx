import { Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';

import type { OffersTable_OfferFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDate } from '../../../shared/format/date';
import { OfferStatusBadge, StockStatusBadge } from './offer-badges';
import { CONDITION_LABELS, offerPath } from './offer-labels';

export type OffersTableProps = Omit<
  DataTableProps<OffersTable_OfferFragment>,
  'label' | 'columns' | 'getRowId'
> & {
  sellerId: string;
  /** Ids of the selected offers; no selection column without `onSelectedChange`. */
  selected: ReadonlySet<string>;
  onSelectedChange?: (selected: Map<string, OffersTable_OfferFragment>) => void;
  selectedOffers: ReadonlyMap<string, OffersTable_OfferFragment>;
  /** Why the last bulk price edit refused an offer, by offer id. */
  rowErrors: Readonly<Record<string, string>>;
};

function offerRowErrorId(offerId: string): string {
  return `offer-row-error-${offerId}`;
}

/** One page of a seller's offers (fragment: offers-table.graphql), with row selection for bulk price edits. */
export function OffersTable({
  sellerId,
  selected,
  selectedOffers,
  onSelectedChange,
  rowErrors,
  ...props
}: OffersTableProps) {
  const rows = props.data;
  const columns = useMemo(() => {
    const list: ColumnDef<OffersTable_OfferFragment>[] = [];
    if (onSelectedChange) {
      const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
      const someSelected = rows.some((row) => selected.has(row.id));
      list.push({
        id: 'select',
        enableSorting: false,
        header: () => (
          <Checkbox
            aria-label="Select every offer on this page"
            checked={allSelected}
            indeterminate={someSelected && !allSelected}
            disabled={rows.length === 0}
            onChange={(event) => {
              const next = new Map(selectedOffers);
              for (const row of rows) {
                if (event.currentTarget.checked) next.set(row.id, row);
                else next.delete(row.id);
              }
              onSelectedChange(next);
            }}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={`Select ${row.original.variant.sku}`}
            aria-describedby={
              rowErrors[row.original.id] ? offerRowErrorId(row.original.id) : undefined
            }
            checked={selected.has(row.original.id)}
            onChange={(event) => {
              const next = new Map(selectedOffers);
              if (event.currentTarget.checked) next.set(row.original.id, row.original);
              else next.delete(row.original.id);
              onSelectedChange(next);
            }}
          />
        ),
      });
    }
    list.push(
      {
        id: 'offer',
        header: 'Offer',
        accessorFn: (offer) => `${offer.variant.title} ${offer.variant.sku}`,
        enableSorting: false,
        cell: ({ row }) => {
          const offer = row.original;
          const error = rowErrors[offer.id];
          return (
            <Stack gap={2} miw={0}>
              <Anchor component={Link} to={offerPath(sellerId, offer.id)} fw={500}>
                {offer.variant.title || offer.product.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                SKU {offer.variant.sku} · {CONDITION_LABELS[offer.condition]}
              </Text>
              {error ? (
                <Text size="xs" c="red" id={offerRowErrorId(offer.id)} role="status">
                  {error}
                </Text>
              ) : null}
            </Stack>
          );
        },
      },
      {
        id: 'price',
        header: 'Price',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Stack gap={0} align="flex-end">
            <Text size="sm" fw={500}>
              {row.original.price.formatted}
            </Text>
            {row.original.compareAtPrice ? (
              <Text size="xs" c="dimmed" td="line-through">
                {row.original.compareAtPrice.formatted}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'stock',
        header: 'Stock',
        enableSorting: false,
        cell: ({ row }) => (
          <Stack gap={2}>
            <StockStatusBadge status={row.original.stockStatus} />
            <Text size="xs" c="dimmed">
              {row.original.availableQuantity} available
            </Text>
          </Stack>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        cell: ({ row }) => <OfferStatusBadge status={row.original.status} />,
      },
      {
        id: 'updatedAt',
        header: 'Updated',
        enableSorting: false,
        cell: ({ row }) => formatDate(row.original.updatedAt),
      },
    );
    return list;
  }, [rows, selected, selectedOffers, onSelectedChange, rowErrors, sellerId]);

  return (
    <DataTable<OffersTable_OfferFragment>
      label="Offers"
      columns={columns}
      getRowId={(offer) => offer.id}
      minWidth={720}
      {...props}
    />
  );
}
