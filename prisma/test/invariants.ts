// What must hold in any Bazaar database, as SQL that lists the rows breaking
// each rule: the seed's output is checked with the rules the API's fault suite
// (apps/api/test/faults/harness.mjs) checks after a crash.
import type { PrismaClient } from '../src/generated/client/client.js';

const RULES: Record<string, string> = {
  'reserved differs from the HELD reservations of its level': `
    SELECT sl.id, sl.reserved, coalesce(sum(r.quantity), 0)::int AS held
      FROM stock_levels sl
      LEFT JOIN stock_reservations r ON r.stock_level_id = sl.id AND r.status = 'HELD'
     GROUP BY sl.id HAVING sl.reserved <> coalesce(sum(r.quantity), 0)`,
  'a stock level below zero or holding more than it has': `
    SELECT id, on_hand, reserved FROM stock_levels
     WHERE on_hand < 0 OR reserved < 0 OR (NOT backorder AND reserved > on_hand)`,
  'on-hand not explained by the movements': `
    SELECT sl.id, sl.on_hand, coalesce(sum(m.delta), 0)::int AS moved
      FROM stock_levels sl LEFT JOIN stock_movements m ON m.stock_level_id = sl.id
     GROUP BY sl.id HAVING coalesce(sum(m.delta), 0) <> sl.on_hand`,
  'consumed reservations differ from SOLD movements': `
    WITH consumed AS (SELECT stock_level_id, sum(quantity) AS q FROM stock_reservations
                       WHERE status = 'CONSUMED' GROUP BY stock_level_id),
         sold AS (SELECT stock_level_id, -sum(delta) AS q FROM stock_movements
                   WHERE reason = 'SOLD' GROUP BY stock_level_id)
    SELECT coalesce(c.stock_level_id, s.stock_level_id) AS level, c.q AS consumed, s.q AS sold
      FROM consumed c FULL JOIN sold s USING (stock_level_id) WHERE c.q IS DISTINCT FROM s.q`,
  'a HELD reservation for no unpaid order': `
    SELECT r.id, r.reference FROM stock_reservations r
      LEFT JOIN orders o ON o.id::text = r.reference
     WHERE r.status = 'HELD' AND o.status IS DISTINCT FROM 'PLACED'`,
  'a paid order whose lines are not exactly its consumed reservations': `
    SELECT o.id, l.q AS ordered, r.consumed, r.held FROM orders o
      JOIN (SELECT order_id, sum(quantity) AS q FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
      LEFT JOIN (SELECT reference, sum(quantity) FILTER (WHERE status = 'CONSUMED') AS consumed,
                        sum(quantity) FILTER (WHERE status = 'HELD') AS held
                   FROM stock_reservations GROUP BY reference) r ON r.reference = o.id::text
     WHERE o.status NOT IN ('PLACED', 'CANCELLED')
       AND (r.consumed IS DISTINCT FROM l.q OR r.held IS NOT NULL)`,
  'an unpaid order whose lines are not exactly its HELD reservations': `
    SELECT o.id, l.q AS ordered, r.held FROM orders o
      JOIN (SELECT order_id, sum(quantity) AS q FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
      LEFT JOIN (SELECT reference, sum(quantity) FILTER (WHERE status = 'HELD') AS held
                   FROM stock_reservations GROUP BY reference) r ON r.reference = o.id::text
     WHERE o.status = 'PLACED' AND r.held IS DISTINCT FROM l.q`,
  'order totals that do not add up to their purchase': `
    SELECT p.id, p.grand_total, sum(o.total) AS orders FROM purchases p
      JOIN orders o ON o.purchase_id = p.id
     GROUP BY p.id HAVING sum(o.total) <> p.grand_total`,
  'order lines that do not add up to their order': `
    SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
     GROUP BY o.id
    HAVING sum(l.line_subtotal) <> o.items_subtotal OR sum(l.tax) <> o.tax_total
        OR sum(l.discount) <> o.discount_total`,
  'an order whose transitions do not lead from PLACED to its status': `
    SELECT o.id, o.status, array_agg(t.to_status ORDER BY t.created_at) AS moves FROM orders o
      LEFT JOIN order_transitions t ON t.order_id = o.id
     GROUP BY o.id
    HAVING count(t.id) = 0
        OR (array_agg(t.to_status ORDER BY t.created_at))[1] <> 'PLACED'
        OR (array_agg(t.to_status ORDER BY t.created_at DESC))[1] <> o.status
        OR count(*) FILTER (WHERE t.to_status = 'PAID') > 1`,
  'a paid order without its succeeded payment': `
    SELECT o.id FROM orders o
     WHERE EXISTS (SELECT 1 FROM order_transitions t WHERE t.order_id = o.id AND t.to_status = 'PAID')
       AND NOT EXISTS (SELECT 1 FROM payments p
                        WHERE p.status = 'SUCCEEDED'
                          AND (p.order_id = o.id OR (p.method <> 'IN_STORE' AND p.purchase_id = o.purchase_id)))`,
  'a succeeded wallet payment not booked exactly once': `
    SELECT pay.id, count(t.id) AS bookings FROM payments pay
      LEFT JOIN ledger_transactions t ON t.kind = 'PURCHASE_PAYMENT' AND t.reference = pay.id::text
     WHERE pay.method = 'WALLET' GROUP BY pay.id, pay.status
    HAVING count(t.id) <> CASE WHEN pay.status = 'SUCCEEDED' THEN 1 ELSE 0 END`,
  'refunds that differ from what their order and payment record': `
    SELECT o.id, o.refunded_total, coalesce(sum(r.amount), 0)::int AS refunded FROM orders o
      LEFT JOIN refunds r ON r.order_id = o.id AND r.status <> 'FAILED'
     GROUP BY o.id HAVING o.refunded_total <> coalesce(sum(r.amount), 0)`,
  'a completed order not settled to the seller': `
    SELECT o.id FROM orders o
     WHERE o.status = 'COMPLETED' AND o.payment_method <> 'IN_STORE'
       AND NOT EXISTS (SELECT 1 FROM ledger_transactions t
                        WHERE t.kind = 'ORDER_SETTLEMENT' AND t.reference = o.id::text)`,
  'a ledger transaction that does not sum to zero': `
    SELECT transaction_id, sum(amount) FROM ledger_entries
     GROUP BY transaction_id HAVING sum(amount) <> 0`,
  'an account balance that differs from its entries': `
    SELECT a.id, a.kind, a.balance, coalesce(sum(e.amount), 0) AS entries
      FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
     GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
  'an account below zero that may not be': `
    SELECT id, kind, balance FROM ledger_accounts WHERE NOT allow_negative AND balance < 0`,
};

/** Every rule broken, with up to three offending rows each; empty when all hold. */
export async function invariantViolations(prisma: PrismaClient): Promise<string[]> {
  const problems: string[] = [];
  for (const [rule, sql] of Object.entries(RULES)) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(sql);
    if (rows.length)
      problems.push(
        `${rule}: ${JSON.stringify(rows.slice(0, 3), (_, v) => (typeof v === 'bigint' ? `${v}` : v))} (${rows.length})`,
      );
  }
  return problems;
}
