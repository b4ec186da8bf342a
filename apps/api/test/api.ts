// Importing this gives the test file an empty migrated database of its own
// worker and a way to run the real server against it in-process.
import 'reflect-metadata';
import { type Database, createDatabase } from '@bazaar/db';
import { workerDatabase } from '@bazaar/db/testing';
import type { FastifyInstance } from 'fastify';
import type { ExecutionResult } from 'graphql';
import { afterAll, inject } from 'vitest';
import { type Env, loadEnv } from '../src/env.js';
import { createServer } from '../src/server.js';

export const testServer = inject('testServer');
export const testDatabaseUrl = await workerDatabase(testServer, process.env.VITEST_POOL_ID ?? '0');

/** SQL statements sent since the last reset, for query-count assertions. */
export const sqlLog: string[] = [];
export const db: Database = createDatabase(testDatabaseUrl, {
  poolSize: 5,
  onQuery: (sql) => sqlLog.push(sql),
});
afterAll(() => db.close());

export interface TestApi {
  app: FastifyInstance;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<Data> & { status: number }>;
}

export async function startApi(
  overrides: Partial<Record<keyof Env, string>> = {},
  database: Database = db,
): Promise<TestApi> {
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
  const app = await createServer({ env, db: database, databaseUrl: testDatabaseUrl });
  afterAll(() => app.close());
  return {
    app,
    async graphql(query, variables, headers) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        payload: { query, variables },
      });
      return { status: response.statusCode, ...response.json() };
    },
  };
}
