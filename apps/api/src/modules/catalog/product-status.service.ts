// Draft, published, archived: publishing runs the publish check and refuses
// with every problem it finds; the bulk action applies what it can.
import type { Prisma, Product as ProductRow } from '@bazaar/db';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { canManageProduct, productsChanged } from './catalog.common.js';
import { createCatalogLoaders } from './catalog.loaders.js';
import {
  type ProductPublishErrorCode,
  type ProductsBulkSetStatusErrorCode,
  ProductStatus,
  type ProductStatusChangeErrorCode,
} from './catalog.types.js';
import { manageableProduct } from './product.service.js';
import { computePublishProblems } from './publish-check.js';

/** Products per bulk action. */
export const MAX_BULK_IDS = 100;

type Db = Prisma.TransactionClient;

/** The publish check on current data (no request cache). */
function freshProblems(db: Db, products: readonly ProductRow[]) {
  return computePublishProblems(db, createCatalogLoaders(db), products);
}

/** Sets the status of products the caller may manage, publishing an event each. */
async function setStatus(db: Db, ids: readonly string[], status: ProductStatus) {
  if (ids.length === 0) return [];
  const now = new Date();
  await db.product.updateMany({
    where: { id: { in: [...ids] } },
    data: { status, updatedAt: now },
  });
  if (status === ProductStatus.PUBLISHED)
    await db.product.updateMany({
      where: { id: { in: [...ids] }, publishedAt: null },
      data: { publishedAt: now },
    });
  await productsChanged(db, ids, { touch: false });
  const rows = await db.product.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function publishProduct(ctx: Context, id: string) {
  const errors = new PayloadErrors<ProductPublishErrorCode>();
  const found = await manageableProduct(ctx, id);
  if (!('product' in found))
    return { product: null, errors: errors.add(found.code, found.message).list };
  return ctx.db.prisma.$transaction(async (tx) => {
    const [problems = []] = await freshProblems(tx, [found.product]);
    if (problems.length) {
      for (const problem of problems) errors.add(problem.code, problem.message, problem.field);
      return { product: null, errors: errors.list };
    }
    const [product] = await setStatus(tx, [id], ProductStatus.PUBLISHED);
    return { product: product ?? null, errors: [] };
  });
}

async function changeStatus(ctx: Context, id: string, status: ProductStatus) {
  const errors = new PayloadErrors<ProductStatusChangeErrorCode>();
  const found = await manageableProduct(ctx, id);
  if (!('product' in found))
    return { product: null, errors: errors.add(found.code, found.message).list };
  const [product] = await ctx.db.prisma.$transaction((tx) => setStatus(tx, [id], status));
  return { product: product ?? null, errors: [] };
}

export const unpublishProduct = (ctx: Context, id: string) =>
  changeStatus(ctx, id, ProductStatus.DRAFT);

export const archiveProduct = (ctx: Context, id: string) =>
  changeStatus(ctx, id, ProductStatus.ARCHIVED);

/** Each id checked as the single mutation would; errors at "ids.<index>", the rest applied. */
export async function bulkSetStatus(ctx: Context, ids: readonly string[], status: ProductStatus) {
  const errors = new PayloadErrors<ProductsBulkSetStatusErrorCode>();
  if (ids.length > MAX_BULK_IDS)
    return {
      products: [],
      errors: errors.add('TOO_MANY', `At most ${MAX_BULK_IDS} products at a time.`, 'ids').list,
    };
  return ctx.db.prisma.$transaction(async (tx) => {
    const valid = ids.filter(isUuid);
    const rows = await tx.product.findMany({ where: { id: { in: valid } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const candidates: { index: number; product: ProductRow }[] = [];
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      const product = byId.get(id);
      if (!product) errors.add('NOT_FOUND', 'This product does not exist.', `ids.${index}`);
      else if (!canManageProduct(ctx.session, product))
        errors.add('FORBIDDEN', 'You cannot edit this product.', `ids.${index}`);
      else if (!seen.has(id)) {
        seen.add(id);
        candidates.push({ index, product });
      }
    });
    let apply = candidates;
    if (status === ProductStatus.PUBLISHED) {
      const problems = await freshProblems(
        tx,
        candidates.map((c) => c.product),
      );
      apply = candidates.filter(({ index, product }, position) => {
        const found = problems[position] ?? [];
        for (const problem of found)
          errors.add(problem.code, `${product.slug}: ${problem.message}`, `ids.${index}`);
        return found.length === 0;
      });
    }
    const products = await setStatus(
      tx,
      apply.map((c) => c.product.id),
      status,
    );
    return { products, errors: errors.list };
  });
}
