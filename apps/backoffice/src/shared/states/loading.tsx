import { Card, Center, Group, Loader, SimpleGrid, Skeleton, Stack } from '@mantine/core';

/** While the first route module downloads, before the shell exists. */
export function FullPageLoader() {
  return (
    <Center h="100dvh">
      <Loader aria-label="Loading the back-office" />
    </Center>
  );
}

/** Placeholder for a grid of cards while their query runs; keeps the layout from jumping. */
export function CardGridSkeleton({
  cards = 2,
  label = 'Loading',
}: {
  cards?: number;
  label?: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: cards }, (_, i) => (
        <Card key={i} withBorder padding="lg">
          <Stack gap="sm">
            <Group justify="space-between">
              <Skeleton height={16} width="40%" />
              <Skeleton height={20} width={72} radius="xl" />
            </Group>
            <Skeleton height={12} width="70%" />
            <Skeleton height={12} width="55%" />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
