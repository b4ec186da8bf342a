import type { Prisma, PrismaClient } from '@bazaar/db';

/**
 * Number of ACTIVE offers per product, over all its variants. Products without
 * any active offer map to 0. Used by the catalog's publish check (NO_PRICE).
 */
export async function activeOfferCountsByProduct(
  prisma: PrismaClient | Prisma.TransactionClient,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return counts;
  const rows = await prisma.$queryRaw<{ product_id: string; count: number }[]>`
    SELECT v.product_id::text AS product_id, count(*)::int AS count
      FROM offers o
      JOIN variants v ON v.id = o.variant_id
     WHERE v.product_id = ANY(${[...productIds]}::uuid[]) AND o.status = 'ACTIVE'
     GROUP BY v.product_id`;
  for (const row of rows) counts.set(row.product_id, row.count);
  return counts;
}
