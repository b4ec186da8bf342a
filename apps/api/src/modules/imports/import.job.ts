// The import job: claims queued imports (FOR UPDATE SKIP LOCKED, so replicas
// share the queue), reads and checks the whole file (import.plan.ts), then
// writes the valid rows in transactions of BATCH_ROWS rows, each one publishing
// product.changed for what it touched and recording the job's progress.
// Writes are set-based (unnest + INSERT ... ON CONFLICT / UPDATE ... WHERE IS
// DISTINCT FROM), so re-importing a file changes nothing and writes no history.
import type { Database, Prisma } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import { type ClaimedJob, Writer, recordProgress } from './import-batch.writer.js';
import { FileRefused, readCsv } from './imports.csv.js';
import { type ParsedRow, type RowError, parseRow } from './import-row.parser.js';
import { planImport } from './import.plan.js';

export const BATCH_ROWS = 500;
/** A job RUNNING longer than this lost its worker (the process died): run it again. */
const STALE_AFTER_MINUTES = 30;
/** Row errors kept on the job; the counts stay exact beyond it. */
const MAX_STORED_ERRORS = 100_000;

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
