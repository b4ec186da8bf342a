import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from './embedded-postgres.js';

/** The repository's git-ignored .data/ folder. */
export const DATA_DIR = new URL('../../.data', import.meta.url).pathname;

export interface LocalDatabaseOptions {
  /** A server to use as it is; when unset, embedded PostgreSQL is started. */
  databaseUrl?: string | undefined;
  /** Embedded cluster directory, default .data/postgres. */
  dataDir?: string;
  fresh?: boolean;
  log?: (message: string) => void;
}

export interface LocalDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE = 'bazaar';

export async function openLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  if (options.databaseUrl)
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? `${DATA_DIR}/postgres`,
    fresh: options.fresh ?? false,
    ...(options.log ? { log: options.log } : {}),
  });
  await ensureDatabase(server.url, DATABASE);
  return { url: withDatabase(server.url, DATABASE), embedded: true, stop: () => server.stop() };
}

export async function ensureDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
  } finally {
    await client.end();
  }
}

/**
 * The master key of a local installation, kept in .data/master.key (created
 * on first use): it encrypts the token-signing keys of the embedded database.
 * Deployments set SIGNING_MASTER_KEY instead.
 */
export function localMasterKey(): string {
  const file = `${DATA_DIR}/master.key`;
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
