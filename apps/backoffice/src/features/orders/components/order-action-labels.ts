import type { OrderAction, OrderDetail_OrderFragment } from '../../../generated/graphql';

/** A button's words for an action; DELIVER depends on how the order reaches the customer. */
export function actionLabel(
  action: OrderAction,
  order: Pick<OrderDetail_OrderFragment, 'channel' | 'fulfilment'>,
): string {
  switch (action) {
    case 'ACCEPT':
      return 'Accept';
    case 'PACK':
      return 'Mark packed';
    case 'SHIP':
      return 'Ship';
    case 'DELIVER':
      if (order.channel === 'OFFLINE') return 'Hand over';
      return order.fulfilment === 'PICKUP' ? 'Mark collected' : 'Mark delivered';
    case 'COMPLETE':
      return 'Complete';
    case 'MARK_PAID':
      return 'Mark paid';
    case 'REFUND':
      return 'Refund';
    case 'CANCEL':
      return 'Cancel order';
  }
}
