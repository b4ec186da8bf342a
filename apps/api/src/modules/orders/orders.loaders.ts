import type {
  Order as OrderRow,
  OrderLine as OrderLineRow,
  Payment as PaymentRow,
  PrismaClient,
  Purchase as PurchaseRow,
  Refund as RefundRow,
} from '@bazaar/db';
import DataLoader from 'dataloader';
import { groupBy } from '../identity/identity.loaders.js';

export interface TransitionRow {
  id: string;
  orderId: string;
  fromStatus: OrderRow['status'] | null;
  toStatus: OrderRow['status'];
  actorName: string | null;
  reason: string | null;
  createdAt: Date;
}

function byId<Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export function createOrderLoaders(prisma: PrismaClient) {
  return {
    purchaseById: byId<PurchaseRow>((ids) =>
      prisma.purchase.findMany({ where: { id: { in: ids } } }),
    ),
    orderById: byId<OrderRow>((ids) => prisma.order.findMany({ where: { id: { in: ids } } })),
    ordersByPurchase: new DataLoader(async (purchaseIds: readonly string[]) => {
      const rows = await prisma.order.findMany({
        where: { purchaseId: { in: [...purchaseIds] } },
        orderBy: { number: 'asc' },
      });
      const groups = groupBy<OrderRow>(rows, (row) => row.purchaseId);
      return purchaseIds.map((id) => groups.get(id) ?? []);
    }),
    linesByOrder: new DataLoader(async (orderIds: readonly string[]) => {
      const rows = await prisma.orderLine.findMany({
        where: { orderId: { in: [...orderIds] } },
        orderBy: { id: 'asc' },
      });
      const groups = groupBy<OrderLineRow>(rows, (row) => row.orderId);
      return orderIds.map((id) => groups.get(id) ?? []);
    }),
    transitionsByOrder: new DataLoader(async (orderIds: readonly string[]) => {
      const rows = await prisma.$queryRaw<TransitionRow[]>`
        SELECT t.id::text AS id, t.order_id::text AS "orderId", t.from_status::text AS "fromStatus",
               t.to_status::text AS "toStatus", u.name AS "actorName", t.reason,
               t.created_at AS "createdAt"
          FROM order_transitions t LEFT JOIN users u ON u.id = t.actor_id
         WHERE t.order_id = ANY(${[...orderIds]}::uuid[])
         ORDER BY t.created_at, t.id`;
      const groups = groupBy<TransitionRow>(rows, (row) => row.orderId);
      return orderIds.map((id) => groups.get(id) ?? []);
    }),
    refundsByOrder: new DataLoader(async (orderIds: readonly string[]) => {
      const rows = await prisma.refund.findMany({
        where: { orderId: { in: [...orderIds] } },
        orderBy: { createdAt: 'asc' },
      });
      const groups = groupBy<RefundRow>(rows, (row) => row.orderId ?? '');
      return orderIds.map((id) => groups.get(id) ?? []);
    }),
    /** The purchase's online (Stripe or wallet) payment, if any. */
    onlinePaymentByPurchase: new DataLoader(async (purchaseIds: readonly string[]) => {
      const rows = await prisma.payment.findMany({
        where: { purchaseId: { in: [...purchaseIds] }, method: { not: 'IN_STORE' } },
      });
      const map = new Map<string, PaymentRow>(rows.map((row) => [row.purchaseId!, row]));
      return purchaseIds.map((id) => map.get(id) ?? null);
    }),
  };
}
