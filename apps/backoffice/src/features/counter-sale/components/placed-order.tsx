import { useFragment } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

import {
  OrderDetail_OrderFragmentDoc,
  type OrderDetail_OrderFragment,
} from '../../../generated/graphql';
import { OrderActions } from '../../orders/components/order-actions';
import { OrderStatusBadge, PaidBadge } from '../../orders/components/order-badges';
import { orderPath } from '../../orders/components/order-labels';

/**
 * The order a counter sale created: take the money ("Mark paid"), then hand
 * the goods over ("Hand over"). Watches the order in the cache, so each action
 * updates it here.
 */
export function PlacedOrder({
  placed,
  onNewSale,
}: {
  placed: OrderDetail_OrderFragment;
  onNewSale: () => void;
}) {
  const { data, complete } = useFragment({
    fragment: OrderDetail_OrderFragmentDoc,
    from: placed,
  });
  const order = complete ? data : placed;
  const done = order.status === 'DELIVERED' || order.status === 'COMPLETED';

  return (
    <Alert
      color={done ? 'teal' : 'blue'}
      variant="light"
      title={`Order #${order.number} placed`}
      role="status"
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm">
            Total <strong>{order.total.formatted}</strong>
          </Text>
          <OrderStatusBadge status={order.status} />
          <PaidBadge paid={order.paid} />
        </Group>
        <Text size="sm">
          {!order.paid
            ? 'Take the payment, then mark the order paid.'
            : done
              ? 'Paid and handed over. Done.'
              : 'Paid: hand the items over to the customer.'}
        </Text>
        <OrderActions order={order} only={['MARK_PAID', 'DELIVER']} />
        <Group gap="sm">
          <Anchor component={Link} to={orderPath(order.seller.id, order.id)} size="sm">
            Open the order
          </Anchor>
          <Button variant="default" size="xs" onClick={onNewSale}>
            New sale
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
