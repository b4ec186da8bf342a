import type {
  Fulfilment,
  OrderStatus,
  PaymentMethod,
  RefundStatus,
  SalesChannel,
} from '../../../generated/graphql';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  PAID: 'Paid',
  ACCEPTED: 'Accepted',
  PACKED: 'Packed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

// Shades whose auto-contrast text passes WCAG AA (4.5:1); the theme's shade 8
// of cyan, teal and green (white text) does not.
export const STATUS_COLORS: Record<OrderStatus, string> = {
  PLACED: 'yellow',
  PAID: 'blue',
  ACCEPTED: 'indigo',
  PACKED: 'violet',
  SHIPPED: 'cyan.9',
  DELIVERED: 'teal.9',
  COMPLETED: 'green.7',
  CANCELLED: 'gray',
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  STRIPE: 'Card',
  WALLET: 'Wallet',
  IN_STORE: 'In store',
};

export const CHANNEL_LABELS: Record<SalesChannel, string> = {
  ONLINE: 'Online',
  OFFLINE: 'Counter',
};

export const FULFILMENT_LABELS: Record<Fulfilment, string> = {
  DELIVERY: 'Delivery',
  PICKUP: 'Pick-up',
};

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  PENDING: 'Pending',
  SUCCEEDED: 'Refunded',
  FAILED: 'Failed',
};

export function orderPath(sellerId: string, orderId: string): string {
  return `/sellers/${encodeURIComponent(sellerId)}/orders/${encodeURIComponent(orderId)}`;
}

/** The customer's name, e-mail, or "Walk-in customer" for an anonymous counter sale. */
export function customerLabel(
  customer: { name?: string | null; email?: string | null } | null | undefined,
): string {
  return customer?.name || customer?.email || 'Walk-in customer';
}
