import type { PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';
import { searchCaches } from './search.cache.js';

export function createSearchLoaders(prisma: PrismaClient) {
  const counts = searchCaches(prisma).productCounts;
  return {
    /** Published products in the category and below: documents of the PostgreSQL index. */
    productCountByCategory: new DataLoader(async (ids: readonly string[]) => {
      const missing = ids.filter((id) => counts.get(id) === undefined);
      if (missing.length) {
        const rows = await prisma.$queryRaw<{ id: string; count: number }[]>`
          SELECT c.id::text AS id,
                 (SELECT count(*)::int FROM search_documents d WHERE d.category_ids @> ARRAY[c.id]) AS count
            FROM unnest(${missing}::uuid[]) AS c(id)`;
        for (const row of rows) counts.set(row.id, row.count);
      }
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
