// The category tree: nested, ordered among siblings, each with attribute
// definitions its products (and its descendants' products) are checked against.
import { type Category as CategoryRow, Prisma } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { BadInputError } from '../../common/errors/errors.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { connectionFromRows, decodeCursor } from '../../common/pagination/connection.js';
import { isUuid } from '../../common/ids/uuid.js';
import { cappedCount } from '../../common/pagination/capped-count.js';
import type { Context } from '../../context.js';
import { isUniqueViolation, localizedInput, productsChanged } from './catalog.common.js';
import { MAX_CATEGORY_DEPTH } from './catalog.loaders.js';
import { rowsFromSql } from './catalog.sql.js';
import type {
  CategoriesArgs,
  CategoryDeleteErrorCode,
  CategoryErrorCode,
  CategoryInput,
} from './catalog.types.js';
import {
  cleanDefinitions,
  LIMITS,
  normaliseSlug,
  parseDefinitions,
  SLUG_RULE,
} from './catalog.validation.js';

type Db = Prisma.TransactionClient;

/** The category and every category below it. */
export async function subtreeIds(db: Db, id: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree (id, depth) AS (
      SELECT id, 0 FROM categories WHERE id = ${id}::uuid
      UNION ALL
      SELECT c.id, tree.depth + 1 FROM categories c JOIN tree ON c.parent_id = tree.id
       WHERE tree.depth < ${MAX_CATEGORY_DEPTH}
    )
    SELECT id::text AS id FROM tree`;
  return rows.map((row) => row.id);
}

/** SQL: the ids of `categoryId` and its descendants (for `IN (...)`). */
export function subtreeSql(categoryId: string): Prisma.Sql {
  return Prisma.sql`WITH RECURSIVE tree (id, depth) AS (
      SELECT id, 0 FROM categories WHERE id = ${categoryId}::uuid
      UNION ALL
      SELECT c.id, tree.depth + 1 FROM categories c JOIN tree ON c.parent_id = tree.id
       WHERE tree.depth < ${MAX_CATEGORY_DEPTH}
    ) SELECT id FROM tree`;
}

const isPositionKey = (value: unknown): value is { p: number; id: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { p?: unknown }).p === 'number' &&
  isUuid((value as { id?: unknown }).id as string);

const isLevelKey = (value: unknown): value is { d: number; p: number; id: string } =>
  isPositionKey(value) && Number.isInteger((value as { d?: unknown }).d);

/**
 * Every category, ordered by depth (top level first), then position and id:
 * a client builds the tree from `parent` without nesting `children` selections.
 * Paged by a keyset on that order.
 */
async function listAllCategories(ctx: Context, args: CategoriesArgs) {
  const prisma = ctx.db.prisma;
  if (args.parentId != null)
    throw new BadInputError('allLevels lists every category: leave parentId out.', [
      { field: 'parentId', message: 'Not allowed with allLevels.' },
    ]);
  const after = args.after ? decodeCursor(args.after, isLevelKey) : null;
  const rows = rowsFromSql<CategoryRow & { depth: number }>(
    await prisma.$queryRaw<Record<string, unknown>[]>`
      WITH RECURSIVE tree (id, depth) AS (
        SELECT id, 0 FROM categories WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, tree.depth + 1 FROM categories c JOIN tree ON c.parent_id = tree.id
         WHERE tree.depth < ${MAX_CATEGORY_DEPTH}
      )
      SELECT tree.depth, c.* FROM tree JOIN categories c ON c.id = tree.id
       WHERE ${after ? Prisma.sql`(tree.depth, c.position, c.id) > (${after.d}, ${after.p}, ${after.id}::uuid)` : Prisma.sql`TRUE`}
       ORDER BY tree.depth, c.position, c.id
       LIMIT ${args.first + 1}`,
  );
  const loader = ctx.loaders.catalog.categoryById;
  return connectionFromRows(rows, args, {
    cursorOf: (row) => ({ d: row.depth, p: row.position, id: row.id }),
    count: () => cappedCount(prisma, Prisma.sql`categories`, Prisma.sql`TRUE`),
    toNode: ({ depth: _depth, ...category }): CategoryRow => {
      // `parent` of the next rows is mostly on this page: no second read.
      loader.prime(category.id, category);
      return category;
    },
  });
}

export async function listCategories(ctx: Context, args: CategoriesArgs) {
  if (args.allLevels) return listAllCategories(ctx, args);
  const prisma = ctx.db.prisma;
  const parentId = args.parentId ?? null;
  const after = args.after ? decodeCursor(args.after, isPositionKey) : null;
  const empty = connectionFromRows<CategoryRow>([], args, {
    cursorOf: () => null,
    count: async () => 0,
  });
  if (parentId !== null && !isUuid(parentId)) return empty;
  const where: Prisma.CategoryWhereInput = { parentId };
  const rows = await prisma.category.findMany({
    where: after
      ? {
          AND: [
            where,
            {
              OR: [{ position: { gt: after.p } }, { position: after.p, id: { gt: after.id } }],
            },
          ],
        }
      : where,
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => ({ p: row.position, id: row.id }),
    count: () =>
      cappedCount(
        prisma,
        Prisma.sql`categories`,
        parentId ? Prisma.sql`parent_id = ${parentId}::uuid` : Prisma.sql`parent_id IS NULL`,
      ),
  });
}

export function findCategory(ctx: Context, slug: string): Promise<CategoryRow | null> {
  return ctx.db.prisma.category.findUnique({ where: { slug: slug.trim() } });
}

type Outcome = { category: CategoryRow | null; errors: PayloadErrors<CategoryErrorCode>['list'] };

function refuse(code: CategoryErrorCode, message: string, field: string | null = null): Outcome {
  return {
    category: null,
    errors: new PayloadErrors<CategoryErrorCode>().add(code, message, field).list,
  };
}

/** Keys defined by the category's new ancestors and by its descendants (they must not repeat). */
async function surroundingKeys(db: Db, parentId: string | null, selfId: string | null) {
  const keys = new Set<string>();
  if (parentId) {
    const rows = await db.$queryRaw<{ attribute_definitions: unknown }[]>`
      WITH RECURSIVE chain (id, depth) AS (
        SELECT ${parentId}::uuid, 0
        UNION ALL
        SELECT c.parent_id, chain.depth + 1 FROM chain JOIN categories c ON c.id = chain.id
         WHERE c.parent_id IS NOT NULL AND chain.depth < ${MAX_CATEGORY_DEPTH}
      )
      SELECT c.attribute_definitions FROM chain JOIN categories c ON c.id = chain.id`;
    for (const row of rows)
      for (const definition of parseDefinitions(row.attribute_definitions))
        keys.add(definition.key);
  }
  if (selfId) {
    const descendants = (await subtreeIds(db, selfId)).filter((id) => id !== selfId);
    const rows = await db.category.findMany({
      where: { id: { in: descendants } },
      select: { attributeDefinitions: true },
    });
    for (const row of rows)
      for (const definition of parseDefinitions(row.attributeDefinitions)) keys.add(definition.key);
  }
  return keys;
}

async function categoryData(ctx: Context, input: CategoryInput, self: CategoryRow | null) {
  const db = ctx.db.prisma;
  const errors = new PayloadErrors<CategoryErrorCode>();
  const slug = normaliseSlug(input.slug);
  if (!slug) errors.add('SLUG_INVALID', SLUG_RULE, 'slug');
  else if (
    await db.category.findFirst({ where: { slug, NOT: self ? { id: self.id } : undefined } })
  )
    errors.add('SLUG_TAKEN', 'Another category uses this slug.', 'slug');
  const name = localizedInput(errors, input.name, 'name', {
    maxLength: LIMITS.categoryNameLength,
    requiredCode: 'NAME_REQUIRED',
  });
  const description = localizedInput(errors, input.description, 'description', {
    maxLength: LIMITS.categoryDescriptionLength,
  });
  const imageUrl = input.imageUrl?.trim() || null;
  if (imageUrl && imageUrl.length > LIMITS.imageUrlLength)
    errors.add('TEXT_TOO_LONG', `At most ${LIMITS.imageUrlLength} characters.`, 'imageUrl');

  const parentId = input.parentId ?? null;
  let parentOk = true;
  if (parentId !== null) {
    const parent = isUuid(parentId)
      ? await db.category.findUnique({ where: { id: parentId } })
      : null;
    if (!parent) {
      parentOk = false;
      errors.add('PARENT_INVALID', 'This parent category does not exist.', 'parentId');
    } else if (self && (await subtreeIds(db, self.id)).includes(parentId)) {
      parentOk = false;
      errors.add(
        'PARENT_INVALID',
        'A category cannot move under itself or one of its subcategories.',
        'parentId',
      );
    }
  }
  let definitions = null;
  if (parentOk) {
    const cleaned = cleanDefinitions(
      input.attributeDefinitions ?? [],
      await surroundingKeys(db, parentId, self?.id ?? null),
    );
    if ('problem' in cleaned)
      errors.add('ATTRIBUTE_INVALID', cleaned.problem.message, cleaned.problem.field);
    else definitions = cleaned.definitions;
  }
  if (errors.any) return { errors };
  // Kept when staying among the same siblings; otherwise appended after the last one.
  let position = input.position ?? (self && self.parentId === parentId ? self.position : null);
  if (position === null) {
    const last = await db.category.aggregate({ where: { parentId }, _max: { position: true } });
    position = (last._max.position ?? -1) + 1;
  }
  return {
    errors,
    data: {
      slug: slug!,
      parentId,
      name: name!,
      description: description ?? {},
      imageUrl,
      position,
      attributeDefinitions: definitions as unknown as Prisma.InputJsonValue,
    },
  };
}

export async function createCategory(ctx: Context, input: CategoryInput): Promise<Outcome> {
  if (!ctx.session.permissions.has(Permission.CATEGORIES_MANAGE))
    return refuse('FORBIDDEN', 'Only platform admins manage categories.');
  const { errors, data } = await categoryData(ctx, input, null);
  if (!data) return { category: null, errors: errors.list };
  try {
    return { category: await ctx.db.prisma.category.create({ data }), errors: [] };
  } catch (error) {
    if (isUniqueViolation(error, 'slug'))
      return refuse('SLUG_TAKEN', 'Another category uses this slug.', 'slug');
    throw error;
  }
}

export async function updateCategory(
  ctx: Context,
  id: string,
  input: CategoryInput,
): Promise<Outcome> {
  if (!ctx.session.permissions.has(Permission.CATEGORIES_MANAGE))
    return refuse('FORBIDDEN', 'Only platform admins manage categories.');
  const self = isUuid(id) ? await ctx.db.prisma.category.findUnique({ where: { id } }) : null;
  if (!self) return refuse('NOT_FOUND', 'This category does not exist.');
  const { errors, data } = await categoryData(ctx, input, self);
  if (!data) return { category: null, errors: errors.list };
  // Products below change search documents when the chain or the definitions change.
  const reindex =
    data.parentId !== self.parentId ||
    JSON.stringify(data.attributeDefinitions) !== JSON.stringify(self.attributeDefinitions);
  try {
    const category = await ctx.db.prisma.$transaction(async (tx) => {
      const updated = await tx.category.update({ where: { id }, data });
      if (reindex) {
        const products = await tx.product.findMany({
          where: { categoryId: { in: await subtreeIds(tx, id) } },
          select: { id: true },
        });
        await productsChanged(
          tx,
          products.map((p) => p.id),
          { touch: false },
        );
      }
      return updated;
    });
    return { category, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error, 'slug'))
      return refuse('SLUG_TAKEN', 'Another category uses this slug.', 'slug');
    throw error;
  }
}

export async function deleteCategory(ctx: Context, id: string) {
  const errors = new PayloadErrors<CategoryDeleteErrorCode>();
  const fail = (code: CategoryDeleteErrorCode, message: string) => ({
    category: null,
    errors: errors.add(code, message).list,
  });
  if (!ctx.session.permissions.has(Permission.CATEGORIES_MANAGE))
    return fail('FORBIDDEN', 'Only platform admins manage categories.');
  const prisma = ctx.db.prisma;
  const category = isUuid(id) ? await prisma.category.findUnique({ where: { id } }) : null;
  if (!category) return fail('NOT_FOUND', 'This category does not exist.');
  if (await prisma.category.findFirst({ where: { parentId: id }, select: { id: true } }))
    return fail('HAS_CHILDREN', 'Move or delete its subcategories first.');
  if (await prisma.product.findFirst({ where: { categoryId: id }, select: { id: true } }))
    return fail('HAS_PRODUCTS', 'Move its products to another category first.');
  await prisma.category.delete({ where: { id } });
  return { category, errors: [] };
}
