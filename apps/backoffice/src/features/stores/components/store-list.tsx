import { ActionIcon, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';

import type { StoreList_StoreFragment } from '../../../generated/graphql';
import { IconPencil, IconTrash } from '../../../shared/icons';
import { summariseHours } from './weekdays';

/** A seller's stores as cards (fragment: store-list.graphql). */
export function StoreList({
  stores,
  onEdit,
  onDelete,
}: {
  stores: readonly StoreList_StoreFragment[];
  /** Absent without STORES_MANAGE. */
  onEdit?: (store: StoreList_StoreFragment) => void;
  onDelete?: (store: StoreList_StoreFragment) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {stores.map((store) => (
        <Card key={store.id} withBorder padding="lg" component="article" aria-label={store.name}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
            <Title order={2} size="h5">
              {store.name}
            </Title>
            {onEdit || onDelete ? (
              <Group gap={4} wrap="nowrap">
                {onEdit ? (
                  <Tooltip label="Edit">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Edit ${store.name}`}
                      onClick={() => onEdit(store)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
                {onDelete ? (
                  <Tooltip label="Delete">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${store.name}`}
                      onClick={() => onDelete(store)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
            ) : null}
          </Group>
          <Stack gap={4}>
            <Text size="sm">
              {store.line1}
              {store.line2 ? `, ${store.line2}` : ''}
            </Text>
            <Text size="sm">
              {store.postalCode} {store.city}
              {store.region ? `, ${store.region}` : ''} · {store.country}
            </Text>
            {store.latitude != null && store.longitude != null ? (
              <Text size="xs" c="dimmed">
                {store.latitude.toFixed(5)}, {store.longitude.toFixed(5)}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={4}>
              {summariseHours(store.openingHours)}
            </Text>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
