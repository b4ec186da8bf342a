// The import job: claims queued imports (FOR UPDATE SKIP LOCKED, so replicas
// share the queue), reads and checks the whole file (import.plan.ts), then
// writes the valid rows in transactions of BATCH_ROWS rows, each one publishing
// product.changed for what it touched and recording the job's progress.
// Writes are set-based (unnest + INSERT ... ON CONFLICT / UPDATE ... WHERE IS
// DISTINCT FROM), so re-importing a file changes nothing and writes no history.
import type { Database, Prisma } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { publishEvents } from '../../common/events/outbox.js';
import { alertLowStock, lockAvailable } from '../inventory/low-stock-alert.js';
import { FileRefused, readCsv } from './imports.csv.js';
import { uuidv7 } from './imports.ids.js';
import {
  type ImportPlan,
  type LocationRef,
  type ParsedRow,
  type RowError,
  type RowWrites,
  parseRow,
  planImport,
} from './import.plan.js';

export const BATCH_ROWS = 500;
/** A job RUNNING longer than this lost its worker (the process died): run it again. */
const STALE_AFTER_MINUTES = 30;
/** Row errors kept on the job; the counts stay exact beyond it. */
const MAX_STORED_ERRORS = 100_000;

type Tx = Prisma.TransactionClient;

/** The errors kept on the job: all of them, or the first ones and a last line saying so. */
function storedErrors(errors: readonly RowError[]): Prisma.InputJsonValue {
  const kept: RowError[] =
    errors.length <= MAX_STORED_ERRORS
      ? [...errors]
      : [
          ...errors.slice(0, MAX_STORED_ERRORS - 1),
          {
            row: errors[MAX_STORED_ERRORS - 1]!.row,
            column: null,
            code: 'TOO_MANY_ERRORS',
            message: `${(errors.length - MAX_STORED_ERRORS + 1).toLocaleString('en')} more errors are not listed: fix these and import again.`,
          },
        ];
  return kept as unknown as Prisma.InputJsonValue;
}

interface ClaimedJob {
  id: string;
  seller_id: string;
  created_by_id: string | null;
  dry_run: boolean;
  content: string;
}

/**
 * Claims and runs the oldest queued import; returns how many ran (0 or 1).
 * `publicUrl` (env.PUBLIC_URL) is for the links of low-stock alerts.
 */
export async function runNextImport(
  db: Database,
  log: FastifyBaseLogger,
  publicUrl: string,
): Promise<number> {
  const [job] = await db.prisma.$queryRaw<ClaimedJob[]>`
    UPDATE import_jobs SET status = 'RUNNING', started_at = now(), finished_at = NULL,
           processed_rows = 0, succeeded_rows = 0, failed_rows = 0, errors = '[]', failure = NULL
     WHERE id = (
       SELECT id FROM import_jobs
        WHERE status = 'QUEUED'
           OR (status = 'RUNNING' AND started_at < now() - make_interval(mins => ${STALE_AFTER_MINUTES}))
        ORDER BY created_at LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id::text, seller_id::text, created_by_id::text, dry_run, content`;
  if (!job) return 0;
  const started = Date.now();
  try {
    await runImport(db, job, log, publicUrl);
  } catch (error) {
    if (!(error instanceof FileRefused))
      log.error({ err: error, importJobId: job.id }, 'import failed');
    const failure =
      error instanceof FileRefused
        ? error.message
        : 'The import stopped because of an unexpected error; rows written before it are kept. Import the file again.';
    await db.prisma.importJob.update({
      where: { id: job.id },
      data: { status: 'FAILED', failure, finishedAt: new Date(), content: '' },
      select: { id: true },
    });
  }
  log.info({ importJobId: job.id, ms: Date.now() - started }, 'import finished');
  return 1;
}

