// Reading products: one by id or slug, the public list, a seller's list,
// matches to attach an offer to. Lists are keyset-paginated raw SQL with a
// capped count computed only when selected.
import { Prisma, type Product as ProductRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { BadInputError, ForbiddenError } from '../../common/errors/errors.js';
import {
  type ConnectionArgs,
  connectionFromRows,
  decodeCursor,
} from '../../common/pagination/connection.js';
import { isUuid } from '../../common/ids/uuid.js';
import { cappedCount } from '../../common/pagination/capped-count.js';
import type { Context } from '../../context.js';
import { canReadProduct } from './catalog.common.js';
import { and, containsPattern, rowsFromSql } from './catalog.sql.js';
import {
  ProductSort,
  ProductStatus,
  type ProductsArgs,
  type SellerProductsArgs,
} from './catalog.types.js';
import { subtreeSql } from './category.service.js';

/** Matches returned by productMatches. */
const MAX_MATCHES = 20;

interface Sort {
  /** The SQL expression sorted by (then p.id the same way). */
  expr: Prisma.Sql;
  descending: boolean;
  kind: 'date' | 'text';
}

const SORTS = {
  published: { expr: Prisma.sql`p.published_at`, descending: true, kind: 'date' },
  created: { expr: Prisma.sql`p.created_at`, descending: true, kind: 'date' },
  updated: { expr: Prisma.sql`p.updated_at`, descending: true, kind: 'date' },
  title: { expr: Prisma.sql`coalesce(lower(p.title->>'en'), '')`, descending: false, kind: 'text' },
} satisfies Record<string, Sort>;

type Key = { v: string; id: string };
const isKey = (value: unknown): value is Key =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Key).v === 'string' &&
  isUuid((value as Key).id);

function sortValue(row: ProductRow, sort: Sort): string {
  if (sort === SORTS.title) return ((row.title as { en?: string } | null)?.en ?? '').toLowerCase();
  const date =
    sort === SORTS.published
      ? (row.publishedAt ?? row.createdAt)
      : sort === SORTS.created
        ? row.createdAt
        : row.updatedAt;
  return new Date(date).toISOString();
}

