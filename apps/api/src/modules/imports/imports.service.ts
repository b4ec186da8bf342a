// CSV import and export of a seller's catalog: queueing an import (the file is
// kept on the job row until the job has read it), the jobs for the
// back-office, the per-row error report and the streaming export.
import type { Database } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { type Session, can } from '../../common/auth/session.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import {
  type ConnectionArgs,
  connectionFromRows,
  decodeCursor,
} from '../../common/pagination/connection.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import type { Env } from '../../env.js';
import { COLUMNS, NOT_UTF8, csvLine, decodeUtf8, formatList, formatPairs } from './imports.csv.js';
import { attributeText } from './imports.rules.js';
import type { ImportJob } from './imports.types.js';

/** Importing writes products, offers and stock: it needs the three for the seller. */
export function canImport(session: Session, sellerId: string): boolean {
  return (
    can(session, Permission.PRODUCTS_MANAGE, sellerId) &&
    can(session, Permission.OFFERS_MANAGE, sellerId) &&
    can(session, Permission.INVENTORY_MANAGE, sellerId)
  );
}

/** The export shows drafts, offers and stock: products:read and inventory:read for the seller. */
export function canExport(session: Session, sellerId: string): boolean {
  return (
    (can(session, Permission.PRODUCTS_READ, sellerId) ||
      can(session, Permission.PRODUCTS_MANAGE, sellerId)) &&
    (can(session, Permission.INVENTORY_READ, sellerId) ||
      can(session, Permission.INVENTORY_MANAGE, sellerId))
  );
}

/** A file name for display: its last path segment, printable, at most 200 characters. */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char >= ' ' && char !== '\u007f' && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'import.csv';
}

/**
 * Queues an import of `bytes` (the caller checked the permissions). A file
 * that is not UTF-8 makes a job that has already failed, so the back-office
 * shows why like any other refused file.
 */
export async function queueImport(
  db: Database,
  input: {
    sellerId: string;
    createdById: string | null;
    dryRun: boolean;
    fileName: string;
    bytes: Uint8Array;
  },
): Promise<{ id: string }> {
  const text = decodeUtf8(input.bytes);
  const job = await db.prisma.importJob.create({
    data: {
      sellerId: input.sellerId,
      createdById: input.createdById,
      fileName: input.fileName,
      dryRun: input.dryRun,
      content: text ?? '',
      ...(text === null
        ? { status: 'FAILED', failure: NOT_UTF8, startedAt: new Date(), finishedAt: new Date() }
        : {}),
    },
    select: { id: true },
  });
  return job;
}

// ---- GraphQL

type JobRow = Omit<ImportJob, 'status'> & { status: ImportJob['status'] };

const JOB_FIELDS = { content: true, errors: true } as const;

/** products:manage for the job's seller; null when absent or not allowed. */
export async function findImportJob(ctx: Context, id: string): Promise<JobRow | null> {
  if (!isUuid(id)) return null;
  const job = await ctx.db.prisma.importJob.findUnique({ where: { id }, omit: JOB_FIELDS });
  if (!job || !can(ctx.session, Permission.PRODUCTS_MANAGE, job.sellerId)) return null;
  return job;
}

interface JobKey {
  createdAt: string;
  id: string;
}
const isJobKey = (value: unknown): value is JobKey =>
  typeof (value as JobKey | null)?.createdAt === 'string' &&
  !Number.isNaN(Date.parse((value as JobKey).createdAt)) &&
  isUuid((value as JobKey).id);

/** A seller's imports, newest first (products:manage for the seller). */
export async function listImportJobs(ctx: Context, sellerId: string, args: ConnectionArgs) {
  if (!can(ctx.session, Permission.PRODUCTS_MANAGE, sellerId)) throw new ForbiddenError();
  const after = args.after ? decodeCursor(args.after, isJobKey) : null;
  const where = isUuid(sellerId) ? { sellerId } : { sellerId: { in: [] } };
  const rows = await ctx.db.prisma.importJob.findMany({
    where: after
      ? {
          ...where,
          OR: [
            { createdAt: { lt: new Date(after.createdAt) } },
            { createdAt: new Date(after.createdAt), id: { lt: after.id } },
          ],
        }
      : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
    omit: JOB_FIELDS,
  });
  return connectionFromRows<JobRow>(rows, args, {
    cursorOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
    count: () => ctx.db.prisma.importJob.count({ where }),
  });
}

