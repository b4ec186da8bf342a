// The order mutations: each checks access and the state machine, then moves
// the order with a conditional UPDATE (a lost race: ORDER_STATUS_CHANGED) and
// its side effects in one short transaction; Stripe is called after commit.
import { type Order as OrderRow, type OrderStatus, Prisma } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { consumeReservations } from '../inventory/reservations.service.js';
import { toRefund } from '../payments/payments.types.js';
import {
  PaymentError,
  collectInStorePayment,
  refundOrder,
  sendPendingRefunds,
  settleOrder,
} from '../payments/purchase-payments.js';
import { cancelOrder } from './order-cancel.js';
import { canMove } from './order-state.js';
import { moveOrders } from './order-transitions.js';
import type { OrderCode, OrderRefundCode } from './orders.errors.js';
import type { OrderCancelInput, OrderRefundInput, OrderShipInput } from './orders.types.js';
import {
  canReadOrder,
  customerMayCancel,
  isRefundable,
  staffMayCancel,
  toOrder,
} from './orders.view.js';

type Tx = Prisma.TransactionClient;
const MAX_TEXT = 500;
const MAX_CARRIER = 100;

async function loadOrder(ctx: Context, id: string): Promise<OrderRow | null> {
  if (!isUuid(id)) return null;
  const row = await ctx.db.prisma.order.findUnique({ where: { id } });
  // Someone who may not read the order learns nothing about it.
  return row && (canReadOrder(ctx, row) || canActOn(ctx, row)) ? row : null;
}

function canActOn(ctx: Context, order: OrderRow): boolean {
  return [Permission.ORDERS_MANAGE, Permission.PAYMENTS_COLLECT, Permission.REFUNDS_ISSUE].some(
    (p) => can(ctx.session, p, order.sellerId),
  );
}

async function reread(ctx: Context, id: string) {
  const row = await ctx.db.prisma.order.findUniqueOrThrow({ where: { id } });
  ctx.loaders.orders.orderById.clear(id).prime(id, row);
  return toOrder(row, ctx.locale);
}

interface Step {
  to: OrderStatus;
  reason?: string | null;
  set?: Prisma.Sql;
  /** Who may: true when the viewer may do this to this order. */
  allowed: (order: OrderRow) => boolean;
  /** More work in the same transaction, after the move. */
  then?: (tx: Tx, order: OrderRow) => Promise<unknown>;
}

/** Loads, checks and moves one order; the usual shape of every order mutation. */
async function step(ctx: Context, id: string, s: Step, errors = new PayloadErrors<OrderCode>()) {
  const fail = () => ({ order: null, errors: errors.list });
  const order = await loadOrder(ctx, id);
  if (!order) return (errors.add('NOT_FOUND', 'This order does not exist.', 'id'), fail());
  if (!s.allowed(order))
    return (errors.add('FORBIDDEN', 'You cannot do this to this order.', 'id'), fail());
  if (!canMove(order, s.to))
    return (
      errors.add(
        'TRANSITION_NOT_ALLOWED',
        `A ${order.status.toLowerCase()} order cannot become ${s.to.toLowerCase()}.`,
        'id',
      ),
      fail()
    );
  if (errors.any) return fail();
  const moved = await ctx.db.prisma.$transaction(async (tx) => {
    const done = await moveOrders(tx, {
      where: Prisma.sql`id = ${order.id}::uuid`,
      from: [order.status],
      to: s.to,
      actorId: ctx.session.userId,
      reason: s.reason ?? null,
      set: s.set,
    });
    if (done.length && s.then) await s.then(tx, order);
    return done.length > 0;
  });
  if (!moved)
    return (
      errors.add('ORDER_STATUS_CHANGED', 'The order changed meanwhile; reload it.', 'id'),
      fail()
    );
  return { order: await reread(ctx, order.id), errors: [] };
}

const manages = (ctx: Context) => (order: OrderRow) =>
  can(ctx.session, Permission.ORDERS_MANAGE, order.sellerId);

