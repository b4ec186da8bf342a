// Writing an import plan's valid rows, batch by batch: each batch is one
// transaction that writes products and variants (import-catalog.writer.ts),
// offers and stock (import-offers.writer.ts), publishes product.changed for
// what it touched, sends low-stock alerts and records the job's progress.
import type { Database, Prisma } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { publishEvents } from '../../common/events/outbox.js';
import { alertLowStock, lockAvailable } from '../inventory/low-stock-alert.js';
import { writeProducts, writeVariants } from './import-catalog.writer.js';
import { writeOffers, writeStock } from './import-offers.writer.js';
import type { RowError } from './import-row.parser.js';
import type { ImportPlan, LocationRef, RowWrites } from './import-plan.types.js';
import { uuidv7 } from '../../common/ids/uuidv7.js';

type Tx = Prisma.TransactionClient;

export interface ClaimedJob {
  id: string;
  seller_id: string;
  created_by_id: string | null;
  dry_run: boolean;
  content: string;
}

const locationKey = (ref: LocationRef): string =>
  ref.kind === 'existing' ? ref.id : ref.kind === 'store' ? `store:${ref.storeId}` : 'default';

export interface ProgressCounts {
  processedRows: number;
  succeededRows: number;
  failedRows: number;
}
export type Progress = (succeededInBatch: number) => ProgressCounts;

/** The job's counts, without reading the row back (it holds the whole file until the end). */
export async function recordProgress(db: Tx, jobId: string, counts: ProgressCounts): Promise<void> {
  await db.$executeRaw`
    UPDATE import_jobs SET processed_rows = ${counts.processedRows}, succeeded_rows = ${counts.succeededRows},
           failed_rows = ${counts.failedRows}
     WHERE id = ${jobId}::uuid`;
}

/** Writes a plan's valid rows, batch by batch. */
export class Writer {
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
          await writeProducts(tx, this.job.seller_id, live(), touched, lostProducts);
          failLost();
          await writeVariants(tx, live(), touched, lostSkus);
          failLost();
          await writeOffers(
            tx,
            this.job.seller_id,
            this.job.created_by_id,
            live(),
            touched,
            offerIds,
          );
          const offerIdOf = (key: string) => offerIds.get(key) ?? this.offerIds.get(key);
          for (const row of live())
            if (!offerIdOf(row.offerKey))
              fail(row.row, 'sku', 'NOT_APPLIED', 'The offer of this row could not be written.');
          const stockOfferIds = live()
            .filter((row) => row.stock)
            .flatMap((row) => offerIdOf(row.offerKey) ?? []);
          const availableBefore = await lockAvailable(tx, stockOfferIds);
          const blocked = await writeStock(
            tx,
            this.job.created_by_id,
            live(),
            touched,
            offerIdOf,
            (ref) => this.locationId(ref),
          );
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
}