/** 0..100: the share of rows processed; 100 once the job has finished. */
export function progressOf(job: Pick<JobRow, 'status' | 'totalRows' | 'processedRows'>): number {
  if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return 100;
  if (job.totalRows === 0) return 0;
  return Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100));
}

export function errorReportUrl(env: Pick<Env, 'PUBLIC_URL'>, jobId: string): string {
  return `${env.PUBLIC_URL.replace(/\/+$/, '')}/imports/${jobId}/errors.csv`;
}

// ---- CSV downloads

/** Every row error of a job as CSV: row,column,code,message. */
export async function* errorReportLines(
  errors: readonly { row: number; column: string | null; code: string; message: string }[],
): AsyncGenerator<string> {
  yield csvLine(['row', 'column', 'code', 'message']);
  let chunk = '';
  for (const error of errors) {
    chunk += csvLine([error.row, error.column, error.code, error.message]);
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

interface ExportRow {
  sku: string;
  product_slug: string;
  title_en: string | null;
  title_zh_cn: string | null;
  description_en: string | null;
  category_slug: string | null;
  brand: string | null;
  tags: string[] | null;
  attributes: Record<string, unknown> | null;
  option_values: Record<string, unknown> | null;
  barcode: string | null;
  weight_grams: number | null;
  price: number;
  compare_at_price: number | null;
  currency: string;
  condition: string;
  handling_days: number;
  allow_backorder: boolean;
  location: string | null;
  on_hand: number | null;
}

const EXPORT_BATCH = 1_000;

/**
 * The seller's offers in the import format, one row per offer and stock
 * location (one row without a location when the offer has no stock levels).
 * Read through a cursor in one REPEATABLE READ snapshot, so a large catalog
 * streams in constant memory and reads consistently.
 */
export async function* catalogExportLines(db: Database, sellerId: string): AsyncGenerator<string> {
  const client = await db.pool.connect();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await client.query(
      `DECLARE catalog_export NO SCROLL CURSOR FOR
       SELECT v.sku::text AS sku, p.slug::text AS product_slug,
              p.title->>'en' AS title_en, p.title->>'zh-CN' AS title_zh_cn,
              p.description->>'en' AS description_en, c.slug::text AS category_slug,
              p.brand, p.tags, p.attributes, v.option_values, v.barcode, v.weight_grams,
              o.price, o.compare_at_price, o.currency::text AS currency, o.condition::text AS condition,
              o.handling_days, o.allow_backorder, l.name AS location, s.on_hand
         FROM offers o
         JOIN variants v ON v.id = o.variant_id
         JOIN products p ON p.id = v.product_id
         LEFT JOIN categories c ON c.id = p.category_id
         LEFT JOIN stock_levels s ON s.offer_id = o.id
         LEFT JOIN stock_locations l ON l.id = s.location_id
        WHERE o.seller_id = $1::uuid
        ORDER BY p.slug, v.position, v.sku, o.condition, l.created_at, l.id`,
      [sellerId],
    );
    yield csvLine(COLUMNS);
    for (;;) {
      const { rows } = await client.query<ExportRow>(`FETCH ${EXPORT_BATCH} FROM catalog_export`);
      if (rows.length === 0) break;
      yield rows.map(exportLine).join('');
    }
    await client.query('COMMIT');
    open = false;
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

function exportLine(row: ExportRow): string {
  const pairs = (record: Record<string, unknown> | null) =>
    formatPairs(
      Object.entries(record ?? {}).map(([key, value]) => [key, attributeText(value)] as const),
    );
  const values: Record<(typeof COLUMNS)[number], string | number | boolean | null> = {
    sku: row.sku,
    product_slug: row.product_slug,
    title_en: row.title_en,
    title_zh_cn: row.title_zh_cn,
    description_en: row.description_en,
    category_slug: row.category_slug,
    brand: row.brand,
    tags: formatList(row.tags ?? []),
    attributes: pairs(row.attributes),
    option_values: pairs(row.option_values),
    barcode: row.barcode,
    weight_grams: row.weight_grams,
    price: row.price,
    compare_at_price: row.compare_at_price,
    currency: row.currency,
    condition: row.condition,
    handling_days: row.handling_days,
    allow_backorder: row.allow_backorder,
    location: row.location,
    on_hand: row.on_hand,
  };
  return csvLine(COLUMNS.map((column) => values[column]));
}
