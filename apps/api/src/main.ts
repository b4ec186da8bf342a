// Starts the API. Without DATABASE_URL it runs its own PostgreSQL under .data/,
// applies migrations and seeds demo data into an empty database, so one
// command brings up a working marketplace. With API_WORKERS > 1 this process
// prepares the database once, then only supervises that many workers
// (node:cluster) sharing the port, restarting any that dies.
import 'reflect-metadata';
import cluster from 'node:cluster';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  createDatabase,
  localMasterKey,
  migrate,
  openLocalDatabase,
  seedIfEmpty,
  syncBuiltInRoles,
} from '@bazaar/db';
import pino from 'pino';
import { loggerOptions } from './common/observability/logger.js';
import { loadEnv } from './env.js';
import { createServer } from './server.js';

const SHUTDOWN_GRACE_MS = 10_000;
const RESTART_DELAY_MS = 1_000;

const env = loadEnv();
if (cluster.isPrimary && env.API_WORKERS > 1) await supervise();

/** The primary of a cluster: migrates and seeds, then runs API_WORKERS workers until told to stop. */
async function supervise(): Promise<never> {
  const log = pino(loggerOptions(env) as pino.LoggerOptions);
  const local = await openLocalDatabase({
    databaseUrl: env.DATABASE_URL,
    fresh: env.EMBEDDED_DB_FRESH,
    ...(env.EMBEDDED_DB_DIR ? { dataDir: env.EMBEDDED_DB_DIR } : {}),
  });
  const db = createDatabase(local.url, { poolSize: 2 });
  if (local.embedded) {
    const applied = await migrate(local.url);
    if (applied.length) log.info({ applied }, 'migrations applied');
  }
  await syncBuiltInRoles(db.prisma);
  if (
    local.embedded &&
    (await seedIfEmpty(db.prisma, env.SEED_SCALE, { mediaDir: env.MEDIA_DIR }))
  ) {
    log.info({ scale: env.SEED_SCALE }, 'demo data seeded');
  }
  await db.close();
  // Workers reach the same database as any DATABASE_URL deployment would.
  const workerEnv = {
    DATABASE_URL: local.url,
    EMBEDDED_DB_FRESH: 'false',
    API_WORKERS: '1',
    ...(local.embedded ? { SIGNING_MASTER_KEY: localMasterKey() } : {}),
  };
  let stopping = false;
  const live = new Set<number>();
  const fork = () => live.add(cluster.fork(workerEnv).id);
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    if (stopping) {
      if (live.size === 0) void stopped();
      return;
    }
    log.error({ worker: worker.process.pid, code, signal }, 'API worker died; restarting it');
    setTimeout(fork, RESTART_DELAY_MS).unref();
  });
  async function stopped(): Promise<void> {
    await local.stop();
    process.exit(0);
  }
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the API workers');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 2_000).unref();
    if (live.size === 0) void stopped();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  cluster.once('listening', (_worker, { address, port }) =>
    console.log(banner(`http://${address}:${port}`, local.embedded, env.API_WORKERS)),
  );
  for (let i = 0; i < env.API_WORKERS; i++) fork();
  return new Promise<never>(() => {});
}

const local = await openLocalDatabase({
  databaseUrl: env.DATABASE_URL,
  fresh: env.EMBEDDED_DB_FRESH,
  ...(env.EMBEDDED_DB_DIR ? { dataDir: env.EMBEDDED_DB_DIR } : {}),
});
const db = createDatabase(local.url, { poolSize: env.DATABASE_POOL_SIZE });
const app = await createServer({ env, db, databaseUrl: local.url, masterKey: masterKey() });

if (local.embedded) {
  const applied = await migrate(local.url);
  if (applied.length) app.log.info({ applied }, 'migrations applied');
}
// A cluster's primary has prepared the database already.
if (cluster.isPrimary) await syncBuiltInRoles(db.prisma);
if (local.embedded && (await seedIfEmpty(db.prisma, env.SEED_SCALE, { mediaDir: env.MEDIA_DIR }))) {
  app.log.info({ scale: env.SEED_SCALE }, 'demo data seeded');
}

/** SIGNING_MASTER_KEY, or for the embedded setup the key kept in .data/master.key. */
function masterKey(): Buffer {
  if (env.SIGNING_MASTER_KEY) return Buffer.from(env.SIGNING_MASTER_KEY, 'base64');
  if (!local.embedded) {
    throw new Error('Set SIGNING_MASTER_KEY (32 random bytes, base64) when DATABASE_URL is set.');
  }
  return Buffer.from(localMasterKey(), 'base64');
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  await app.close();
  await db.close();
  await local.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

const address = await app.listen({ port: env.PORT, host: env.HOST });
if (cluster.isPrimary) console.log(banner(address, local.embedded));

function banner(address: string, embedded: boolean, workers = 1): string {
  const base = address.replace('127.0.0.1', 'localhost');
  return [
    '',
    `  Bazaar API     ${base}/graphql`,
    ...(env.SERVE_SPAS ? [`  Storefront     ${base}/`, `  Back-office    ${base}/admin/`] : []),
    ...(env.NODE_ENV !== 'production' ? [`  GraphiQL       ${base}/graphiql`] : []),
    ...(env.DEV_MAILBOX ? [`  Mailbox        ${base}/dev/mailbox`] : []),
    `  Health         ${base}/healthz  ${base}/readyz  ${base}/metrics`,
    `  Database       ${embedded ? 'embedded PostgreSQL (.data/)' : 'DATABASE_URL'}`,
    ...(workers > 1 ? [`  Processes      ${workers} workers (API_WORKERS)`] : []),
    ...(embedded
      ? [
          '',
          `  Demo accounts (password ${DEMO_PASSWORD}):`,
          ...DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(8)} ${a.email}`),
        ]
      : []),
    '',
  ].join('\n');
}
