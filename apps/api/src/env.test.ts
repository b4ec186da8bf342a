import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';

describe('configuration', () => {
  it('has working defaults for a development machine', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      GRAPHQL_INTROSPECTION: true,
      SERVE_SPAS: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('turns introspection off and serves the SPAs in production unless told otherwise', () => {
    expect(loadEnv({ NODE_ENV: 'production' })).toMatchObject({
      GRAPHQL_INTROSPECTION: false,
      SERVE_SPAS: true,
    });
    expect(
      loadEnv({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).GRAPHQL_INTROSPECTION,
    ).toBe(true);
  });

  it('runs one process and caches public catalog answers for 10 s, except in tests', () => {
    expect(loadEnv({})).toMatchObject({ API_WORKERS: 1, RESPONSE_CACHE_TTL_SECONDS: 10 });
    expect(loadEnv({ NODE_ENV: 'test' }).RESPONSE_CACHE_TTL_SECONDS).toBe(0);
    expect(
      loadEnv({ NODE_ENV: 'test', API_WORKERS: '2', RESPONSE_CACHE_TTL_SECONDS: '5' }),
    ).toMatchObject({ API_WORKERS: 2, RESPONSE_CACHE_TTL_SECONDS: 5 });
    expect(() => loadEnv({ API_WORKERS: '0' })).toThrow(/API_WORKERS/);
  });

  it('refuses to start with invalid values and names each one', () => {
    expect(() =>
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'not a url', SEED_SCALE: 'huge' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SEED_SCALE/);
  });
});
