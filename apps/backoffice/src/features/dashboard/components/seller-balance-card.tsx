import { useQuery } from '@apollo/client/react';
import { Card, DataList, Skeleton, Text, Title } from '@mantine/core';

import { SellerBalanceDocument } from '../../../generated/graphql';

/**
 * The seller's money: in escrow until its orders complete, then available.
 * Its own query, so a failure here leaves the rest of the dashboard alone.
 */
export function SellerBalanceCard({
  sellerId,
  sellerName,
}: {
  sellerId: string;
  sellerName: string;
}) {
  const { data, error } = useQuery(SellerBalanceDocument, {
    variables: { sellerId },
    fetchPolicy: 'cache-and-network',
  });
  const balances = data?.sellerBalance;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="seller-balance-title">
      <Title order={2} size="h4" id="seller-balance-title" mb="md">
        {sellerName} balance
      </Title>
      {error && !balances ? (
        <Text size="sm" c="red">
          The balance could not be loaded: {error.message}
        </Text>
      ) : !balances ? (
        <Skeleton height={60} />
      ) : balances.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet: paid orders appear here in escrow, then as available once completed.
        </Text>
      ) : (
        <DataList withDivider labelWidth="8rem">
          {balances.flatMap((balance) => [
            <DataList.Item key={`${balance.currency}-escrow`}>
              <DataList.ItemLabel>In escrow</DataList.ItemLabel>
              <DataList.ItemValue>{balance.escrow.formatted}</DataList.ItemValue>
            </DataList.Item>,
            <DataList.Item key={`${balance.currency}-available`}>
              <DataList.ItemLabel>Available</DataList.ItemLabel>
              <DataList.ItemValue>{balance.available.formatted}</DataList.ItemValue>
            </DataList.Item>,
          ])}
        </DataList>
      )}
    </Card>
  );
}
