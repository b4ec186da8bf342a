import { describe, expect, it } from 'vitest';
import { startApi } from '../../../test/api.js';
import { loadEnv } from '../../env.js';

const ALLOWED = 'https://erp.example.com';
const QUERY = { query: '{ shop { name } }' };

describe('CORS on /graphql', async () => {
  const api = await startApi({ CORS_ORIGINS: `${ALLOWED}, https://app.example.com` });
  const preflight = (origin: string) =>
    api.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
  const post = (origin: string) =>
    api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { origin, 'content-type': 'application/json' },
      payload: QUERY,
    });

  it('an allowed origin passes the preflight and may send credentials', async () => {
    const response = await preflight(ALLOWED);
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': expect.stringContaining('POST'),
      'access-control-allow-headers': expect.stringMatching(/authorization.*content-type/),
      vary: expect.stringContaining('Origin'),
    });
    const answer = await post(ALLOWED);
    expect(answer.json()).toEqual({ data: { shop: { name: expect.any(String) } } });
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
  });

  it('another origin is refused at the preflight and its answers carry no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'https://erp.example.com.evil.example', 'null']) {
      const response = await preflight(origin);
      expect(response.statusCode).toBe(403);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const answer = await post(origin);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('by default no other origin is allowed', async () => {
    const sameOriginOnly = await startApi();
    const response = await sameOriginOnly.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('CORS_ORIGINS takes origins only', () => {
    expect(
      loadEnv({ CORS_ORIGINS: ' https://a.example ,http://localhost:3000' }).CORS_ORIGINS,
    ).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(() => loadEnv({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadEnv({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});
