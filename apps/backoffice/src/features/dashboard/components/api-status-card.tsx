import { Badge, Card, DataList, Group, Title } from '@mantine/core';

import type { ApiStatusCard_ApiStatusFragment } from '../../../generated/graphql';

/** The API's health as reported by the API itself (fragment: api-status-card.graphql). */
export function ApiStatusCard({ apiStatus }: { apiStatus: ApiStatusCard_ApiStatusFragment }) {
  const up = apiStatus.database;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="api-status-title">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} size="h4" id="api-status-title">
          API status
        </Title>
        <Badge color={up ? 'teal' : 'red'} variant="light" size="lg">
          {up ? 'Operational' : 'Degraded'}
        </Badge>
      </Group>
      <DataList withDivider labelWidth="8rem">
        <DataList.Item>
          <DataList.ItemLabel>Database</DataList.ItemLabel>
          <DataList.ItemValue>
            <Badge color={up ? 'teal' : 'red'} variant="dot">
              {up ? 'Up' : 'Down'}
            </Badge>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>API version</DataList.ItemLabel>
          <DataList.ItemValue>{apiStatus.version}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}
