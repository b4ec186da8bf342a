import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer } from '../test/database.js';
import { withDatabase } from './embedded-postgres.js';
import { ensureDatabase } from './local-database.js';
import { MigrationError, migrate, migrationStatus, readMigrations } from './migrate.js';

const name = `${testServer.template}_migrations`;
const url = withDatabase(testServer.serverUrl, name);

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [folder, sql] of Object.entries(files)) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'migration.sql'), sql);
  }
  return dir;
}

describe('migration runner', () => {
  beforeEach(() => ensureDatabase(testServer.serverUrl, name));
  afterEach(async () => {
    const client = new pg.Client({ connectionString: testServer.serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('applies the project migrations once and records them as Prisma does', async () => {
    const all = readMigrations().map((m) => m.name);
    expect(await migrate(url)).toEqual(all);
    expect(await migrate(url)).toEqual([]);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date;
    }>('SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations');
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(
      rows.every((r) => r.checksum.length === 64 && r.applied_steps_count === 1 && r.finished_at),
    ).toBe(true);
    expect(await migrationStatus(url)).toEqual({ applied: all, pending: [] });
  });

  it('applies only what is new, in name order', async () => {
    const dir = migrationsFolder({ '001_a': 'CREATE TABLE a (id int);' });
    await migrate(url, dir);
    mkdirSync(join(dir, '002_b'));
    writeFileSync(join(dir, '002_b', 'migration.sql'), 'CREATE TABLE b (id int);');
    expect(await migrationStatus(url, dir)).toEqual({ applied: ['001_a'], pending: ['002_b'] });
    expect(await migrate(url, dir)).toEqual(['002_b']);
  });

  it('lets concurrent replicas apply each migration exactly once', async () => {
    const dir = migrationsFolder({
      '001_a': 'CREATE TABLE a (id int);',
      '002_b': 'CREATE TABLE b (id int);',
    });
    const results = await Promise.all([migrate(url, dir), migrate(url, dir), migrate(url, dir)]);
    expect(results.flat().sort()).toEqual(['001_a', '002_b']);
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = migrationsFolder({ '001_a': 'CREATE TABLE a (id int);' });
    await migrate(url, dir);
    writeFileSync(join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate(url, dir)).rejects.toThrow(/001_a was edited/);
  });

  it('rolls a failing migration back whole and retries it once corrected', async () => {
    const dir = migrationsFolder({
      '001_bad': 'CREATE TABLE half (id int); SELECT * FROM missing_table;',
    });
    await expect(migrate(url, dir)).rejects.toBeInstanceOf(MigrationError);
    expect(await query("SELECT 1 FROM pg_tables WHERE tablename = 'half'")).toHaveLength(0);
    const [failed] = await query<{ logs: string; rolled_back_at: Date | null }>(
      'SELECT logs, rolled_back_at FROM _prisma_migrations',
    );
    expect(failed?.logs).toMatch(/missing_table/);
    expect(failed?.rolled_back_at).not.toBeNull();

    writeFileSync(join(dir, '001_bad', 'migration.sql'), 'CREATE TABLE half (id int);');
    expect(await migrate(url, dir)).toEqual(['001_bad']);
  });
});
