// Rows to GraphQL objects (money in the request's locale) and who may see what.
import type { Order as OrderRow, Purchase as PurchaseRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import type { Locale } from '../../common/i18n/locale.js';
import { money } from '../../common/money/money.js';
import type { Context } from '../../context.js';
import { PAID_STATUSES, canMove } from './order-state.js';
import type { Order, OrderAction, OrderAddress, Purchase } from './orders.types.js';

export function toPurchase(row: PurchaseRow, locale: Locale): Purchase {
  const m = (amount: number) => money(amount, row.currency, locale);
  return {
    id: row.id,
    number: row.number,
    createdAt: row.createdAt,
    channel: row.channel,
    paymentMethod: row.paymentMethod,
    itemsSubtotal: m(row.itemsSubtotal),
    discountTotal: m(row.discountTotal),
    shippingTotal: m(row.shippingTotal),
    taxTotal: m(row.taxTotal),
    grandTotal: m(row.grandTotal),
    row,
  };
}

export function toOrder(row: OrderRow, locale: Locale): Order {
  const m = (amount: number) => money(amount, row.currency, locale);
  return {
    id: row.id,
    number: row.number,
    purchaseId: row.purchaseId,
    status: row.status,
    channel: row.channel,
    paymentMethod: row.paymentMethod,
    paid:
      PAID_STATUSES.includes(row.status) || (row.status === 'CANCELLED' && row.refundedTotal > 0),
    placedAt: row.placedAt,
    paymentDueAt: row.status === 'PLACED' ? row.paymentDueAt : null,
    fulfilment: row.fulfilment,
    shippingMethodName: row.shippingMethodName,
    shippingAddress: (row.shippingAddress as OrderAddress | null) ?? null,
    itemsSubtotal: m(row.itemsSubtotal),
    discountTotal: m(row.discountTotal),
    shippingFee: m(row.shippingFee),
    taxTotal: m(row.taxTotal),
    total: m(row.total),
    refundedTotal: m(row.refundedTotal),
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    cancelReason: row.cancelReason,
    row,
  };
}

/** The customer of the order (or the one who placed it for an account). */
export function isOrderCustomer(ctx: Context, order: Pick<OrderRow, 'customerId'>): boolean {
  return !!ctx.session.userId && order.customerId === ctx.session.userId;
}

/** Customer, seller staff with ORDERS_READ, or platform ORDERS_READ. */
export function canReadOrder(ctx: Context, order: Pick<OrderRow, 'customerId' | 'sellerId'>) {
  return isOrderCustomer(ctx, order) || can(ctx.session, Permission.ORDERS_READ, order.sellerId);
}

/** Whether the viewer, as the customer, may cancel (before acceptance). */
export function customerMayCancel(ctx: Context, order: OrderRow): boolean {
  return isOrderCustomer(ctx, order) && (order.status === 'PLACED' || order.status === 'PAID');
}

/**
 * Whether staff may cancel: PAID and later (refunded), or an unpaid in-store
 * order. An unpaid online order is one payment for the whole purchase: only
 * its customer (or the unpaid expiry) cancels it.
 */
export function staffMayCancel(ctx: Context, order: OrderRow): boolean {
  if (!can(ctx.session, Permission.ORDERS_MANAGE, order.sellerId)) return false;
  if (!canMove(order, 'CANCELLED')) return false;
  return order.status !== 'PLACED' || order.paymentMethod === 'IN_STORE';
}

/** Paid, not yet completed (completion releases the money to the seller), not all refunded. */
export function isRefundable(order: OrderRow): boolean {
  return (
    PAID_STATUSES.includes(order.status) &&
    order.status !== 'COMPLETED' &&
    order.refundedTotal < order.total
  );
}

/** What the viewer may do to the order now. */
export function allowedActions(ctx: Context, order: OrderRow): OrderAction[] {
  const actions: OrderAction[] = [];
  const manage = can(ctx.session, Permission.ORDERS_MANAGE, order.sellerId);
  const collect = can(ctx.session, Permission.PAYMENTS_COLLECT, order.sellerId);
  if (manage && canMove(order, 'ACCEPTED')) actions.push('ACCEPT');
  if (manage && canMove(order, 'PACKED')) actions.push('PACK');
  if (manage && canMove(order, 'SHIPPED')) actions.push('SHIP');
  if ((manage || (collect && order.channel === 'OFFLINE')) && canMove(order, 'DELIVERED'))
    actions.push('DELIVER');
  if (manage && canMove(order, 'COMPLETED')) actions.push('COMPLETE');
  if (staffMayCancel(ctx, order) || customerMayCancel(ctx, order)) actions.push('CANCEL');
  if (collect && order.status === 'PLACED' && order.paymentMethod === 'IN_STORE')
    actions.push('MARK_PAID');
  if (can(ctx.session, Permission.REFUNDS_ISSUE, order.sellerId) && isRefundable(order))
    actions.push('REFUND');
  return actions;
}
