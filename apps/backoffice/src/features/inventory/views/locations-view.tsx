import { useQuery } from '@apollo/client/react';
import { Button, Card, EmptyState, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

import { StockLocationsDocument } from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { IconMapPin, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { NotAllowedState } from '../../../shared/states/not-allowed';
import { CreateLocationModal } from '../components/create-location-modal';
import { LocationKindBadge } from '../components/location-kind-badge';

/** Where the seller keeps stock: its warehouses and its stores. */
export function LocationsView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const canManage = access.can('INVENTORY_MANAGE', sellerId);
  const { data, error, refetch } = useQuery(StockLocationsDocument);
  const [creating, { open, close }] = useDisclosure(false);

  if (error && !data) {
    return (
      <ErrorState
        title="Could not load the stock locations"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={1} label="Loading the stock locations" />;
  const seller = data.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller;
  if (!seller) return <NotAllowedState />;
  const locations = [...seller.stockLocations].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );

  return (
    <>
      <PageHeader
        title="Stock locations"
        description={`Where ${seller.name} keeps stock. Each store is a location; add warehouses for stock that no store holds.`}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Add warehouse
            </Button>
          ) : null
        }
      />
      {locations.length === 0 ? (
        <EmptyState mt="xl" withIndicatorBackground>
          <EmptyState.Indicator>
            <IconMapPin size={28} />
          </EmptyState.Indicator>
          <EmptyState.Title order={2}>No stock locations yet</EmptyState.Title>
          <EmptyState.Description>
            Add a warehouse, or a store (under Stores), to keep stock there.
          </EmptyState.Description>
        </EmptyState>
      ) : (
        <Card withBorder padding="lg">
          <Table.ScrollContainer minWidth={420} type="native">
            <Table aria-label="Stock locations" striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Store</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {locations.map((location) => (
                  <Table.Tr key={location.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {location.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LocationKindBadge kind={location.kind} />
                    </Table.Td>
                    <Table.Td>
                      {location.store ? (
                        `${location.store.name}, ${location.store.city}`
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {canManage ? (
        <CreateLocationModal opened={creating} onClose={close} sellerId={sellerId} />
      ) : null}
    </>
  );
}
