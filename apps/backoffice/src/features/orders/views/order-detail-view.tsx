import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { OrderDetailDocument, type OrderDetail_OrderFragment } from '../../../generated/graphql';
import { formatDateTime } from '../../../shared/format/date';
import { IconArrowLeft } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { NotFoundPage } from '../../../shared/states/not-found-page';
import { OrderActions } from '../components/order-actions';
import { OrderStatusBadge, PaidBadge } from '../components/order-badges';
import {
  CHANNEL_LABELS,
  FULFILMENT_LABELS,
  PAYMENT_METHOD_LABELS,
  REFUND_STATUS_LABELS,
} from '../components/order-labels';
import { OrderLines } from '../components/order-lines';
import { OrderTimeline } from '../components/order-timeline';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Customer({ order }: { order: OrderDetail_OrderFragment }) {
  const customer = order.customer;
  if (!customer?.name && !customer?.email) return <Text size="sm">Walk-in customer</Text>;
  return (
    <Stack gap={2}>
      {customer.name ? <Text size="sm">{customer.name}</Text> : null}
      {customer.email ? (
        <Anchor size="sm" href={`mailto:${customer.email}`}>
          {customer.email}
        </Anchor>
      ) : null}
    </Stack>
  );
}

function Fulfilment({ order }: { order: OrderDetail_OrderFragment }) {
  const address = order.shippingAddress;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {FULFILMENT_LABELS[order.fulfilment]}
        {order.shippingMethodName ? ` · ${order.shippingMethodName}` : ''}
      </Text>
      {order.pickupStore ? (
        <Text size="sm">
          Pick-up at {order.pickupStore.name}, {order.pickupStore.city}
        </Text>
      ) : null}
      {address ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {[
            address.recipient,
            address.line1,
            address.line2,
            `${address.postalCode} ${address.city}${address.region ? `, ${address.region}` : ''}`,
            address.country,
          ]
            .filter(Boolean)
            .join('\n')}
        </Text>
      ) : null}
      {order.carrier || order.trackingNumber ? (
        <Text size="sm">
          {order.carrier} · tracking <strong>{order.trackingNumber}</strong>
        </Text>
      ) : null}
    </Stack>
  );
}

function Payment({ order }: { order: OrderDetail_OrderFragment }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">{PAYMENT_METHOD_LABELS[order.paymentMethod]}</Text>
        <PaidBadge paid={order.paid} />
      </Group>
      {!order.paid && order.paymentDueAt && order.status === 'PLACED' ? (
        <Text size="xs" c="dimmed">
          Cancelled unless paid by {formatDateTime(order.paymentDueAt)}
        </Text>
      ) : null}
      {order.refunds.length > 0 ? (
        <Table aria-label="Refunds" verticalSpacing={4}>
          <Table.Tbody>
            {order.refunds.map((refund) => (
              <Table.Tr key={refund.id}>
                <Table.Td>{formatDateTime(refund.createdAt)}</Table.Td>
                <Table.Td>{refund.reason ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={refund.status === 'FAILED' ? 'red' : 'gray'}>
                    {REFUND_STATUS_LABELS[refund.status]}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{refund.amount.formatted}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** One order: lines, totals, customer, delivery, payment and refunds, history, and what can be done now. */
export function OrderDetailView({ sellerId, orderId }: { sellerId: string; orderId: string }) {
  const { data, error, refetch } = useQuery(OrderDetailDocument, {
    variables: { id: orderId },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) {
    return (
      <ErrorState
        title="Could not load the order"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={3} label="Loading the order" />;
  const order = data.order;
  if (!order || order.seller.id !== sellerId) return <NotFoundPage />;

  return (
    <>
      <Anchor
        component={Link}
        to={`/sellers/${encodeURIComponent(sellerId)}/orders`}
        size="sm"
        mb="xs"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> Orders
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm">
            <span>Order #{order.number}</span>
            <OrderStatusBadge status={order.status} />
          </Group>
        }
        description={`Placed ${formatDateTime(order.placedAt)} · ${CHANNEL_LABELS[order.channel]}`}
      />
      <Stack gap="md">
        <OrderActions order={order} />
        {order.status === 'CANCELLED' && order.cancelReason ? (
          <Text size="sm" c="red">
            Cancelled: {order.cancelReason}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Section title="Customer">
            <Customer order={order} />
          </Section>
          <Section title="Delivery">
            <Fulfilment order={order} />
          </Section>
          <Section title="Payment">
            <Payment order={order} />
          </Section>
        </SimpleGrid>
        <Section title="Items">
          <OrderLines order={order} />
        </Section>
        <Section title="History">
          <OrderTimeline transitions={order.transitions} />
        </Section>
      </Stack>
    </>
  );
}
