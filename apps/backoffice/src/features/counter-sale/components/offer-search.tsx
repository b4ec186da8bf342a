import { useQuery } from '@apollo/client/react';
import { Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

import {
  CounterSaleOffersDocument,
  type CounterOffer_OfferFragment,
} from '../../../generated/graphql';
import { IconPlus, IconSearch } from '../../../shared/icons';
import { storeStock } from '../counter-sale-values';

/** Finds the seller's active offers by title or SKU and shows the chosen store's stock of each. */
export function OfferSearch({
  sellerId,
  storeId,
  onAdd,
}: {
  sellerId: string;
  storeId: string;
  onAdd: (offer: CounterOffer_OfferFragment) => void;
}) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, loading, error } = useQuery(CounterSaleOffersDocument, {
    variables: { sellerId, query: query || null },
    skip: query.length < 2,
  });
  const offers = query.length < 2 ? [] : ((data ?? previousData)?.sellerOffers.edges ?? []);

  return (
    <Stack gap="xs">
      <TextInput
        label="Find an item"
        placeholder="Title or SKU"
        leftSection={<IconSearch size={16} />}
        rightSection={loading ? <Loader size="xs" /> : null}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {error ? (
        <Text size="sm" c="red">
          The offers could not be searched: {error.message}
        </Text>
      ) : null}
      {offers.length > 0 ? (
        <Table aria-label="Matching offers" verticalSpacing={4} highlightOnHover>
          <Table.Tbody>
            {offers.map(({ node: offer }) => {
              const stock = storeId ? storeStock(offer, storeId) : null;
              const title = offer.variant.title || offer.product.title;
              // Only published products are sold, at the counter as online.
              const onSale = offer.product.status === 'PUBLISHED';
              return (
                <Table.Tr key={offer.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      SKU {offer.variant.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>{offer.price.formatted}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={stock !== null && stock > 0 ? undefined : 'orange'}>
                      {storeId
                        ? stock === null
                          ? 'None in this store'
                          : `${stock} in this store`
                        : 'Choose a store'}
                    </Text>
                    {onSale ? null : (
                      <Text size="xs" c="dimmed">
                        Not on sale: the product is not published
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} />}
                        aria-label={`Add ${title}`}
                        disabled={!onSale}
                        onClick={() => onAdd(offer)}
                      >
                        Add
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : query.length >= 2 && data ? (
        <Text size="sm" c="dimmed">
          No active offer matches “{query}”.
        </Text>
      ) : null}
    </Stack>
  );
}
