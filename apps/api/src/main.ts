// Starts the API. Without DATABASE_URL it runs its own PostgreSQL under .data/,
// applies migrations and seeds demo data into an empty database, so one
// command brings up a working marketplace.
import 'reflect-metadata';
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
import { loadEnv } from './env.js';
import { createServer } from './server.js';

const SHUTDOWN_GRACE_MS = 10_000;

const env = loadEnv();
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
await syncBuiltInRoles(db.prisma);
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
const base = address.replace('127.0.0.1', 'localhost');
const lines = [
  '',
  `  Bazaar API     ${base}/graphql`,
  ...(env.SERVE_SPAS ? [`  Storefront     ${base}/`, `  Back-office    ${base}/admin/`] : []),
  ...(env.NODE_ENV !== 'production' ? [`  GraphiQL       ${base}/graphiql`] : []),
  ...(env.DEV_MAILBOX ? [`  Mailbox        ${base}/dev/mailbox`] : []),
  `  Health         ${base}/healthz  ${base}/readyz  ${base}/metrics`,
  `  Database       ${local.embedded ? 'embedded PostgreSQL (.data/)' : 'DATABASE_URL'}`,
  ...(local.embedded
    ? [
        '',
        `  Demo accounts (password ${DEMO_PASSWORD}):`,
        ...DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(8)} ${a.email}`),
      ]
    : []),
  '',
];
console.log(lines.join('\n'));
