// `pnpm dev` (or `npm run dev` on a fresh clone): PostgreSQL (embedded unless
// DATABASE_URL is set), migrations, demo data when the database is empty, then
// the API and both SPAs with hot reload. Ctrl-C stops all of it.
import { spawn } from 'node:child_process';
import { ROOT, ensureDependencies, ensurePnpm, run } from './bootstrap.mjs';

const API_PORT = 4000;
const STOREFRONT_PORT = 5173;
const BACKOFFICE_PORT = 5174;

ensurePnpm();
ensureDependencies();
const turbo = (...args) =>
  run('pnpm', ['exec', 'turbo', 'run', ...args, '--output-logs=errors-only']);
turbo('build', '--filter=@bazaar/db', '--filter=@bazaar/schema');
turbo('codegen', '--filter=@bazaar/storefront', '--filter=@bazaar/backoffice');

const {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  createDatabase,
  localMasterKey,
  migrate,
  openLocalDatabase,
  seedIfEmpty,
} = await import('@bazaar/db');
const started = Date.now();
const database = await openLocalDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrate(database.url);
const db = createDatabase(database.url);
const seeded = await seedIfEmpty(db.prisma, process.env.SEED_SCALE ?? 'small');
await db.close();

const children = [
  start('api', ['--filter', '@bazaar/api', 'dev'], {
    DATABASE_URL: database.url,
    // The API sees a DATABASE_URL, so it is handed the local master key too.
    ...(database.embedded && !process.env.SIGNING_MASTER_KEY
      ? { SIGNING_MASTER_KEY: localMasterKey() }
      : {}),
    PORT: String(API_PORT),
    // Links in e-mails open the storefront's dev server.
    PUBLIC_URL: `http://localhost:${STOREFRONT_PORT}`,
  }),
  start('storefront', [
    '--filter',
    '@bazaar/storefront',
    'dev',
    '--port',
    String(STOREFRONT_PORT),
    '--strictPort',
  ]),
  start('backoffice', [
    '--filter',
    '@bazaar/backoffice',
    'dev',
    '--port',
    String(BACKOFFICE_PORT),
    '--strictPort',
  ]),
];

function start(name, args, env = {}) {
  const child = spawn('pnpm', ['--silent', ...args], {
    cwd: ROOT,
    env: { ...process.env, BAZAAR_API_ORIGIN: `http://127.0.0.1:${API_PORT}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `[${name}] `.padEnd(13);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code}); stopping.`);
      void stop(1);
    }
  });
  return child;
}

async function waitFor(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

await Promise.all([
  waitFor(`http://127.0.0.1:${API_PORT}/readyz`),
  waitFor(`http://127.0.0.1:${STOREFRONT_PORT}/`),
  waitFor(`http://127.0.0.1:${BACKOFFICE_PORT}/admin/`),
]).catch((error) => {
  console.error(error.message);
  return stop(1);
});
console.log(
  [
    '',
    `  Bazaar is running (${((Date.now() - started) / 1000).toFixed(1)} s)${seeded ? ' with fresh demo data' : ''}:`,
    `    Storefront    http://localhost:${STOREFRONT_PORT}/`,
    `    Back-office   http://localhost:${BACKOFFICE_PORT}/admin/`,
    `    GraphQL API   http://localhost:${API_PORT}/graphql   (GraphiQL: http://localhost:${API_PORT}/graphiql)`,
    `    Mailbox       http://localhost:${API_PORT}/dev/mailbox   (e-mails, as no SMTP server is set)`,
    `    Database      ${database.embedded ? 'embedded PostgreSQL in .data/postgres' : 'DATABASE_URL'}`,
    '',
    `  Demo accounts (password ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((account) => `    ${account.role.padEnd(8)} ${account.email}`),
    '',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'),
);
