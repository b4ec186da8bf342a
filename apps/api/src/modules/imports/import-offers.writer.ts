// Writers of an import batch for offers (with their price history, reason
// IMPORT) and stock levels (with the movement ledger, reason IMPORT). Each adds
// the products it changed to `touched`.
import type { Prisma } from '@bazaar/db';
import type { LocationRef, RowWrites } from './import-plan.types.js';
import { uuidv7 } from '../../common/ids/uuidv7.js';

type Tx = Prisma.TransactionClient;

/**
 * Offers: new ones inserted, existing ones (and new ones another writer made
 * meanwhile) updated where something differs; a new price is recorded in the
 * price history with reason IMPORT.
 */
export async function writeOffers(
  tx: Tx,
  sellerId: string,
  actorId: string | null,
  rows: RowWrites[],
  touched: Set<string>,
  offerIds: Map<string, string>,
): Promise<void> {
  const writes = rows.flatMap((row) => (row.offer ? [row.offer] : []));
  const productOf = new Map(rows.map((row) => [row.offerKey, row.productId]));
  const history: {
    offerId: string;
    price: number;
    compareAtPrice: number | null;
    currency: string;
  }[] = [];
  const changed = new Set<string>();
  const fresh = writes.filter((offer) => !offer.exists);
  if (fresh.length) {
    const inserted = await tx.$queryRaw<
      { id: string; price: number; compare_at_price: number | null; currency: string }[]
    >`
      INSERT INTO offers (id, variant_id, seller_id, condition, price, compare_at_price, currency,
                          handling_days, allow_backorder, updated_at)
      SELECT i.id, i.variant_id, ${sellerId}::uuid, i.condition::"OfferCondition", i.price,
             i.compare_at_price, i.currency, coalesce(i.handling_days, 1),
             coalesce(i.allow_backorder, false), now()
        FROM unnest(${fresh.map((o) => o.id)}::uuid[], ${fresh.map((o) => o.variantId)}::uuid[],
                    ${fresh.map((o) => o.condition)}::text[], ${fresh.map((o) => o.price)}::int[],
                    ${fresh.map((o) => o.compareAtPrice)}::int[], ${fresh.map((o) => o.currency)}::text[],
                    ${fresh.map((o) => o.handlingDays)}::int[], ${fresh.map((o) => o.allowBackorder)}::bool[])
             AS i(id, variant_id, condition, price, compare_at_price, currency, handling_days, allow_backorder)
      ON CONFLICT (variant_id, seller_id, condition) DO NOTHING
      RETURNING id::text, price, compare_at_price, currency::text`;
    for (const offer of inserted)
      history.push({
        offerId: offer.id,
        price: offer.price,
        compareAtPrice: offer.compare_at_price,
        currency: offer.currency,
      });
    const ok = new Set(inserted.map((offer) => offer.id));
    for (const offer of fresh)
      if (ok.has(offer.id)) {
        offerIds.set(offer.key, offer.id);
        touched.add(productOf.get(offer.key)!);
      }
  }
  const updates = writes.filter((offer) => offer.exists || !offerIds.has(offer.key));
  if (updates.length) {
    const keyOf = new Map(
      updates.map((offer) => [`${offer.variantId}|${offer.condition}`, offer.key]),
    );
    const updated = await tx.$queryRaw<
      {
        id: string;
        variant_id: string;
        condition: string;
        price: number;
        compare_at_price: number | null;
        currency: string;
        changed: boolean;
        price_changed: boolean;
      }[]
    >`
      WITH n AS (
        SELECT o0.id, o0.variant_id, o0.condition, i.price,
               CASE WHEN i.compare_given THEN i.compare_at_price ELSE o0.compare_at_price END AS compare_at_price,
               i.currency::bpchar AS currency,
               coalesce(i.handling_days, o0.handling_days) AS handling_days,
               coalesce(i.allow_backorder, o0.allow_backorder) AS allow_backorder,
               o0.price AS old_price, o0.compare_at_price AS old_compare_at_price,
               o0.currency AS old_currency, o0.handling_days AS old_handling_days,
               o0.allow_backorder AS old_allow_backorder
          FROM unnest(${updates.map((o) => o.variantId)}::uuid[], ${updates.map((o) => o.condition)}::text[],
                      ${updates.map((o) => o.price)}::int[], ${updates.map((o) => o.compareAtPrice)}::int[],
                      ${updates.map((o) => o.compareGiven)}::bool[], ${updates.map((o) => o.currency)}::text[],
                      ${updates.map((o) => o.handlingDays)}::int[], ${updates.map((o) => o.allowBackorder)}::bool[])
               AS i(variant_id, condition, price, compare_at_price, compare_given, currency, handling_days,
                    allow_backorder)
          JOIN offers o0 ON o0.variant_id = i.variant_id AND o0.condition = i.condition::"OfferCondition"
                        AND o0.seller_id = ${sellerId}::uuid
           FOR UPDATE OF o0),
      d AS (
        SELECT n.*,
               (old_price, old_compare_at_price, old_currency) IS DISTINCT FROM
                 (price, compare_at_price, currency) AS price_changed,
               (old_price, old_compare_at_price, old_currency, old_handling_days, old_allow_backorder)
                 IS DISTINCT FROM (price, compare_at_price, currency, handling_days, allow_backorder) AS changed
          FROM n),
      u AS (
        UPDATE offers o
           SET price = d.price, compare_at_price = d.compare_at_price, currency = d.currency,
               handling_days = d.handling_days, allow_backorder = d.allow_backorder, updated_at = now()
          FROM d WHERE o.id = d.id AND d.changed
        RETURNING o.id)
      SELECT id::text, variant_id::text, condition::text, price, compare_at_price, currency::text,
             changed, price_changed
        FROM d`;
    for (const offer of updated) {
      const key = keyOf.get(`${offer.variant_id}|${offer.condition}`)!;
      offerIds.set(key, offer.id);
      if (!offer.changed) continue;
      changed.add(offer.id);
      touched.add(productOf.get(key)!);
      if (offer.price_changed)
        history.push({
          offerId: offer.id,
          price: offer.price,
          compareAtPrice: offer.compare_at_price,
          currency: offer.currency,
        });
    }
  }
  if (history.length)
    await tx.$executeRaw`
      INSERT INTO price_history (id, offer_id, price, compare_at_price, currency, reason, actor_id)
      SELECT i.id, i.offer_id, i.price, i.compare_at_price, i.currency, 'IMPORT', ${actorId}::uuid
        FROM unnest(${history.map(() => uuidv7())}::uuid[], ${history.map((h) => h.offerId)}::uuid[],
                    ${history.map((h) => h.price)}::int[], ${history.map((h) => h.compareAtPrice)}::int[],
                    ${history.map((h) => h.currency)}::text[])
             AS i(id, offer_id, price, compare_at_price, currency)`;
  // Stock levels mirror the offer's backorder flag (the CHECK constraint reads it).
  if (changed.size)
    await tx.$executeRaw`
      UPDATE stock_levels s SET backorder = o.allow_backorder, updated_at = now()
        FROM offers o
       WHERE o.id = s.offer_id AND o.id = ANY(${[...changed]}::uuid[])
         AND s.backorder <> o.allow_backorder
         AND (o.allow_backorder OR s.reserved <= greatest(s.on_hand, 0))`;
}

