// What a checkout is priced from, read in one statement: the lines (the
// viewer's cart, or the offers of a counter sale) with their offers, products,
// category paths (for tax) and stock available.
import { Prisma } from '@bazaar/db';
import { type Locale, pickText } from '../../common/i18n/locale.js';

type Client = Pick<Prisma.TransactionClient, '$queryRaw'>;

export interface CheckoutLine {
  /** The cart line's id (offline: the input index). */
  lineId: string;
  offerId: string;
  sellerId: string;
  productId: string;
  categoryId: string | null;
  /** The product's category and its ancestors, nearest first. */
  categoryIds: string[];
  sku: string;
  title: string;
  unitPrice: number;
  currency: string;
  quantity: number;
  weightGrams: number;
  /** Not for sale (withdrawn, unpublished) or in another currency than the cart. */
  withdrawn: boolean;
  /** Fewer available than the quantity (offers taking backorders never are). */
  short: boolean;
}

interface LineRow {
  lineId: string;
  offerId: string;
  sellerId: string | null;
  productId: string | null;
  categoryId: string | null;
  categoryIds: string[] | null;
  sku: string | null;
  title: unknown;
  price: number | null;
  currency: string | null;
  quantity: number;
  weightGrams: number | null;
  buyable: boolean;
  allowBackorder: boolean;
  available: number;
  cartCurrency: string | null;
}

export type LineSource =
  | { userId: string }
  | {
      offers: { lineId: string; offerId: string; quantity: number }[];
      /** Count stock at these locations only. */
      locationIds: string[];
    };

export async function loadCheckoutLines(
  client: Client,
  locale: Locale,
  source: LineSource,
): Promise<{ lines: CheckoutLine[]; cartCurrency: string | null }> {
  const picked =
    'userId' in source
      ? Prisma.sql`
          SELECT cl.id::text AS line_id, cl.offer_id, cl.quantity, extract(epoch FROM cl.added_at) AS position,
                 c.currency::text AS cart_currency
            FROM carts c JOIN cart_lines cl ON cl.cart_id = c.id
           WHERE c.user_id = ${source.userId}::uuid`
      : Prisma.sql`
          SELECT x.line_id, x.offer_id, x.quantity, x.position::numeric, NULL::text AS cart_currency
            FROM unnest(${source.offers.map((o) => o.lineId)}::text[],
                        ${source.offers.map((o) => o.offerId)}::uuid[],
                        ${source.offers.map((o) => o.quantity)}::int[])
                 WITH ORDINALITY AS x(line_id, offer_id, quantity, position)`;
  const atLocations =
    'locationIds' in source
      ? Prisma.sql`AND sl.location_id = ANY(${source.locationIds}::uuid[])`
      : Prisma.empty;
  const rows = await client.$queryRaw<LineRow[]>`
    WITH RECURSIVE picked AS (${picked}),
    path AS (
      SELECT c.id AS start, c.id, c.parent_id, 0 AS depth FROM categories c
       WHERE c.id IN (SELECT p.category_id FROM picked x JOIN offers o ON o.id = x.offer_id
                        JOIN variants v ON v.id = o.variant_id JOIN products p ON p.id = v.product_id)
      UNION ALL
      SELECT path.start, c.id, c.parent_id, path.depth + 1
        FROM path JOIN categories c ON c.id = path.parent_id WHERE path.depth < 20)
    SELECT x.line_id AS "lineId", x.offer_id::text AS "offerId", o.seller_id::text AS "sellerId",
           p.id::text AS "productId", p.category_id::text AS "categoryId",
           (SELECT array_agg(path.id::text ORDER BY path.depth) FROM path
             WHERE path.start = p.category_id) AS "categoryIds",
           v.sku::text AS sku, p.title, o.price, o.currency::text AS currency, x.quantity,
           v.weight_grams AS "weightGrams",
           coalesce(o.status = 'ACTIVE' AND p.status = 'PUBLISHED', false) AS buyable,
           coalesce(o.allow_backorder, false) AS "allowBackorder",
           coalesce((SELECT sum(greatest(sl.on_hand - sl.reserved, 0)) FROM stock_levels sl
                      WHERE sl.offer_id = o.id ${atLocations}), 0)::int AS available,
           x.cart_currency AS "cartCurrency"
      FROM picked x
      LEFT JOIN offers o ON o.id = x.offer_id
      LEFT JOIN variants v ON v.id = o.variant_id
      LEFT JOIN products p ON p.id = v.product_id
     ORDER BY x.position, x.line_id`;
  const cartCurrency = rows[0]?.cartCurrency ?? null;
  return {
    cartCurrency,
    lines: rows.map((row) => ({
      lineId: row.lineId,
      offerId: row.offerId,
      sellerId: row.sellerId ?? '',
      productId: row.productId ?? '',
      categoryId: row.categoryId,
      categoryIds: row.categoryIds ?? [],
      sku: row.sku ?? '',
      title: pickText(row.title, locale) ?? row.sku ?? '',
      unitPrice: row.price ?? 0,
      currency: row.currency ?? cartCurrency ?? 'USD',
      quantity: row.quantity,
      weightGrams: row.weightGrams ?? 0,
      withdrawn: !row.buyable || (cartCurrency !== null && row.currency !== cartCurrency),
      short: row.buyable && !row.allowBackorder && row.available < row.quantity,
    })),
  };
}

/**
 * Inside the checkout transaction: the offers whose price, status or product
 * status changed since the lines were read (to refuse with TOTAL_CHANGED).
 */
export async function changedOffers(
  client: Client,
  lines: readonly Pick<CheckoutLine, 'offerId' | 'unitPrice'>[],
): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT x.id::text AS id
      FROM unnest(${lines.map((l) => l.offerId)}::uuid[], ${lines.map((l) => l.unitPrice)}::int[])
           AS x(id, price)
      LEFT JOIN offers o ON o.id = x.id
      LEFT JOIN variants v ON v.id = o.variant_id
      LEFT JOIN products p ON p.id = v.product_id
     WHERE o.id IS NULL OR o.price <> x.price OR o.status <> 'ACTIVE' OR p.status <> 'PUBLISHED'`;
  return rows.map((row) => row.id);
}
