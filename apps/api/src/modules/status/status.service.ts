import { type Database, migrationStatus } from '@bazaar/db';
import { API_VERSION } from '../../version.js';
import type { ApiStatus } from './status.types.js';

export interface Readiness {
  ready: boolean;
  database: boolean;
  pendingMigrations: string[] | null;
}

const PING_TIMEOUT_MS = 2_000;

export async function databaseAnswers(db: Database): Promise<boolean> {
  const timeout = new Promise<false>((resolve) =>
    setTimeout(resolve, PING_TIMEOUT_MS, false).unref(),
  );
  const ping = db.pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  return Promise.race([ping, timeout]);
}

export async function apiStatus(db: Database): Promise<ApiStatus> {
  return { database: await databaseAnswers(db), version: API_VERSION };
}

/**
 * Ready to take traffic: the database answers and has every migration this
 * build expects. Once all were seen applied, that is not asked again, since a
 * running build never gains migrations.
 */
export function createReadinessCheck(db: Database, databaseUrl: string) {
  let migrationsApplied = false;
  return async function readiness(): Promise<Readiness> {
    const database = await databaseAnswers(db);
    if (!database) return { ready: false, database, pendingMigrations: null };
    if (migrationsApplied) return { ready: true, database, pendingMigrations: [] };
    const { pending } = await migrationStatus(databaseUrl);
    migrationsApplied = pending.length === 0;
    return { ready: migrationsApplied, database, pendingMigrations: pending };
  };
}
