import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';

import { DashboardDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { IconRefresh } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { ApiStatusCard } from '../components/api-status-card';
import { ShopCard } from '../components/shop-card';

/** `sellerCards`: cards of the current seller, when the viewer works for one. */
export function DashboardView({ sellerCards }: { sellerCards?: ReactNode } = {}) {
  // Always ask the API: a status page must not answer from the cache.
  const { data, error, refetch, networkStatus } = useQuery(DashboardDocument, {
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const refreshing = networkStatus === NetworkStatus.refetch;

  const refresh = () => {
    refetch().then(
      (result) => {
        if (!result.error) toast.success({ message: 'Status refreshed.' });
      },
      // The query's own error state shows the failure.
      () => undefined,
    );
  };

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Live state of the marketplace, as reported by the API."
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={refreshing}
            onClick={refresh}
          >
            Refresh
          </Button>
        }
      />
      {error ? (
        <ErrorState
          title="Could not load the dashboard"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
          retrying={refreshing}
        />
      ) : !data ? (
        <CardGridSkeleton cards={2} label="Loading the dashboard" />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ApiStatusCard apiStatus={data.apiStatus} />
          <ShopCard shop={data.shop} />
          {sellerCards}
        </SimpleGrid>
      )}
    </>
  );
}
