// Importing this gives the test file its worker's database, migrated and empty.
import { inject } from 'vitest';
import { workerDatabase } from '../src/testing/index.js';

export const testServer = inject('testServer');
export const testDatabaseUrl = await workerDatabase(testServer, process.env.VITEST_POOL_ID ?? '0');