/**
 * Sets on-hand to the counted quantity where it differs, by one conditional
 * UPDATE that keeps reservations covered, and records the difference in the
 * movement ledger (reason IMPORT). Returns the rows refused for reservations.
 */
export async function writeStock(
  tx: Tx,
  actorId: string | null,
  rows: RowWrites[],
  touched: Set<string>,
  offerIdOf: (key: string) => string | undefined,
  locationIdOf: (ref: LocationRef) => string,
): Promise<{ row: number; reserved: number }[]> {
  const stockRows = rows.filter((row) => row.stock);
  if (!stockRows.length) return [];
  const offerIds = stockRows.map((row) => offerIdOf(row.offerKey)!);
  const locationIds = stockRows.map((row) => locationIdOf(row.stock!.location));
  await tx.$executeRaw`
    INSERT INTO stock_levels (id, offer_id, location_id, on_hand, reserved, backorder, updated_at)
    SELECT i.id, i.offer_id, i.location_id, 0, 0, o.allow_backorder, now()
      FROM unnest(${stockRows.map(() => uuidv7())}::uuid[], ${offerIds}::uuid[], ${locationIds}::uuid[])
           AS i(id, offer_id, location_id)
      JOIN offers o ON o.id = i.offer_id
    ON CONFLICT (offer_id, location_id) DO NOTHING`;
  const results = await tx.$queryRaw<{ row: number; moved: boolean; reserved: number }[]>`
    WITH i AS (
      SELECT * FROM unnest(${offerIds}::uuid[], ${locationIds}::uuid[],
                           ${stockRows.map((row) => row.stock!.onHand)}::int[],
                           ${stockRows.map(() => uuidv7())}::uuid[], ${stockRows.map((row) => row.row)}::int[])
             AS i(offer_id, location_id, target, movement_id, row)),
    cur AS (
      SELECT s.id, s.on_hand, s.reserved, i.target, i.movement_id, i.row
        FROM stock_levels s JOIN i ON s.offer_id = i.offer_id AND s.location_id = i.location_id
       WHERE s.on_hand <> i.target
         FOR UPDATE OF s),
    moved AS (
      UPDATE stock_levels s SET on_hand = cur.target, updated_at = now()
        FROM cur
       WHERE s.id = cur.id AND (s.backorder OR s.reserved <= greatest(cur.target, 0))
      RETURNING s.id, s.on_hand, cur.target - cur.on_hand AS delta, cur.movement_id),
    ledger AS (
      INSERT INTO stock_movements (id, stock_level_id, delta, on_hand_after, reason, note, actor_id)
      SELECT movement_id, id, delta, on_hand, 'IMPORT', 'CSV import', ${actorId}::uuid
        FROM moved)
    SELECT cur.row, moved.id IS NOT NULL AS moved, cur.reserved
      FROM cur LEFT JOIN moved ON moved.id = cur.id`;
  const byRow = new Map(stockRows.map((row) => [row.row, row]));
  const blocked: { row: number; reserved: number }[] = [];
  for (const result of results) {
    if (result.moved) touched.add(byRow.get(result.row)!.productId);
    else blocked.push({ row: result.row, reserved: result.reserved });
  }
  return blocked;
}
