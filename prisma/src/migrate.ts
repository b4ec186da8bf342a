import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** prisma/migrations, next to schema.prisma; resolved from dist/ and src/ alike. */
export const MIGRATIONS_DIR = new URL('../migrations', import.meta.url).pathname;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export class MigrationError extends Error {}

// The table Prisma's migrate engine keeps, column for column, so that
// `prisma migrate deploy` can take over wherever the engine is available.
const HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant shared by every replica: only one of them migrates at a time.
const ADVISORY_LOCK = 72_707_369;

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readHistory(client: pg.ClientBase): Promise<HistoryRow[]> {
  const exists = await client.query<{ table: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"') AS "table"`,
  );
  if (!exists.rows[0]?.table) return [];
  const result = await client.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows.filter((row) => row.rolled_back_at === null);
}

/** Which migrations the database has, and which it still lacks. Refuses edited or failed ones. */
export function compareHistory(migrations: Migration[], history: HistoryRow[]): MigrationStatus {
  const byName = new Map(history.map((row) => [row.migration_name, row]));
  for (const row of history) {
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier; fix the database, then mark it rolled back in _prisma_migrations.`,
      );
    }
  }
  for (const migration of migrations) {
    const row = byName.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was edited after it was applied; add a new migration instead.`,
      );
    }
  }
  return {
    applied: migrations.filter((m) => byName.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !byName.has(m.name)).map((m) => m.name),
  };
}

export async function migrationStatus(
  databaseUrl: string,
  dir = MIGRATIONS_DIR,
): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return compareHistory(readMigrations(dir), await readHistory(client));
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction and
 * recorded in _prisma_migrations as Prisma records it. Returns the names applied.
 */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    await client.query(HISTORY_TABLE);
    const migrations = readMigrations(dir);
    const { pending } = compareHistory(migrations, await readHistory(client));
    for (const name of pending) {
      const migration = migrations.find((m) => m.name === name)!;
      await applyOne(client, migration);
    }
    return pending;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.ClientBase, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    // The transaction undid the migration, so it is marked rolled back and a
    // corrected version can run next time.
    await client.query(
      `UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`,
      [id, String(error)],
    );
    throw new MigrationError(`Migration ${migration.name} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Drops everything in the public schema, then migrates from scratch. */
export async function resetDatabase(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
  return migrate(databaseUrl, dir);
}
