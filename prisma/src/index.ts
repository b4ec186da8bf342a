export { syncBuiltInRoles } from './built-in-roles.js';
export { createDatabase, type Database, type DatabaseOptions } from './client.js';
export { startEmbeddedPostgres, withDatabase, type RunningPostgres } from './embedded-postgres.js';
export {
  DATA_DIR,
  ensureDatabase,
  localMasterKey,
  openLocalDatabase,
  type LocalDatabase,
} from './local-database.js';
export {
  migrate,
  migrationStatus,
  resetDatabase,
  MigrationError,
  type MigrationStatus,
} from './migrate.js';
export {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_SELLER,
  isScale,
  seed,
  seedIfEmpty,
  type Scale,
} from './seed/index.js';
export * from './generated/client/client.js';
