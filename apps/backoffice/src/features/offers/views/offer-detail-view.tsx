import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, EmptyState, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { OfferDetailDocument, OfferUpdateDocument } from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconArrowLeft, IconPackage } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { StockLevels } from '../../inventory/components/stock-levels';
import { OfferStatusBadge, StockStatusBadge } from '../components/offer-badges';
import { OfferForm } from '../components/offer-form';
import { PriceHistory } from '../components/price-history';
import { PriceSchedules } from '../components/price-schedules';

const TABS = ['offer', 'schedules', 'history', 'stock'] as const;
type Tab = (typeof TABS)[number];

/** One offer: its fields, scheduled prices, price history and stock per location. */
export function OfferDetailView({ sellerId, offerId }: { sellerId: string; offerId: string }) {
  const access = useAccess();
  const canManage = access.can('OFFERS_MANAGE', sellerId);
  const canSeeStock =
    access.can('INVENTORY_READ', sellerId) || access.can('INVENTORY_MANAGE', sellerId);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'offer';
  const { data, error, refetch } = useQuery(OfferDetailDocument, { variables: { id: offerId } });
  const [offerUpdate, { loading: updating }] = useMutation(OfferUpdateDocument);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const listPath = `/sellers/${encodeURIComponent(sellerId)}/offers`;

  if (error && !data) {
    return (
      <ErrorState
        title="Could not load the offer"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={2} label="Loading the offer" />;
  const offer = data.offer;
  if (!offer || offer.seller.id !== sellerId) {
    return (
      <EmptyState mt="xl" withIndicatorBackground>
        <EmptyState.Indicator>
          <IconPackage size={28} />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>Offer not found</EmptyState.Title>
        <EmptyState.Description>
          It does not exist, or it belongs to another seller.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to={listPath}>
            Back to the offers
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }

  const setStatus = async (status: 'ACTIVE' | 'INACTIVE') => {
    try {
      const { data: result } = await offerUpdate({
        variables: { id: offer.id, input: { status } },
      });
      const errors = result?.offerUpdate.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title:
            status === 'ACTIVE' ? 'The offer was not reactivated' : 'The offer was not withdrawn',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(status === 'ACTIVE' ? 'Offer reactivated.' : 'Offer withdrawn.');
      setConfirmWithdraw(false);
    } catch (thrown) {
      toast.error({ title: 'The offer was not changed', error: thrown });
    }
  };

  const selectTab = (next: string | null) => {
    const search = new URLSearchParams(params);
    if (!next || next === 'offer') search.delete('tab');
    else search.set('tab', next);
    setParams(search, { replace: true });
  };

  return (
    <>
      <Anchor
        component={Link}
        to={listPath}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> Offers
      </Anchor>
      <PageHeader
        title={offer.variant.title || offer.product.title}
        description={
          <>
            SKU {offer.variant.sku}
            {offer.variant.barcode ? ` · barcode ${offer.variant.barcode}` : ''} ·{' '}
            <Anchor
              component={Link}
              size="sm"
              to={`/sellers/${encodeURIComponent(sellerId)}/products/${encodeURIComponent(offer.product.id)}`}
            >
              {offer.product.title}
            </Anchor>
          </>
        }
        actions={
          canManage ? (
            offer.status === 'ACTIVE' ? (
              <Button variant="default" color="red" onClick={() => setConfirmWithdraw(true)}>
                Withdraw offer
              </Button>
            ) : (
              <Button loading={updating} onClick={() => void setStatus('ACTIVE')}>
                Reactivate offer
              </Button>
            )
          ) : null
        }
      />
      <Group gap="xs" mb="md">
        <OfferStatusBadge status={offer.status} />
        <StockStatusBadge status={offer.stockStatus} />
        <Text size="sm" c="dimmed">
          {offer.price.formatted} · {offer.availableQuantity} available
        </Text>
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="offer">Offer</Tabs.Tab>
          <Tabs.Tab value="schedules">Price schedules</Tabs.Tab>
          <Tabs.Tab value="history">Price history</Tabs.Tab>
          {canSeeStock ? <Tabs.Tab value="stock">Stock</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="offer">
          <Card withBorder padding="lg">
            <OfferForm key={offer.updatedAt} offer={offer} canManage={canManage} />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="schedules">
          <Card withBorder padding="lg">
            <PriceSchedules
              offerId={offer.id}
              currency={offer.price.currency}
              schedules={offer.priceSchedules}
              canManage={canManage}
            />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <Card withBorder padding="lg">
            <PriceHistory offerId={offer.id} />
          </Card>
        </Tabs.Panel>
        {canSeeStock ? (
          <Tabs.Panel value="stock">
            <Card withBorder padding="lg">
              <Stack gap="md">
                <StockLevels sellerId={sellerId} offerId={offer.id} />
              </Stack>
            </Card>
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <ConfirmDialog
        opened={confirmWithdraw}
        title="Withdraw this offer?"
        confirmLabel="Withdraw offer"
        loading={updating}
        onConfirm={() => void setStatus('INACTIVE')}
        onClose={() => setConfirmWithdraw(false)}
      >
        <Text size="sm">
          Shoppers can no longer buy it and it leaves the product page. Its stock and prices stay;
          you can reactivate it later.
        </Text>
      </ConfirmDialog>
    </>
  );
}
