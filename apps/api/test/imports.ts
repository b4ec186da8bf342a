// Test helpers of the import tests: a seller with a signed-in owner, a small
// category tree, and uploading then running an import in-process.
import { db, type TestApi } from './api.js';
import { createSeller, signIn } from './accounts.js';
import { COLUMNS } from '../src/modules/imports/imports.csv.js';
import { runNextImport } from '../src/modules/imports/import.job.js';

export async function sellerWithOwner(api: TestApi, slug: string) {
  const { seller, store, owner } = await createSeller(slug);
  const client = await signIn(api, owner.email);
  return { seller, store, owner, token: client.token! };
}

/** clothing (material: ENUM, organic: BOOLEAN) > shirts (fit: ENUM, thread_count: NUMBER). */
export async function createCategories() {
  const clothing = await db.prisma.category.create({
    data: {
      slug: 'clothing',
      name: { en: 'Clothing' },
      attributeDefinitions: [
        {
          key: 'material',
          name: { en: 'Material' },
          type: 'ENUM',
          options: ['Cotton', 'Linen'],
          required: false,
          facet: true,
        },
        { key: 'organic', name: { en: 'Organic' }, type: 'BOOLEAN', required: false, facet: false },
      ],
    },
  });
  const shirts = await db.prisma.category.create({
    data: {
      slug: 'shirts',
      parentId: clothing.id,
      name: { en: 'Shirts' },
      attributeDefinitions: [
        {
          key: 'fit',
          name: { en: 'Fit' },
          type: 'ENUM',
          options: ['Slim', 'Regular'],
          required: false,
          facet: true,
        },
        {
          key: 'thread_count',
          name: { en: 'Thread count' },
          type: 'NUMBER',
          required: false,
          facet: false,
        },
        { key: 'care', name: { en: 'Care' }, type: 'TEXT', required: false, facet: false },
      ],
    },
  });
  return { clothing, shirts };
}

/** A CSV text from objects keyed by column (missing cells empty). */
export function csv(
  rows: Partial<Record<(typeof COLUMNS)[number], string | number>>[],
  columns: readonly string[] = COLUMNS,
): string {
  const quote = (value: string) =>
    /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return [
    columns.join(','),
    ...rows.map((row) =>
      columns.map((c) => quote(String(row[c as (typeof COLUMNS)[number]] ?? ''))).join(','),
    ),
  ].join('\r\n');
}

export interface UploadOptions {
  sellerId: string;
  token?: string | null;
  dryRun?: boolean;
  contentType?: string;
  fileName?: string;
}

export function upload(api: TestApi, body: string | Buffer, options: UploadOptions) {
  const query = new URLSearchParams({
    sellerId: options.sellerId,
    dryRun: String(options.dryRun ?? false),
  });
  if (options.fileName) query.set('fileName', options.fileName);
  return api.app.inject({
    method: 'POST',
    url: `/imports?${query}`,
    headers: {
      'content-type': options.contentType ?? 'text/csv',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    payload: body,
  });
}

/** Runs queued imports in this process until none is left (alert links on the test PUBLIC_URL). */
export async function runImports(api: TestApi, publicUrl = 'http://localhost:4000'): Promise<void> {
  while ((await runNextImport(db, api.app.log, publicUrl)) > 0);
}

/** Uploads, runs the job and returns its row. */
export async function importCsv(api: TestApi, body: string | Buffer, options: UploadOptions) {
  const response = await upload(api, body, options);
  if (response.statusCode !== 202)
    throw new Error(`upload refused: ${response.statusCode} ${response.body}`);
  await runImports(api);
  const { id } = response.json() as { id: string };
  return db.prisma.importJob.findUniqueOrThrow({ where: { id } });
}

/** Row counts of everything an import may write. */
export async function counts() {
  const [products, variants, offers, levels, movements, history, events, locations] =
    await Promise.all([
      db.prisma.product.count(),
      db.prisma.variant.count(),
      db.prisma.offer.count(),
      db.prisma.stockLevel.count(),
      db.prisma.stockMovement.count(),
      db.prisma.priceHistory.count(),
      db.prisma.outboxEvent.count(),
      db.prisma.stockLocation.count(),
    ]);
  return { products, variants, offers, levels, movements, history, events, locations };
}