export const acceptOrder = (ctx: Context, id: string) =>
  step(ctx, id, { to: 'ACCEPTED', allowed: manages(ctx) });

export const packOrder = (ctx: Context, id: string) =>
  step(ctx, id, { to: 'PACKED', allowed: manages(ctx) });

export function shipOrder(ctx: Context, input: OrderShipInput) {
  const errors = new PayloadErrors<OrderCode>();
  const carrier = input.carrier.trim();
  const trackingNumber = input.trackingNumber.trim();
  if (!carrier || carrier.length > MAX_CARRIER)
    errors.add(
      'CARRIER_REQUIRED',
      `Name the carrier (at most ${MAX_CARRIER} characters).`,
      'carrier',
    );
  if (!trackingNumber || trackingNumber.length > MAX_CARRIER)
    errors.add(
      'TRACKING_NUMBER_REQUIRED',
      `Give the tracking number (at most ${MAX_CARRIER} characters).`,
      'trackingNumber',
    );
  return step(
    ctx,
    input.id,
    {
      to: 'SHIPPED',
      allowed: manages(ctx),
      set: Prisma.sql`carrier = ${carrier}, tracking_number = ${trackingNumber},`,
    },
    errors,
  );
}

export const deliverOrder = (ctx: Context, id: string) =>
  step(ctx, id, {
    to: 'DELIVERED',
    allowed: (order) =>
      manages(ctx)(order) ||
      (order.channel === 'OFFLINE' &&
        can(ctx.session, Permission.PAYMENTS_COLLECT, order.sellerId)),
  });

export const completeOrder = (ctx: Context, id: string) =>
  step(ctx, id, {
    to: 'COMPLETED',
    allowed: manages(ctx),
    then: (tx, order) => settleOrder(tx, order.id),
  });

export async function markOrderPaid(ctx: Context, id: string) {
  const errors = new PayloadErrors<OrderCode>();
  const order = isUuid(id) ? await loadOrder(ctx, id) : null;
  if (order && order.paymentMethod !== 'IN_STORE')
    errors.add('NOT_IN_STORE_PAYMENT', 'Only orders paid in store are marked paid.', 'id');
  return step(
    ctx,
    id,
    {
      to: 'PAID',
      reason: 'paid in store',
      set: Prisma.sql`payment_due_at = NULL,`,
      allowed: (o) => can(ctx.session, Permission.PAYMENTS_COLLECT, o.sellerId),
      then: async (tx, o) => {
        // A free order has no payment to collect.
        if (o.total > 0)
          await collectInStorePayment(tx, { orderId: o.id, actorId: ctx.session.userId! });
        await consumeReservations(tx, o.id, ctx.session.userId);
      },
    },
    errors,
  );
}

export async function cancelOrderAction(ctx: Context, input: OrderCancelInput) {
  const errors = new PayloadErrors<OrderCode>();
  const fail = () => ({ order: null, errors: errors.list });
  const reason = input.reason.trim();
  const order = await loadOrder(ctx, input.id);
  if (!order) return (errors.add('NOT_FOUND', 'This order does not exist.', 'id'), fail());
  if (reason.length < 3 || reason.length > MAX_TEXT)
    errors.add('REASON_REQUIRED', `Give a reason (3 to ${MAX_TEXT} characters).`, 'reason');
  if (!canMove(order, 'CANCELLED'))
    errors.add(
      'TRANSITION_NOT_ALLOWED',
      `A ${order.status.toLowerCase()} order cannot be cancelled.`,
      'id',
    );
  else if (!staffMayCancel(ctx, order) && !customerMayCancel(ctx, order))
    errors.add('FORBIDDEN', 'You cannot cancel this order now.', 'id');
  if (errors.any) return fail();
  const { moved, refundIds } = await ctx.db.prisma.$transaction((tx) =>
    cancelOrder(tx, order, ctx.session.userId, reason),
  );
  if (!moved.length)
    return (
      errors.add('ORDER_STATUS_CHANGED', 'The order changed meanwhile; reload it.', 'id'),
      fail()
    );
  if (refundIds.length) await sendRefundsLogged(ctx, refundIds);
  return { order: await reread(ctx, order.id), errors: [] };
}