async function runImport(
  db: Database,
  job: ClaimedJob,
  log: FastifyBaseLogger,
  publicUrl: string,
): Promise<void> {
  const records: { parsed: ParsedRow | null; errors: RowError[] }[] = [];
  for await (const record of readCsv(job.content)) records.push(parseRow(record));

  const plan = await planImport(db.prisma, job.seller_id, records);
  const errors = [...plan.errors];
  await db.prisma.importJob.update({
    where: { id: job.id },
    data: {
      totalRows: plan.totalRows,
      errors: storedErrors(errors),
    },
    select: { id: true },
  });

  const writer = job.dry_run ? null : new Writer(db, job, plan, log, publicUrl);
  if (writer) await writer.createLocations();
  let succeeded = 0;
  for (let start = 1; start <= plan.totalRows; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS - 1, plan.totalRows);
    const batch = plan.rows.filter((row) => row.row >= start && row.row <= end);
    const progress = (ok: number) => ({
      processedRows: end,
      succeededRows: succeeded + ok,
      failedRows: end - succeeded - ok,
    });
    if (writer) {
      const result = await writer.write(batch, { start, end }, progress);
      errors.push(...result.errors);
      succeeded += result.succeeded;
      if (!result.progressWritten) await recordProgress(db.prisma, job.id, progress(0));
    } else {
      succeeded += batch.length;
      await recordProgress(db.prisma, job.id, progress(0));
    }
  }
  errors.sort((a, b) => a.row - b.row);
  await db.prisma.importJob.update({
    where: { id: job.id },
    data: {
      status: 'SUCCEEDED',
      finishedAt: new Date(),
      processedRows: plan.totalRows,
      succeededRows: succeeded,
      failedRows: plan.totalRows - succeeded,
      errors: storedErrors(errors),
      content: '',
    },
    select: { id: true },
  });
}

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

const locationKey = (ref: LocationRef): string =>
  ref.kind === 'existing' ? ref.id : ref.kind === 'store' ? `store:${ref.storeId}` : 'default';

interface ProgressCounts {
  processedRows: number;
  succeededRows: number;
  failedRows: number;
}
type Progress = (succeededInBatch: number) => ProgressCounts;

/** The job's counts, without reading the row back (it holds the whole file until the end). */
async function recordProgress(db: Tx, jobId: string, counts: ProgressCounts): Promise<void> {
  await db.$executeRaw`
    UPDATE import_jobs SET processed_rows = ${counts.processedRows}, succeeded_rows = ${counts.succeededRows},
           failed_rows = ${counts.failedRows}
     WHERE id = ${jobId}::uuid`;
}

