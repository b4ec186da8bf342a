import { ActionIcon, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import type { CounterOffer_OfferFragment } from '../../../generated/graphql';
import { IconTrash } from '../../../shared/icons';
import { formatMinor } from '../../offers/money';
import { storeStock, type CounterSaleValues } from '../counter-sale-values';

/** The sale's lines: quantity per item, the store's stock, line totals and the sum. */
export function SaleLines({
  form,
  offers,
}: {
  form: UseFormReturnType<CounterSaleValues>;
  offers: ReadonlyMap<string, CounterOffer_OfferFragment>;
}) {
  const { lines, storeId } = form.values;
  const currency = lines.map((l) => offers.get(l.offerId)?.price.currency).find(Boolean) ?? 'EUR';
  const sum = lines.reduce(
    (total, line) =>
      total + (offers.get(line.offerId)?.price.amount ?? 0) * (Number(line.quantity) || 0),
    0,
  );
  const rows = lines.map((line, i) => {
    const offer = offers.get(line.offerId);
    const title = offer ? offer.variant.title || offer.product.title : line.offerId;
    const quantity = Number(line.quantity) || 0;
    const total = (offer?.price.amount ?? 0) * quantity;
    const stock = offer && storeId ? storeStock(offer, storeId) : null;
    const offerError = form.errors[`lines.${i}.offerId`];
    return (
      <Table.Tr key={line.offerId}>
        <Table.Td>
          <Text size="sm" fw={500}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            SKU {offer?.variant.sku} · {stock === null ? 'none' : stock} in this store
          </Text>
          {offerError ? (
            <Text size="xs" c="red" role="alert">
              {offerError}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>{offer?.price.formatted}</Table.Td>
        <Table.Td w={110}>
          <TextInput
            aria-label={`Quantity of ${title}`}
            inputMode="numeric"
            {...form.getInputProps(`lines.${i}.quantity`)}
          />
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>{formatMinor(total, currency)}</Table.Td>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove ${title}`}
            onClick={() => form.removeListItem('lines', i)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Table.Td>
      </Table.Tr>
    );
  });

  return (
    <>
      <Table aria-label="Sale lines" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Price</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Total</Table.Th>
            <Table.Th>
              <VisuallyHidden>Remove</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length > 0 ? (
            rows
          ) : (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">
                  No items yet: find them above.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {rows.length > 0 ? (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td colSpan={3} style={{ textAlign: 'right' }}>
                <Text size="sm" fw={700}>
                  Items
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Text size="sm" fw={700}>
                  {formatMinor(sum, currency)}
                </Text>
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
      {form.errors['lines'] ? (
        <Text size="sm" c="red" role="alert">
          {form.errors['lines']}
        </Text>
      ) : null}
    </>
  );
}
