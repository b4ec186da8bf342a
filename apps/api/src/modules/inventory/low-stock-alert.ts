// Low-stock alerts: when a stock change takes an ACTIVE offer's available
// quantity (sum over locations of on_hand - reserved, a location below zero
// counting as none) from above its low-stock threshold to at or below it, the
// seller gets one e-mail, written to the outbox in the same transaction as the
// change. Only the crossing alerts: further changes while low send nothing.
import type { Prisma } from '@bazaar/db';
import { enqueueMail } from '../../common/mail/outbox.js';
import { DEFAULT_LOCALE, pickText } from '../../common/i18n/locale.js';

type Tx = Prisma.TransactionClient;

/**
 * The offers' available quantities, locking their stock levels (in id order,
 * so concurrent changes of the same offers queue instead of deadlocking) until
 * the transaction ends: what is read here is what the change starts from.
 * Call it inside the change's transaction, before the change.
 */
export async function lockAvailable(
  tx: Tx,
  offerIds: readonly string[],
): Promise<Map<string, number>> {
  const available = new Map<string, number>(offerIds.map((id) => [id, 0]));
  if (!offerIds.length) return available;
  const levels = await tx.$queryRaw<{ offerId: string; onHand: number; reserved: number }[]>`
    SELECT offer_id::text AS "offerId", on_hand AS "onHand", reserved
      FROM stock_levels WHERE offer_id = ANY(${[...new Set(offerIds)]}::uuid[])
     ORDER BY id FOR UPDATE`;
  for (const level of levels)
    available.set(
      level.offerId,
      (available.get(level.offerId) ?? 0) + Math.max(0, level.onHand - level.reserved),
    );
  return available;
}

interface AlertRow {
  offerId: string;
  sellerId: string;
  threshold: number;
  available: number;
  sku: string;
  title: unknown;
  email: string;
}

/**
 * After the change, in its transaction: e-mails the seller of each ACTIVE
 * offer whose available quantity went from above its threshold (`before`,
 * from lockAvailable) to at or below it. Returns how many alerts were queued.
 */
export async function alertLowStock(
  tx: Tx,
  publicUrl: string,
  before: ReadonlyMap<string, number>,
): Promise<number> {
  if (!before.size) return 0;
  const rows = await tx.$queryRaw<AlertRow[]>`
    SELECT o.id::text AS "offerId", o.seller_id::text AS "sellerId",
           o.low_stock_threshold AS threshold,
           COALESCE((SELECT sum(greatest(sl.on_hand - sl.reserved, 0))
                       FROM stock_levels sl WHERE sl.offer_id = o.id), 0)::int AS available,
           v.sku::text AS sku, p.title,
           COALESCE(NULLIF(btrim(s.contact_email), ''), u.email)::text AS email
      FROM offers o
      JOIN variants v ON v.id = o.variant_id
      JOIN products p ON p.id = v.product_id
      JOIN sellers s ON s.id = o.seller_id
      JOIN users u ON u.id = s.owner_id
     WHERE o.id = ANY(${[...before.keys()]}::uuid[]) AND o.status = 'ACTIVE'`;
  let sent = 0;
  for (const row of rows) {
    const was = before.get(row.offerId);
    if (was === undefined || was <= row.threshold || row.available > row.threshold) continue;
    const title = pickText(row.title, DEFAULT_LOCALE) ?? row.sku;
    const link = `${publicUrl}/admin/sellers/${row.sellerId}/offers/${row.offerId}?tab=stock`;
    await enqueueMail(tx, {
      to: row.email,
      subject: `Low stock: ${title} (${row.sku})`,
      text:
        `${title} (${row.sku}) is running low: ${row.available} available, ` +
        `at or below your low-stock threshold of ${row.threshold}.\n\n` +
        `Restock it or review the offer:\n\n${link}\n\n` +
        `You get this message once each time the offer drops to its threshold.`,
    });
    sent += 1;
  }
  return sent;
}
