import type {
  Category as CategoryRow,
  Prisma,
  Product as ProductRow,
  ProductImage as ProductImageRow,
  Variant as VariantRow,
} from '@bazaar/db';
import DataLoader from 'dataloader';
import { groupBy } from '../identity/identity.loaders.js';
import { computePublishProblems } from './publish-check.js';
import { rowsFromSql } from './catalog.sql.js';
import { parseDefinitions, type StoredDefinition } from './catalog.validation.js';

/** Deep enough for any real tree; stops a corrupt cycle from looping. */
export const MAX_CATEGORY_DEPTH = 20;

function byIdLoader<Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await load([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Works over the client or inside a transaction (mutations re-check with fresh data). */
export function createCatalogLoaders(prisma: Prisma.TransactionClient) {
  const categoryById = byIdLoader<CategoryRow>((ids) =>
    prisma.category.findMany({ where: { id: { in: ids } } }),
  );

  /** Each category's ancestors, root first, without the category itself. */
  const ancestors = new DataLoader(async (ids: readonly string[]) => {
    const rows = rowsFromSql<CategoryRow & { startId: string; depth: number }>(
      await prisma.$queryRaw<Record<string, unknown>[]>`
        WITH RECURSIVE chain (start_id, id, depth) AS (
          SELECT c.id, c.parent_id, 1 FROM categories c
           WHERE c.id = ANY(${[...ids]}::uuid[]) AND c.parent_id IS NOT NULL
          UNION ALL
          SELECT chain.start_id, c.parent_id, chain.depth + 1
            FROM chain JOIN categories c ON c.id = chain.id
           WHERE c.parent_id IS NOT NULL AND chain.depth < ${MAX_CATEGORY_DEPTH}
        )
        SELECT chain.start_id, chain.depth, c.*
          FROM chain JOIN categories c ON c.id = chain.id`,
    );
    const groups = groupBy(rows, (row) => row.startId);
    return ids.map((id) =>
      (groups.get(id) ?? [])
        .sort((a, b) => b.depth - a.depth)
        .map(({ startId: _s, depth: _d, ...category }) => {
          categoryById.prime(category.id, category);
          return category as CategoryRow;
        }),
    );
  });

  const loaders = {
    productById: byIdLoader<ProductRow>((ids) =>
      prisma.product.findMany({ where: { id: { in: ids } } }),
    ),
    categoryById,
    ancestors,
    /** Children ordered by position. */
    childrenByCategory: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.category.findMany({
        where: { parentId: { in: [...ids] } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
      const groups = groupBy(rows, (row) => row.parentId!);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    /** Ancestors' attribute definitions followed by the category's own. */
    definitionsByCategory: new DataLoader(async (ids: readonly string[]) => {
      // Sequential: the loaders may run inside a transaction (one connection).
      const chains = await ancestors.loadMany(ids);
      const own = await categoryById.loadMany(ids);
      return ids.map((_, index): StoredDefinition[] => {
        const chain = chains[index];
        const category = own[index];
        if (chain instanceof Error) throw chain;
        if (category instanceof Error) throw category;
        if (!category) return [];
        return [...chain!, category].flatMap((c) => parseDefinitions(c.attributeDefinitions));
      });
    }),
    /** Images ordered by position. */
    imagesByProduct: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.productImage.findMany({
        where: { productId: { in: [...ids] } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
      const groups = groupBy<ProductImageRow>(rows, (row) => row.productId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    /** Variants ordered by position. */
    variantsByProduct: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.variant.findMany({
        where: { productId: { in: [...ids] } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
      const groups = groupBy<VariantRow>(rows, (row) => row.productId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    variantById: byIdLoader<VariantRow>((ids) =>
      prisma.variant.findMany({ where: { id: { in: ids } } }),
    ),
  };

  return {
    ...loaders,
    /** The publish check of each product (an empty list for unknown ids). */
    publishProblemsByProduct: new DataLoader(async (ids: readonly string[]) => {
      const rows = await loaders.productById.loadMany(ids);
      const products = rows.filter(
        (row): row is ProductRow => Boolean(row) && !(row instanceof Error),
      );
      const problems = await computePublishProblems(prisma, loaders, products);
      const byId = new Map(products.map((product, index) => [product.id, problems[index]!]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
