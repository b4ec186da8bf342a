// The order state machine: the one table of allowed moves. Every move is a
// conditional UPDATE (order-transitions.ts), so a lost race is detected.
import type { Fulfilment, OrderStatus, SalesChannel } from '@bazaar/db';

export const ORDER_MOVES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PLACED: ['PAID', 'CANCELLED'],
  PAID: ['ACCEPTED', 'DELIVERED', 'CANCELLED'],
  ACCEPTED: ['PACKED', 'CANCELLED'],
  PACKED: ['SHIPPED', 'DELIVERED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

export interface OrderShape {
  status: OrderStatus;
  fulfilment: Fulfilment;
  channel: SalesChannel;
}

/** True when `order` may move to `to` now (the table plus its per-order conditions). */
export function canMove(order: OrderShape, to: OrderStatus): boolean {
  if (!ORDER_MOVES[order.status].includes(to)) return false;
  // A counter sale is handed over at once; online orders are accepted first.
  if (order.status === 'PAID' && to === 'DELIVERED') return order.channel === 'OFFLINE';
  if (order.status === 'PACKED' && to === 'SHIPPED') return order.fulfilment === 'DELIVERY';
  // A packed pick-up order is delivered when the customer collects it.
  if (order.status === 'PACKED' && to === 'DELIVERED') return order.fulfilment === 'PICKUP';
  return true;
}

/** Statuses from which `to` can be reached (used as the UPDATE's guard). */
export function movesInto(to: OrderStatus): OrderStatus[] {
  return (Object.keys(ORDER_MOVES) as OrderStatus[]).filter((from) =>
    ORDER_MOVES[from].includes(to),
  );
}

/** Paid, or further along (the money has been taken). */
export const PAID_STATUSES: readonly OrderStatus[] = [
  'PAID',
  'ACCEPTED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
];
