import type { PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';

export function createSearchLoaders(prisma: PrismaClient) {
  return {
    /** Published products in the category and below: documents of the PostgreSQL index. */
    productCountByCategory: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.$queryRaw<{ id: string; count: number }[]>`
        SELECT c.id::text AS id,
               (SELECT count(*)::int FROM search_documents d WHERE d.category_ids @> ARRAY[c.id]) AS count
          FROM unnest(${[...ids]}::uuid[]) AS c(id)`;
      const counts = new Map(rows.map((row) => [row.id, row.count]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