/** One page of products matching `where`, in `sort` order. */
async function productPage(
  ctx: Context,
  where: Prisma.Sql[],
  sort: Sort,
  args: Pick<ConnectionArgs, 'first' | 'after'>,
) {
  const prisma = ctx.db.prisma;
  const filter = and(where);
  const conditions = [filter];
  if (args.after) {
    const key = decodeCursor(args.after, isKey);
    const value = sort.kind === 'date' ? Prisma.sql`${key.v}::timestamptz` : Prisma.sql`${key.v}`;
    conditions.push(
      sort.descending
        ? Prisma.sql`(${sort.expr}, p.id) < (${value}, ${key.id}::uuid)`
        : Prisma.sql`(${sort.expr}, p.id) > (${value}, ${key.id}::uuid)`,
    );
  }
  const direction = sort.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = rowsFromSql<ProductRow>(
    await prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT p.* FROM products p WHERE ${and(conditions)}
       ORDER BY ${sort.expr} ${direction}, p.id ${direction}
       LIMIT ${args.first + 1}`,
  );
  for (const row of rows) ctx.loaders.catalog.productById.prime(row.id, row);
  return connectionFromRows(rows, args, {
    cursorOf: (row) => ({ v: sortValue(row, sort), id: row.id }),
    count: () => cappedCount(prisma, Prisma.sql`products p`, filter),
  });
}

const emptyPage = (args: Pick<ConnectionArgs, 'first' | 'after'>) =>
  connectionFromRows<ProductRow>([], args, { cursorOf: () => null, count: async () => 0 });

const published = Prisma.sql`p.status = 'PUBLISHED'::"ProductStatus"`;

/** Owned by the seller, or offered by it on one of its variants. */
function ownedOrOffered(sellerId: string): Prisma.Sql {
  // The one place the catalog reads the offers table: "products a seller
  // offers" is a catalog listing, and a join is far cheaper than asking the
  // offers service for every product id first.
  return Prisma.sql`(p.owner_seller_id = ${sellerId}::uuid OR EXISTS (
      SELECT 1 FROM variants v JOIN offers o ON o.variant_id = v.id
       WHERE v.product_id = p.id AND o.seller_id = ${sellerId}::uuid))`;
}

/** Public product page: published only, except drafts by id for those who may manage them. */
export async function findProduct(ctx: Context, id?: string | null, slug?: string | null) {
  if (!id && !slug) throw new BadInputError('Give the product id or slug.');
  let product: ProductRow | null;
  if (id) {
    product = isUuid(id) ? await ctx.loaders.catalog.productById.load(id) : null;
    if (product && slug && product.slug.toLowerCase() !== slug.trim().toLowerCase()) return null;
  } else {
    product = await ctx.db.prisma.product.findUnique({ where: { slug: slug!.trim() } });
    if (product) ctx.loaders.catalog.productById.prime(product.id, product);
  }
  if (!product) return null;
  if (product.status === ProductStatus.PUBLISHED) return product;
  return id && canReadProduct(ctx.session, product) ? product : null;
}

export async function listProducts(ctx: Context, args: ProductsArgs) {
  const where = [published];
  if (args.categorySlug) {
    const category = await ctx.db.prisma.category.findUnique({
      where: { slug: args.categorySlug.trim() },
      select: { id: true },
    });
    if (!category) return emptyPage(args);
    where.push(Prisma.sql`p.category_id IN (${subtreeSql(category.id)})`);
  }
  const sort =
    args.sort === ProductSort.TITLE
      ? SORTS.title
      : args.sort === ProductSort.UPDATED
        ? SORTS.updated
        : SORTS.published;
  return productPage(ctx, where, sort, args);
}

export async function listSellerProducts(ctx: Context, args: SellerProductsArgs) {
  if (!can(ctx.session, Permission.PRODUCTS_READ, args.sellerId)) throw new ForbiddenError();
  if (!isUuid(args.sellerId)) return emptyPage(args);
  const where = [ownedOrOffered(args.sellerId)];
  if (args.status) where.push(Prisma.sql`p.status = ${args.status}::"ProductStatus"`);
  if (args.categoryId) {
    if (!isUuid(args.categoryId)) return emptyPage(args);
    where.push(Prisma.sql`p.category_id IN (${subtreeSql(args.categoryId)})`);
  }
  const query = args.query?.trim();
  if (query) {
    const pattern = containsPattern(query.slice(0, 200));
    where.push(Prisma.sql`(p.title->>'en' ILIKE ${pattern} OR p.title->>'zh-CN' ILIKE ${pattern}
      OR p.slug::text ILIKE ${pattern} OR p.brand ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id
                 AND (v.sku::text ILIKE ${pattern} OR v.barcode = ${query})))`);
  }
  const sort =
    args.sort === ProductSort.TITLE
      ? SORTS.title
      : args.sort === ProductSort.NEWEST
        ? SORTS.created
        : SORTS.updated;
  return productPage(ctx, where, sort, args);
}

/** Seller.products: published products the seller owns or offers, newest first. */
export function listSellerPublishedProducts(
  ctx: Context,
  sellerId: string,
  args: Pick<ConnectionArgs, 'first' | 'after'>,
) {
  return productPage(ctx, [published, ownedOrOffered(sellerId)], SORTS.published, args);
}

/**
 * Products a seller may attach an offer to: the exact barcode first, then
 * titles similar to `title` (pg_trgm); published ones, or the caller's own.
 */
export async function productMatches(
  ctx: Context,
  barcode?: string | null,
  title?: string | null,
): Promise<ProductRow[]> {
  const prisma = ctx.db.prisma;
  const session = ctx.session;
  const own = [...session.sellerPermissions.entries()]
    .filter(([, permissions]) => permissions.has(Permission.OFFERS_MANAGE))
    .map(([sellerId]) => sellerId);
  const visible = session.permissions.has(Permission.OFFERS_MANAGE)
    ? Prisma.sql`p.status <> 'ARCHIVED'::"ProductStatus"`
    : Prisma.sql`(${published} OR p.owner_seller_id = ANY(${own}::uuid[]))`;
  const matches: ProductRow[] = [];
  const code = barcode?.trim();
  if (code) {
    matches.push(
      ...rowsFromSql<ProductRow>(
        await prisma.$queryRaw<Record<string, unknown>[]>`
          SELECT p.* FROM products p
           WHERE ${visible} AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.barcode = ${code})
           ORDER BY p.created_at, p.id LIMIT ${MAX_MATCHES}`,
      ),
    );
  }
  const text = title?.trim().toLowerCase().slice(0, 200);
  if (text && text.length >= 3 && matches.length < MAX_MATCHES) {
    const seen = matches.map((p) => p.id);
    matches.push(
      ...rowsFromSql<ProductRow>(
        await prisma.$queryRaw<Record<string, unknown>[]>`
          SELECT p.* FROM products p
           WHERE ${visible} AND lower(p.title->>'en') % ${text}
             AND NOT (p.id = ANY(${seen}::uuid[]))
           ORDER BY similarity(lower(p.title->>'en'), ${text}) DESC, p.id
           LIMIT ${MAX_MATCHES - matches.length}`,
      ),
    );
  }
  for (const row of matches) ctx.loaders.catalog.productById.prime(row.id, row);
  return matches;
}
