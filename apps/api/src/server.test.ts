import { createDatabase } from '@bazaar/db';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startApi, testDatabaseUrl } from '../test/api.js';

describe('API server', async () => {
  const api = await startApi();

  it('answers GraphQL over POST with a request id', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-123' },
      payload: { query: '{ apiStatus { database version } }' },
    });
    expect(response.json()).toEqual({
      data: { apiStatus: { database: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) } },
    });
    expect(response.headers['x-request-id']).toBe('trace-123');
  });

  it('reports liveness and readiness', async () => {
    expect((await api.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await api.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, database: true, pendingMigrations: [] });
  });

  it('exposes request, operation and pool metrics', async () => {
    await api.graphql('query ShopName { shop { name } }');
    const text = (await api.app.inject('/metrics')).body;
    expect(text).toMatch(
      /graphql_operations_total\{operation="ShopName",type="query",outcome="ok"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operation_duration_seconds_count\{operation="ShopName",type="query"\} 1/,
    );
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/graphql",status="200"\}/);
    expect(text).toMatch(/db_pool_connections \d+/);
  });

  describe('refuses cross-site requests (CSRF prevention)', () => {
    it('blocks a simple GET without a preflight header', async () => {
      const response = await api.app.inject({
        method: 'GET',
        url: '/graphql?query=%7Bshop%7Bname%7D%7D',
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(/Cross-Site Request Forgery/);
    });

    it('blocks a form-encoded POST', async () => {
      const response = await api.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ query: '{ shop { name } }' }),
      });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('limits what one document may ask for', () => {
    it('refuses more aliases than allowed', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: shop { name }`).join(' ');
      const result = await api.graphql(`{ ${aliases} }`);
      expect(result.errors?.[0]?.message).toMatch(/Aliases limit/);
    });

    it('refuses documents with too many tokens before validating them', async () => {
      const fields = Array.from({ length: 5_001 }, () => 'name').join(' ');
      const result = await api.graphql(`{ shop { ${fields} } }`);
      expect(result.errors?.[0]?.message).toMatch(/more that 5000 tokens/);
    });
  });

  it('allows introspection outside production', async () => {
    const result = await api.graphql('{ __schema { queryType { name } } }');
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves GraphiQL from local files in development', async () => {
    const page = await api.app.inject('/graphiql');
    expect(page.statusCode).toBe(200);
    const script =
      /src="(\/graphiql\/static\/[^"]+\.js)"/.exec(page.body) ??
      /"(\/graphiql\/static\/ruru\.js)"/.exec(page.body);
    expect(page.body).not.toMatch(/unpkg|jsdelivr|cdn\./);
    expect((await api.app.inject(script![1]!)).statusCode).toBe(200);
  });
});

describe('API server in production', async () => {
  const broken = createDatabase(testDatabaseUrl.replace(/\/[^/]+$/, '/no_such_database'));
  const api = await startApi({ NODE_ENV: 'production', SERVE_SPAS: 'false' }, broken);

  it('turns introspection off', async () => {
    const result = await api.graphql('{ __schema { queryType { name } } }');
    expect(result.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  it('masks unexpected errors: no internals, no stack trace', async () => {
    const result = await api.graphql('{ shop { name } }');
    expect(result.errors).toEqual([
      {
        message: 'Something went wrong on our side.',
        path: ['shop'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
  });

  it('reports not ready when the database does not answer', async () => {
    const ready = await api.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ready: false, database: false });
  });

  it('serves no GraphiQL', async () => {
    expect((await api.app.inject('/graphiql')).statusCode).toBe(404);
  });
});

describe('readiness', async () => {
  const api = await startApi();

  it('waits until every migration is applied', async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl });
    await client.connect();
    const latest = (
      await client.query(
        'DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations) RETURNING *',
      )
    ).rows[0];
    try {
      const ready = await api.app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().pendingMigrations).toContain(latest.migration_name);
    } finally {
      await client.query(
        'INSERT INTO _prisma_migrations SELECT * FROM json_populate_record(NULL::_prisma_migrations, $1)',
        [JSON.stringify(latest)],
      );
      await client.end();
    }
    expect((await api.app.inject('/readyz')).statusCode).toBe(200);
  });
});
