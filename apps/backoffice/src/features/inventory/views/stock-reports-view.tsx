import { Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';

import { useAccess } from '../../../shared/access/use-access';
import { PageHeader } from '../../../shared/layout/page-header';
import { StockReportTable } from '../components/stock-report-table';

/** Stock that needs attention: below zero after offline sales, or running low. */
export function StockReportsView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const tab = params.get('report') === 'low' ? 'low' : 'negative';
  return (
    <>
      <PageHeader
        title="Stock reports"
        description={`${access.seller(sellerId)?.seller.name ?? 'This seller'}’s stock that needs a count or a delivery.`}
      />
      <Tabs
        value={tab}
        onChange={(next) => {
          const search = new URLSearchParams(params);
          search.set('report', next ?? 'negative');
          setParams(search, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="negative">Negative stock</Tabs.Tab>
          <Tabs.Tab value="low">Low stock</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="negative">
          <Text size="sm" c="dimmed" mb="sm">
            On hand below zero: more was sold offline than the count said. Count the shelf and
            correct it.
          </Text>
          <StockReportTable sellerId={sellerId} kind="NEGATIVE" />
        </Tabs.Panel>
        <Tabs.Panel value="low">
          <Text size="sm" c="dimmed" mb="sm">
            Available at or below the offer’s low-stock threshold.
          </Text>
          <StockReportTable sellerId={sellerId} kind="LOW" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
