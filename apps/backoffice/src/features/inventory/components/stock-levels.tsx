import { useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';

import {
  OfferStockDocument,
  StockLocationsDocument,
  type StockLevels_LevelFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { formatDateTime } from '../../../shared/format/date';
import { IconPlus } from '../../../shared/icons';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { LocationKindBadge } from './location-kind-badge';
import { StockAdjustModal } from './stock-adjust-modal';
import { StockMovements } from './stock-movements';

/**
 * An offer's stock at each location (on hand, reserved, available), with
 * adjustments and each level's movement ledger.
 */
export function StockLevels({ sellerId, offerId }: { sellerId: string; offerId: string }) {
  const access = useAccess();
  const canAdjust = access.can('INVENTORY_MANAGE', sellerId);
  const { data, error, refetch } = useQuery(OfferStockDocument, {
    variables: { id: offerId },
    fetchPolicy: 'cache-and-network',
  });
  const { data: locationData } = useQuery(StockLocationsDocument, { skip: !canAdjust });
  const [adjusting, setAdjusting] = useState<{ locationId: string | null; title: string } | null>(
    null,
  );
  const [ledgerOf, setLedgerOf] = useState<StockLevels_LevelFragment | null>(null);

  if (error && !data) {
    return (
      <ErrorState
        title="Could not load the stock"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={1} label="Loading the stock" />;
  const offer = data.offer;
  if (!offer) return <Text c="dimmed">This offer does not exist.</Text>;
  const levels = offer.stockLevels;
  const sellerLocations =
    locationData?.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller
      .stockLocations ?? [];
  const withLevel = new Set(levels.map((level) => level.location.id));
  const otherLocations = sellerLocations.filter((location) => !withLevel.has(location.id));
  const adjustable = adjusting?.locationId
    ? levels
        .filter((level) => level.location.id === adjusting.locationId)
        .map((level) => level.location)
    : otherLocations;

  return (
    <Stack gap="lg">
      {levels.length === 0 ? (
        <Text c="dimmed" size="sm">
          No stock recorded at any location yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table aria-label="Stock per location" striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Location</Table.Th>
                <Table.Th ta="right">On hand</Table.Th>
                <Table.Th ta="right">Reserved</Table.Th>
                <Table.Th ta="right">Available</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((level) => (
                <Table.Tr key={level.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {level.location.name}
                      </Text>
                      <LocationKindBadge kind={level.location.kind} />
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{level.onHand}</Table.Td>
                  <Table.Td ta="right">{level.reserved}</Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={500} c={level.available < 0 ? 'red' : undefined}>
                      {level.available}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {level.available < 0 ? (
                        <Badge color="red" variant="light" size="sm">
                          Negative
                        </Badge>
                      ) : level.low ? (
                        <Badge color="yellow" variant="light" size="sm">
                          Low
                        </Badge>
                      ) : null}
                      {level.backorder ? (
                        <Badge color="orange" variant="outline" size="sm">
                          Backorder
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(level.updatedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {canAdjust ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={`Adjust stock at ${level.location.name}`}
                          onClick={() =>
                            setAdjusting({
                              locationId: level.location.id,
                              title: `Adjust stock at ${level.location.name}`,
                            })
                          }
                        >
                          Adjust
                        </Button>
                      ) : null}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-pressed={ledgerOf?.id === level.id}
                        aria-label={`Movements at ${level.location.name}`}
                        onClick={() => setLedgerOf(ledgerOf?.id === level.id ? null : level)}
                      >
                        Movements
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAdjust && otherLocations.length > 0 ? (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdjusting({ locationId: null, title: 'Stock at another location' })}
          >
            Stock at another location
          </Button>
        </Group>
      ) : null}
      {ledgerOf ? (
        <Card withBorder padding="md" component="section" aria-labelledby="ledger-title">
          <Title order={3} size="h5" mb="sm" id="ledger-title">
            Movements at {ledgerOf.location.name}
          </Title>
          <StockMovements
            stockLevelId={ledgerOf.id}
            label={`Movements at ${ledgerOf.location.name}`}
          />
        </Card>
      ) : null}
      {canAdjust ? (
        <StockAdjustModal
          opened={adjusting !== null}
          onClose={() => setAdjusting(null)}
          offerId={offerId}
          locations={adjustable}
          locationId={adjusting?.locationId ?? null}
          title={adjusting?.title ?? 'Adjust stock'}
        />
      ) : null}
    </Stack>
  );
}