/** Writes a plan's valid rows, batch by batch. */
class Writer {
  /** Offer ids by `${sku}|${condition}`, as they are in the database. */
  private readonly offerIds = new Map<string, string>();
  /** Location ids by locationKey. */
  private readonly locationIds = new Map<string, string>();
  /** SKUs and products whose creation failed: their later rows fail too. */
  private readonly lostSkus = new Set<string>();
  private readonly lostProducts = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly job: ClaimedJob,
    private readonly plan: ImportPlan,
    private readonly log: FastifyBaseLogger,
    private readonly publicUrl: string,
  ) {
    for (const row of plan.rows)
      if (row.offer?.exists) this.offerIds.set(row.offer.key, row.offer.id);
  }

  /** The default warehouse and store locations the rows need, once, before the batches. */
  async createLocations(): Promise<void> {
    const sellerId = this.job.seller_id;
    if (!this.plan.locations.length) return;
    await this.db.prisma.$transaction(async (tx) => {
      // One creator at a time per seller, so two imports make one "Main warehouse".
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`stock-locations:${sellerId}`}))`;
      for (const ref of this.plan.locations) {
        if (ref.kind === 'store') {
          const [row] = await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO stock_locations (id, seller_id, kind, store_id, name)
            VALUES (${uuidv7()}::uuid, ${sellerId}::uuid, 'STORE', ${ref.storeId}::uuid, ${ref.name})
            ON CONFLICT (store_id) DO UPDATE SET store_id = EXCLUDED.store_id
            RETURNING id::text`;
          this.locationIds.set(locationKey(ref), row!.id);
        } else if (ref.kind === 'default') {
          const [existing] = await tx.$queryRaw<{ id: string }[]>`
            SELECT id::text FROM stock_locations WHERE seller_id = ${sellerId}::uuid AND kind = 'WAREHOUSE'
             ORDER BY created_at, id LIMIT 1`;
          const id = existing?.id ?? uuidv7();
          if (!existing)
            await tx.$executeRaw`
              INSERT INTO stock_locations (id, seller_id, kind, name)
              VALUES (${id}::uuid, ${sellerId}::uuid, 'WAREHOUSE', 'Main warehouse')`;
          this.locationIds.set('default', id);
        }
      }
    });
  }

  private locationId(ref: LocationRef): string {
    return ref.kind === 'existing' ? ref.id : this.locationIds.get(locationKey(ref))!;
  }

  /**
   * Writes one batch in one transaction, the job's progress included. Returns
   * the rows that failed while writing (a product or SKU taken meanwhile,
   * stock reserved meanwhile) and how many rows were written.
   */
  async write(
    batch: RowWrites[],
    range: { start: number; end: number },
    progress: Progress,
  ): Promise<{ errors: RowError[]; succeeded: number; progressWritten: boolean }> {
    const errors: RowError[] = [];
    const lost = new Set<number>();
    const fail = (row: number, column: string | null, code: string, message: string) => {
      if (lost.has(row)) return;
      lost.add(row);
      errors.push({ row, column, code, message });
    };
    const offerIds = new Map<string, string>();
    const lostSkus = new Set<string>();
    const lostProducts = new Set<string>();
    const failLost = () => {
      for (const row of batch) {
        if (this.lostSkus.has(row.skuKey) || lostSkus.has(row.skuKey))
          fail(
            row.row,
            'sku',
            'SKU_TAKEN',
            `SKU ${row.sku} was created by someone else meanwhile.`,
          );
        else if (this.lostProducts.has(row.productId) || lostProducts.has(row.productId))
          fail(
            row.row,
            'product_slug',
            'SLUG_TAKEN',
            'Another product took this product_slug meanwhile.',
          );
      }
    };
    failLost();
    const live = () => batch.filter((row) => !lost.has(row.row));
    try {
      await this.db.prisma.$transaction(
        async (tx) => {
          const touched = new Set<string>();
          await this.writeProducts(tx, live(), touched, lostProducts);
          failLost();
          await this.writeVariants(tx, live(), touched, lostSkus);
          failLost();
          await this.writeOffers(tx, live(), touched, offerIds);
          const offerIdOf = (key: string) => offerIds.get(key) ?? this.offerIds.get(key);
          for (const row of live())
            if (!offerIdOf(row.offerKey))
              fail(row.row, 'sku', 'NOT_APPLIED', 'The offer of this row could not be written.');
          const stockOfferIds = live()
            .filter((row) => row.stock)
            .flatMap((row) => offerIdOf(row.offerKey) ?? []);
          const availableBefore = await lockAvailable(tx, stockOfferIds);
          const blocked = await this.writeStock(tx, live(), touched, offerIdOf);
          for (const { row, reserved } of blocked)
            fail(
              row,
              'on_hand',
              'STOCK_RESERVED',
              `${reserved} units are reserved by orders at this location: on_hand cannot go below that.`,
            );
          await publishEvents(
            tx,
            'product.changed',
            [...touched].map((productId) => ({ productId })),
          );
          await alertLowStock(tx, this.publicUrl, availableBefore);
          await recordProgress(tx, this.job.id, progress(live().length));
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    } catch (error) {
      // The batch is rolled back as a whole: report its rows and go on with the next.
      this.log.error({ err: error, importJobId: this.job.id, ...range }, 'import batch failed');
      for (const row of batch)
        fail(
          row.row,
          null,
          'NOT_APPLIED',
          `This row was not saved: rows ${range.start} to ${range.end} failed together. Import them again.`,
        );
      return { errors, succeeded: 0, progressWritten: false };
    }
    for (const [key, id] of offerIds) this.offerIds.set(key, id);
    for (const sku of lostSkus) this.lostSkus.add(sku);
    for (const product of lostProducts) this.lostProducts.add(product);
    return { errors, succeeded: live().length, progressWritten: true };
  }

  /** New products, then the seller's own existing ones where something differs. */
  private async writeProducts(
    tx: Tx,
    rows: RowWrites[],
    touched: Set<string>,
    lostProducts: Set<string>,
  ): Promise<void> {
    const creates = rows.flatMap((row) => (row.createProduct ? [row.createProduct] : []));
    if (creates.length) {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO products (id, slug, category_id, owner_seller_id, brand, tags, title,
                              description, attributes, options, status, updated_at)
        SELECT i.id, i.slug::citext, i.category_id, ${this.job.seller_id}::uuid, i.brand,
               ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)), i.title::jsonb,
               i.description::jsonb, i.attributes::jsonb, i.options::jsonb, 'DRAFT', now()
          FROM unnest(${creates.map((p) => p.id)}::uuid[], ${creates.map((p) => p.slug)}::text[],
                      ${creates.map((p) => p.categoryId)}::uuid[], ${creates.map((p) => p.brand)}::text[],
                      ${creates.map((p) => json(p.tags))}::text[], ${creates.map((p) => json(p.title))}::text[],
                      ${creates.map((p) => json(p.description))}::text[],
                      ${creates.map((p) => json(p.attributes))}::text[], ${creates.map((p) => json(p.options))}::text[])
               AS i(id, slug, category_id, brand, tags, title, description, attributes, options)
        ON CONFLICT (slug) DO NOTHING
        RETURNING id::text`;
      const ok = new Set(inserted.map((row) => row.id));
      for (const product of creates) {
        if (ok.has(product.id)) touched.add(product.id);
        else lostProducts.add(product.id);
      }
    }
    const updates = rows.flatMap((row) => (row.updateProduct ? [row.updateProduct] : []));
    if (updates.length) {
      const updated = await tx.$queryRaw<{ id: string }[]>`
        UPDATE products p
           SET title = n.title, description = n.description, category_id = n.category_id,
               brand = n.brand, tags = n.tags, attributes = n.attributes, options = n.options,
               updated_at = now()
          FROM (SELECT p0.id,
                       p0.title || i.title::jsonb AS title,
                       p0.description || i.description::jsonb AS description,
                       coalesce(i.category_id, p0.category_id) AS category_id,
                       coalesce(i.brand, p0.brand) AS brand,
                       CASE WHEN i.tags IS NULL THEN p0.tags
                            ELSE ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)) END AS tags,
                       coalesce(i.attributes::jsonb, p0.attributes) AS attributes,
                       coalesce(i.options::jsonb, p0.options) AS options
                  FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => json(u.title))}::text[],
                              ${updates.map((u) => json(u.description))}::text[],
                              ${updates.map((u) => u.categoryId)}::uuid[], ${updates.map((u) => u.brand)}::text[],
                              ${updates.map((u) => json(u.tags))}::text[], ${updates.map((u) => json(u.attributes))}::text[],
                              ${updates.map((u) => json(u.options))}::text[])
                       AS i(id, title, description, category_id, brand, tags, attributes, options)
                  JOIN products p0 ON p0.id = i.id) n
         WHERE p.id = n.id AND p.owner_seller_id = ${this.job.seller_id}::uuid
           AND (p.title, p.description, p.category_id, p.brand, p.tags, p.attributes, p.options)
               IS DISTINCT FROM (n.title, n.description, n.category_id, n.brand, n.tags, n.attributes, n.options)
        RETURNING p.id::text`;
      for (const row of updated) touched.add(row.id);
    }
  }

  /** New variants, then the seller's own existing ones where something differs. */
  private async writeVariants(
    tx: Tx,
    rows: RowWrites[],
    touched: Set<string>,
    lostSkus: Set<string>,
  ): Promise<void> {
    const creates = rows.flatMap((row) => (row.createVariant ? [row.createVariant] : []));
    if (creates.length) {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO variants (id, product_id, sku, barcode, option_values, position, weight_grams, updated_at)
        SELECT i.id, i.product_id, i.sku::citext, i.barcode, i.option_values::jsonb, i.position,
               i.weight_grams, now()
          FROM unnest(${creates.map((v) => v.id)}::uuid[], ${creates.map((v) => v.productId)}::uuid[],
                      ${creates.map((v) => v.sku)}::text[], ${creates.map((v) => v.barcode)}::text[],
                      ${creates.map((v) => json(v.optionValues))}::text[], ${creates.map((v) => v.position)}::int[],
                      ${creates.map((v) => v.weightGrams)}::int[])
               AS i(id, product_id, sku, barcode, option_values, position, weight_grams)
        ON CONFLICT (sku) DO NOTHING
        RETURNING id::text`;
      const ok = new Set(inserted.map((row) => row.id));
      for (const variant of creates) {
        if (ok.has(variant.id)) touched.add(variant.productId);
        else lostSkus.add(variant.sku.toLowerCase());
      }
    }
    const updates = rows.flatMap((row) => (row.updateVariant ? [row.updateVariant] : []));
    if (updates.length) {
      const updated = await tx.$queryRaw<{ product_id: string }[]>`
        UPDATE variants v
           SET barcode = n.barcode, option_values = n.option_values, weight_grams = n.weight_grams,
               updated_at = now()
          FROM (SELECT v0.id, coalesce(i.barcode, v0.barcode) AS barcode,
                       coalesce(i.option_values::jsonb, v0.option_values) AS option_values,
                       coalesce(i.weight_grams, v0.weight_grams) AS weight_grams
                  FROM unnest(${updates.map((v) => v.id)}::uuid[], ${updates.map((v) => v.barcode)}::text[],
                              ${updates.map((v) => json(v.optionValues))}::text[],
                              ${updates.map((v) => v.weightGrams)}::int[])
                       AS i(id, barcode, option_values, weight_grams)
                  JOIN variants v0 ON v0.id = i.id) n
         WHERE v.id = n.id
           AND (v.barcode, v.option_values, v.weight_grams)
               IS DISTINCT FROM (n.barcode, n.option_values, n.weight_grams)
        RETURNING v.product_id::text`;
      for (const row of updated) touched.add(row.product_id);
    }
  }

  /**
   * Offers: new ones inserted, existing ones (and new ones another writer made
   * meanwhile) updated where something differs; a new price is recorded in the
   * price history with reason IMPORT.
   */
  private async writeOffers(
    tx: Tx,
    rows: RowWrites[],
    touched: Set<string>,
    offerIds: Map<string, string>,
  ): Promise<void> {
    const writes = rows.flatMap((row) => (row.offer ? [row.offer] : []));
    const productOf = new Map(rows.map((row) => [row.offerKey, row.productId]));
    const history: {
      offerId: string;
      price: number;
      compareAtPrice: number | null;
      currency: string;
    }[] = [];
    const changed = new Set<string>();
    const fresh = writes.filter((offer) => !offer.exists);
    if (fresh.length) {
      const inserted = await tx.$queryRaw<
        { id: string; price: number; compare_at_price: number | null; currency: string }[]
      >`
        INSERT INTO offers (id, variant_id, seller_id, condition, price, compare_at_price, currency,
                            handling_days, allow_backorder, updated_at)
        SELECT i.id, i.variant_id, ${this.job.seller_id}::uuid, i.condition::"OfferCondition", i.price,
               i.compare_at_price, i.currency, coalesce(i.handling_days, 1),
               coalesce(i.allow_backorder, false), now()
          FROM unnest(${fresh.map((o) => o.id)}::uuid[], ${fresh.map((o) => o.variantId)}::uuid[],
                      ${fresh.map((o) => o.condition)}::text[], ${fresh.map((o) => o.price)}::int[],
                      ${fresh.map((o) => o.compareAtPrice)}::int[], ${fresh.map((o) => o.currency)}::text[],
                      ${fresh.map((o) => o.handlingDays)}::int[], ${fresh.map((o) => o.allowBackorder)}::bool[])
               AS i(id, variant_id, condition, price, compare_at_price, currency, handling_days, allow_backorder)
        ON CONFLICT (variant_id, seller_id, condition) DO NOTHING
        RETURNING id::text, price, compare_at_price, currency::text`;
      for (const offer of inserted)
        history.push({
          offerId: offer.id,
          price: offer.price,
          compareAtPrice: offer.compare_at_price,
          currency: offer.currency,
        });
      const ok = new Set(inserted.map((offer) => offer.id));
      for (const offer of fresh)
        if (ok.has(offer.id)) {
          offerIds.set(offer.key, offer.id);
          touched.add(productOf.get(offer.key)!);
        }
    }
    const updates = writes.filter((offer) => offer.exists || !offerIds.has(offer.key));
    if (updates.length) {
      const keyOf = new Map(
        updates.map((offer) => [`${offer.variantId}|${offer.condition}`, offer.key]),
      );
      const updated = await tx.$queryRaw<
        {
          id: string;
          variant_id: string;
          condition: string;
          price: number;
          compare_at_price: number | null;
          currency: string;
          changed: boolean;
          price_changed: boolean;
        }[]
      >`
        WITH n AS (
          SELECT o0.id, o0.variant_id, o0.condition, i.price,
                 CASE WHEN i.compare_given THEN i.compare_at_price ELSE o0.compare_at_price END AS compare_at_price,
                 i.currency::bpchar AS currency,
                 coalesce(i.handling_days, o0.handling_days) AS handling_days,
                 coalesce(i.allow_backorder, o0.allow_backorder) AS allow_backorder,
                 o0.price AS old_price, o0.compare_at_price AS old_compare_at_price,
                 o0.currency AS old_currency, o0.handling_days AS old_handling_days,
                 o0.allow_backorder AS old_allow_backorder
            FROM unnest(${updates.map((o) => o.variantId)}::uuid[], ${updates.map((o) => o.condition)}::text[],
                        ${updates.map((o) => o.price)}::int[], ${updates.map((o) => o.compareAtPrice)}::int[],
                        ${updates.map((o) => o.compareGiven)}::bool[], ${updates.map((o) => o.currency)}::text[],
                        ${updates.map((o) => o.handlingDays)}::int[], ${updates.map((o) => o.allowBackorder)}::bool[])
                 AS i(variant_id, condition, price, compare_at_price, compare_given, currency, handling_days,
                      allow_backorder)
            JOIN offers o0 ON o0.variant_id = i.variant_id AND o0.condition = i.condition::"OfferCondition"
                          AND o0.seller_id = ${this.job.seller_id}::uuid
             FOR UPDATE OF o0),
        d AS (
          SELECT n.*,
                 (old_price, old_compare_at_price, old_currency) IS DISTINCT FROM
                   (price, compare_at_price, currency) AS price_changed,
                 (old_price, old_compare_at_price, old_currency, old_handling_days, old_allow_backorder)
                   IS DISTINCT FROM (price, compare_at_price, currency, handling_days, allow_backorder) AS changed
            FROM n),
        u AS (
          UPDATE offers o
             SET price = d.price, compare_at_price = d.compare_at_price, currency = d.currency,
                 handling_days = d.handling_days, allow_backorder = d.allow_backorder, updated_at = now()
            FROM d WHERE o.id = d.id AND d.changed
          RETURNING o.id)
        SELECT id::text, variant_id::text, condition::text, price, compare_at_price, currency::text,
               changed, price_changed
          FROM d`;
      for (const offer of updated) {
        const key = keyOf.get(`${offer.variant_id}|${offer.condition}`)!;
        offerIds.set(key, offer.id);
        if (!offer.changed) continue;
        changed.add(offer.id);
        touched.add(productOf.get(key)!);
        if (offer.price_changed)
          history.push({
            offerId: offer.id,
            price: offer.price,
            compareAtPrice: offer.compare_at_price,
            currency: offer.currency,
          });
      }
    }
    if (history.length)
      await tx.$executeRaw`
        INSERT INTO price_history (id, offer_id, price, compare_at_price, currency, reason, actor_id)
        SELECT i.id, i.offer_id, i.price, i.compare_at_price, i.currency, 'IMPORT', ${this.job.created_by_id}::uuid
          FROM unnest(${history.map(() => uuidv7())}::uuid[], ${history.map((h) => h.offerId)}::uuid[],
                      ${history.map((h) => h.price)}::int[], ${history.map((h) => h.compareAtPrice)}::int[],
                      ${history.map((h) => h.currency)}::text[])
               AS i(id, offer_id, price, compare_at_price, currency)`;
    // Stock levels mirror the offer's backorder flag (the CHECK constraint reads it).
    if (changed.size)
      await tx.$executeRaw`
        UPDATE stock_levels s SET backorder = o.allow_backorder, updated_at = now()
          FROM offers o
         WHERE o.id = s.offer_id AND o.id = ANY(${[...changed]}::uuid[])
           AND s.backorder <> o.allow_backorder
           AND (o.allow_backorder OR s.reserved <= greatest(s.on_hand, 0))`;
  }

  /**
   * Sets on-hand to the counted quantity where it differs, by one conditional
   * UPDATE that keeps reservations covered, and records the difference in the
   * movement ledger (reason IMPORT). Returns the rows refused for reservations.
   */
  private async writeStock(
    tx: Tx,
    rows: RowWrites[],
    touched: Set<string>,
    offerIdOf: (key: string) => string | undefined,
  ): Promise<{ row: number; reserved: number }[]> {
    const stockRows = rows.filter((row) => row.stock);
    if (!stockRows.length) return [];
    const offerIds = stockRows.map((row) => offerIdOf(row.offerKey)!);
    const locationIds = stockRows.map((row) => this.locationId(row.stock!.location));
    await tx.$executeRaw`
      INSERT INTO stock_levels (id, offer_id, location_id, on_hand, reserved, backorder, updated_at)
      SELECT i.id, i.offer_id, i.location_id, 0, 0, o.allow_backorder, now()
        FROM unnest(${stockRows.map(() => uuidv7())}::uuid[], ${offerIds}::uuid[], ${locationIds}::uuid[])
             AS i(id, offer_id, location_id)
        JOIN offers o ON o.id = i.offer_id
      ON CONFLICT (offer_id, location_id) DO NOTHING`;
    const results = await tx.$queryRaw<{ row: number; moved: boolean; reserved: number }[]>`
      WITH i AS (
        SELECT * FROM unnest(${offerIds}::uuid[], ${locationIds}::uuid[],
                             ${stockRows.map((row) => row.stock!.onHand)}::int[],
                             ${stockRows.map(() => uuidv7())}::uuid[], ${stockRows.map((row) => row.row)}::int[])
               AS i(offer_id, location_id, target, movement_id, row)),
      cur AS (
        SELECT s.id, s.on_hand, s.reserved, i.target, i.movement_id, i.row
          FROM stock_levels s JOIN i ON s.offer_id = i.offer_id AND s.location_id = i.location_id
         WHERE s.on_hand <> i.target
           FOR UPDATE OF s),
      moved AS (
        UPDATE stock_levels s SET on_hand = cur.target, updated_at = now()
          FROM cur
         WHERE s.id = cur.id AND (s.backorder OR s.reserved <= greatest(cur.target, 0))
        RETURNING s.id, s.on_hand, cur.target - cur.on_hand AS delta, cur.movement_id),
      ledger AS (
        INSERT INTO stock_movements (id, stock_level_id, delta, on_hand_after, reason, note, actor_id)
        SELECT movement_id, id, delta, on_hand, 'IMPORT', 'CSV import', ${this.job.created_by_id}::uuid
          FROM moved)
      SELECT cur.row, moved.id IS NOT NULL AS moved, cur.reserved
        FROM cur LEFT JOIN moved ON moved.id = cur.id`;
    const byRow = new Map(stockRows.map((row) => [row.row, row]));
    const blocked: { row: number; reserved: number }[] = [];
    for (const result of results) {
      if (result.moved) touched.add(byRow.get(result.row)!.productId);
      else blocked.push({ row: result.row, reserved: result.reserved });
    }
    return blocked;
  }
}

/**
 * The worker: once started, polls for queued imports and runs them one at a
 * time; wake() looks at once (after an upload to this process).
 */
export function createImportWorker(
  db: Database,
  log: FastifyBaseLogger,
  publicUrl: string,
  intervalMs = 2_000,
): { start(): void; wake(): void; stop(): Promise<void> } {
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    clearTimeout(timer);
    if (!started || stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await runNextImport(db, log, publicUrl)) > 0);
        } while (again && !stopped);
      } catch (error) {
        log.error({ err: error, job: 'imports' }, 'background job failed');
      }
    })().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  return {
    start() {
      started = true;
      tick();
    },
    wake: () => {
      if (started) setImmediate(tick);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
