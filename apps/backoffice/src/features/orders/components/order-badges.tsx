import { Badge } from '@mantine/core';

import type { OrderStatus } from '../../../generated/graphql';
import { ORDER_STATUS_LABELS, STATUS_COLORS } from './order-labels';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    // Filled with auto-contrast text: light badges in yellow or cyan fail WCAG AA contrast.
    <Badge variant="filled" autoContrast color={STATUS_COLORS[status]}>
      {ORDER_STATUS_LABELS[status]}
    </Badge>
  );
}

export function PaidBadge({ paid }: { paid: boolean }) {
  return (
    <Badge variant="dot" color={paid ? 'teal' : 'orange'}>
      {paid ? 'Paid' : 'Unpaid'}
    </Badge>
  );
}
