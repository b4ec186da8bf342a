// Importing this gives the test file an empty migrated database of its own
// worker and a way to run the real server against it in-process.
import 'reflect-metadata';
import { type Database, createDatabase, syncBuiltInRoles } from '@bazaar/db';
import { workerDatabase } from '@bazaar/db/testing';
import type { FastifyInstance } from 'fastify';
import type { ExecutionResult } from 'graphql';
import { afterAll, inject } from 'vitest';
import { type Env, loadEnv } from '../src/env.js';
import { type ServerOptions, createServer } from '../src/server.js';

export const testServer = inject('testServer');
export const testDatabaseUrl = await workerDatabase(testServer, process.env.VITEST_POOL_ID ?? '0');

/** SQL statements sent since the last reset, for query-count assertions. */
export const sqlLog: string[] = [];
export const db: Database = createDatabase(testDatabaseUrl, {
  poolSize: 5,
  onQuery: (sql) => sqlLog.push(sql),
});
afterAll(() => db.close());

/** A fixed master key: tests need no secret. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

type Result<Data> = ExecutionResult<Data> & { status: number; headers: Record<string, unknown> };

export interface TestApi {
  app: FastifyInstance;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Result<Data>>;
  /** A browser-like caller: keeps the refresh cookie and sends its access token. */
  client(ip?: string): TestClient;
}

export interface TestClient {
  token: string | null;
  cookie: string | null;
  graphql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<Result<Data>>;
}

/**
 * The real server on this worker's database, background jobs off unless a
 * test turns one on (e.g. `{ runImports: true }`); the caller closes it.
 */
export function createTestServer(options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  return createServer({
    env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    db,
    databaseUrl: testDatabaseUrl,
    masterKey: TEST_MASTER_KEY,
    deliverMail: false,
    ...options,
  });
}

export async function startApi(
  overrides: Partial<Record<keyof Env, string>> = {},
  database: Database = db,
): Promise<TestApi> {
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
  // Each test file starts from empty tables, built-in roles included.
  await syncBuiltInRoles(database.prisma).catch(() => {});
  const app = await createTestServer({ env, db: database });
  afterAll(() => app.close());
  async function graphql<Data>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
    remoteAddress = '127.0.0.1',
  ): Promise<Result<Data>> {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress,
      headers: { 'content-type': 'application/json', ...headers },
      payload: { query, variables },
    });
    return { status: response.statusCode, headers: response.headers, ...response.json() };
  }
  return {
    app,
    graphql,
    client(ip = '127.0.0.1') {
      const client: TestClient = {
        token: null,
        cookie: null,
        async graphql(query, variables) {
          const headers: Record<string, string> = {};
          if (client.token) headers['authorization'] = `Bearer ${client.token}`;
          if (client.cookie) headers['cookie'] = client.cookie;
          const result = await graphql<any>(query, variables, headers, ip);
          const setCookie = ([] as string[]).concat(
            (result.headers['set-cookie'] as string[] | string | undefined) ?? [],
          );
          for (const line of setCookie) {
            const [pair] = line.split(';');
            client.cookie =
              /=$/.test(pair ?? '') || /Max-Age=0|Expires=Thu, 01 Jan 1970/.test(line)
                ? null
                : (pair ?? null);
          }
          const session = Object.values(
            (result.data ?? {}) as Record<string, { session?: { accessToken?: string } } | null>,
          ).find(
            (value) => value && typeof value === 'object' && value.session?.accessToken,
          )?.session;
          if (session?.accessToken) client.token = session.accessToken;
          return result;
        },
      };
      return client;
    },
  };
}