/** Stripe refunds after commit; a failure is retried by the payments reconciliation. */
async function sendRefundsLogged(ctx: Context, refundIds: string[]) {
  try {
    await sendPendingRefunds(ctx, refundIds);
  } catch (err) {
    ctx.log.warn({ err, refundIds }, 'sending refunds failed; reconciliation retries');
  }
}

export async function refundOrderAction(ctx: Context, input: OrderRefundInput) {
  const errors = new PayloadErrors<OrderRefundCode>();
  const fail = () => ({ order: null, refund: null, errors: errors.list });
  const order = await loadOrder(ctx, input.id);
  if (!order) return (errors.add('NOT_FOUND', 'This order does not exist.', 'id'), fail());
  if (!can(ctx.session, Permission.REFUNDS_ISSUE, order.sellerId))
    return (errors.add('FORBIDDEN', 'You cannot refund this order.', 'id'), fail());
  const reason = input.reason.trim();
  const key = input.idempotencyKey.trim();
  if (reason.length < 3 || reason.length > MAX_TEXT)
    errors.add('REASON_REQUIRED', `Give a reason (3 to ${MAX_TEXT} characters).`, 'reason');
  if (key.length < 8 || key.length > 100)
    errors.add('IDEMPOTENCY_KEY_INVALID', 'Use 8 to 100 characters.', 'idempotencyKey');
  if (errors.any) return fail();
  // A retry of a refund already made returns it (payments keys refunds per order).
  const previous = await ctx.db.prisma.refund.findUnique({
    where: { idempotencyKey: `${order.id}:${key}` },
  });
  if (previous)
    return {
      order: toOrder(order, ctx.locale),
      refund: toRefund(previous, order.currency, ctx.locale),
      errors: [],
    };
  if (!isRefundable(order) && order.refundedTotal < order.total)
    errors.add('NOT_PAID', 'Only paid orders not yet completed can be refunded.', 'id');
  else if (
    !Number.isSafeInteger(input.amount) ||
    input.amount <= 0 ||
    input.amount > order.total - order.refundedTotal
  )
    errors.add(
      'AMOUNT_INVALID',
      `Refund 1 to ${order.total - order.refundedTotal} (minor units).`,
      'amount',
    );
  if (errors.any) return fail();
  let refund;
  try {
    refund = await ctx.db.prisma.$transaction(async (tx) => {
      // Re-checked under the order's lock: the status may have changed.
      const [fresh] = await tx.$queryRaw<{ status: OrderStatus }[]>`
        SELECT status FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
      if (!fresh || !isRefundable({ ...order, status: fresh.status })) return null;
      return refundOrder(tx, {
        orderId: order.id,
        amount: input.amount,
        reason,
        actorId: ctx.session.userId,
        idempotencyKey: key,
      });
    });
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    const code: OrderRefundCode =
      error.code === 'NOT_PAID'
        ? 'NOT_PAID'
        : error.code === 'REFUND_EXCEEDS_PAID' || error.code === 'REFUND_AMOUNT_INVALID'
          ? 'AMOUNT_INVALID'
          : error.code === 'IDEMPOTENCY_KEY_REUSED'
            ? 'IDEMPOTENCY_KEY_INVALID'
            : 'REFUND_FAILED';
    return (errors.add(code, error.message, code === 'AMOUNT_INVALID' ? 'amount' : null), fail());
  }
  if (!refund)
    return (errors.add('NOT_PAID', 'The order changed meanwhile; reload it.', 'id'), fail());
  if (refund.status === 'PENDING') await sendRefundsLogged(ctx, [refund.id]);
  const fresh = await ctx.db.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } });
  return {
    order: await reread(ctx, order.id),
    refund: toRefund(fresh, order.currency, ctx.locale),
    errors: [],
  };
}
