// Reading purchases and orders. Ownership is checked here: a shopper sees
// their own purchases, seller staff (ORDERS_READ within the seller) that
// seller's orders only, platform ORDERS_READ every order.
import type { Order as OrderRow, Prisma, Purchase as PurchaseRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import { isUuid } from '../../common/ids/uuid.js';
import { money } from '../../common/money/money.js';
import {
  type ConnectionArgs,
  connectionFromRows,
  decodeCursor,
  isTimeIdKey,
} from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import { PAID_STATUSES } from './order-state.js';
import type { CategorySpending, OrderFilter, SellerOrdersArgs } from './orders.types.js';
import { canReadOrder, toOrder, toPurchase } from './orders.view.js';

/** The purchase's own customer (or whoever placed it). */
export function ownsPurchase(ctx: Context, purchase: PurchaseRow): boolean {
  const me = ctx.session.userId;
  return !!me && (purchase.customerId === me || purchase.placedById === me);
}

/** The orders of a purchase the viewer may see (all for its owner). */
export async function visibleOrders(ctx: Context, purchase: PurchaseRow): Promise<OrderRow[]> {
  const orders = await ctx.loaders.orders.ordersByPurchase.load(purchase.id);
  if (ownsPurchase(ctx, purchase)) return orders;
  return orders.filter((order) => canReadOrder(ctx, order));
}

export async function purchase(ctx: Context, id: string) {
  if (!isUuid(id)) return null;
  const row = await ctx.loaders.orders.purchaseById.load(id);
  if (!row) return null;
  // Its totals cover every seller's order: staff see it only when they may read all of them.
  if (!ownsPurchase(ctx, row)) {
    const orders = await ctx.loaders.orders.ordersByPurchase.load(row.id);
    if (!orders.length || !orders.every((o) => canReadOrder(ctx, o))) return null;
  }
  return toPurchase(row, ctx.locale);
}

export async function order(ctx: Context, id: string) {
  if (!isUuid(id)) return null;
  const row = await ctx.loaders.orders.orderById.load(id);
  return row && canReadOrder(ctx, row) ? toOrder(row, ctx.locale) : null;
}

function afterKey(args: ConnectionArgs, column: 'createdAt' | 'placedAt') {
  if (!args.after) return {};
  const [time, id] = decodeCursor(args.after, isTimeIdKey);
  return {
    OR: [{ [column]: { lt: new Date(time) } }, { [column]: new Date(time), id: { lt: id } }],
  };
}

export async function myPurchases(ctx: Context, args: ConnectionArgs) {
  const where: Prisma.PurchaseWhereInput = { customerId: ctx.session.userId! };
  const rows = await ctx.db.prisma.purchase.findMany({
    where: { ...where, ...afterKey(args, 'createdAt') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
  });
  for (const row of rows) ctx.loaders.orders.purchaseById.prime(row.id, row);
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
    count: () => ctx.db.prisma.purchase.count({ where }),
    toNode: (row) => toPurchase(row, ctx.locale),
  });
}

function orderWhere(sellerId: string, filter: OrderFilter | null | undefined) {
  const where: Prisma.OrderWhereInput = { sellerId };
  if (!filter) return where;
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.placedFrom || filter.placedTo)
    where.placedAt = {
      ...(filter.placedFrom ? { gte: filter.placedFrom } : {}),
      ...(filter.placedTo ? { lt: filter.placedTo } : {}),
    };
  // A malformed store id matches nothing (rather than failing in PostgreSQL).
  if (filter.storeId)
    Object.assign(
      where,
      isUuid(filter.storeId) ? { pickupStoreId: filter.storeId } : { id: { in: [] } },
    );
  if (filter.paymentMethod) where.paymentMethod = filter.paymentMethod;
  if (filter.channel) where.channel = filter.channel;
  if (filter.number !== null && filter.number !== undefined) where.number = filter.number;
  return where;
}

export async function sellerOrders(ctx: Context, args: SellerOrdersArgs) {
  if (!isUuid(args.sellerId) || !can(ctx.session, Permission.ORDERS_READ, args.sellerId))
    throw new ForbiddenError();
  const where = orderWhere(args.sellerId, args.filter);
  const rows = await ctx.db.prisma.order.findMany({
    where: { AND: [where, afterKey(args, 'placedAt')] },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
  });
  for (const row of rows) ctx.loaders.orders.orderById.prime(row.id, row);
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.placedAt.toISOString(), row.id],
    count: () => ctx.db.prisma.order.count({ where }),
    toNode: (row) => toOrder(row, ctx.locale),
  });
}

/**
 * What the viewer spent per top-level category: lines of their paid (or
 * further along) orders, each net of its share of the order's refunds, per
 * currency. Lines without a category are left out.
 */
export async function mySpendingByCategory(
  ctx: Context,
  range: { from?: Date | null; to?: Date | null },
): Promise<CategorySpending[]> {
  const from = range.from ?? new Date(0);
  const to = range.to ?? new Date('9999-01-01T00:00:00Z');
  const rows = await ctx.db.prisma.$queryRaw<
    { categoryId: string; currency: string; amount: number }[]
  >`
    WITH RECURSIVE lines AS (
      SELECT ol.category_id,
             o.currency,
             ol.total - CASE WHEN o.total > 0
                             THEN round(ol.total::numeric * o.refunded_total / o.total)::int
                             ELSE 0 END AS net
        FROM orders o JOIN order_lines ol ON ol.order_id = o.id
       WHERE o.customer_id = ${ctx.session.userId}::uuid
         AND o.status = ANY(${[...PAID_STATUSES]}::"OrderStatus"[])
         AND o.placed_at >= ${from} AND o.placed_at < ${to}
         AND ol.category_id IS NOT NULL),
    up AS (
      SELECT c.id AS start, c.id, c.parent_id FROM categories c
       WHERE c.id IN (SELECT DISTINCT category_id FROM lines)
      UNION ALL
      SELECT up.start, c.id, c.parent_id FROM up JOIN categories c ON c.id = up.parent_id)
    SELECT top.id::text AS "categoryId", l.currency, sum(l.net)::int AS amount
      FROM lines l JOIN up top ON top.start = l.category_id AND top.parent_id IS NULL
     GROUP BY top.id, l.currency
     ORDER BY amount DESC, top.id`;
  return rows.map((row) => ({
    categoryId: row.categoryId,
    amount: money(row.amount, row.currency, ctx.locale),
  }));
}
