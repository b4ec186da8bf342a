// Test databases: one server per test run (embedded unless DATABASE_URL is
// set), one template database migrated once, one copy of it per Vitest worker,
// emptied by truncation before each test file.
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from '../embedded-postgres.js';
import { DATA_DIR, ensureDatabase } from '../local-database.js';
import { migrate } from '../migrate.js';

export interface TestServer {
  serverUrl: string;
  template: string;
}

export async function startTestServer(
  databaseUrl?: string,
): Promise<TestServer & { stop(): Promise<void> }> {
  const run = `bazaar_test_${process.pid}`;
  const dataDir = `${DATA_DIR}/${run}`;
  const server = databaseUrl
    ? { url: withDatabase(databaseUrl, 'postgres'), stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir, fresh: true, fast: true });
  await ensureDatabase(server.url, run);
  await migrate(withDatabase(server.url, run));
  return {
    serverUrl: server.url,
    template: run,
    async stop() {
      if (databaseUrl) await dropDatabases(server.url, run);
      await server.stop();
      if (!databaseUrl) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The body of a Vitest globalSetup: starts the server and hands it to the
 * workers. A failure here ends the process with an error, because Vitest 4
 * otherwise reports "no test files" and exits 0.
 */
export async function setupTestServer(
  provide: (server: TestServer) => void,
  databaseUrl?: string,
): Promise<() => Promise<void>> {
  try {
    const server = await startTestServer(databaseUrl);
    provide({ serverUrl: server.serverUrl, template: server.template });
    return () => server.stop();
  } catch (error) {
    console.error('Could not start the test database:', error);
    process.exit(1);
  }
}

/** This worker's own database, a copy of the migrated template, emptied. */
export async function workerDatabase(
  { serverUrl, template }: TestServer,
  workerId: string,
): Promise<string> {
  const name = `${template}_w${workerId}`;
  await ensureDatabase(serverUrl, name, template);
  const url = withDatabase(serverUrl, name);
  await truncateAll(url);
  return url;
}

export async function truncateAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length)
      await client.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_w%'`,
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(
        `DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`,
      );
    }
  } finally {
    await client.end();
  }
}
