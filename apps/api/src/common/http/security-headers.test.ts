import { describe, expect, it } from 'vitest';
import { startApi } from '../../../test/api.js';
import { loadEnv } from '../../env.js';
import { contentSecurityPolicy } from './security-headers.js';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...values] = directive.split(' ');
      return [name, values];
    }),
  );

describe('security headers', async () => {
  const api = await startApi({ NODE_ENV: 'production', SERVE_SPAS: 'false' });
  const routes = [
    { method: 'POST', url: '/graphql', payload: { query: '{ shop { name } }' } },
    { method: 'GET', url: '/healthz' },
    { method: 'GET', url: '/no/such/page' },
    { method: 'POST', url: '/graphql', payload: { query: '{ nope }' } },
  ] as const;

  it.each(routes)('on $method $url', async (route) => {
    const response = await api.app.inject({
      ...route,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
    });
  });

  it('the back-office gets its own policy, only it with inline styles', async () => {
    const admin = await api.app.inject('/admin/assets/missing.js');
    const shop = await api.app.inject('/assets/missing.js');
    expect(directives(String(admin.headers['content-security-policy']))['style-src']).toEqual([
      "'self'",
      "'unsafe-inline'",
    ]);
    expect(directives(String(shop.headers['content-security-policy']))['style-src']).toEqual([
      "'self'",
    ]);
  });

  it('no Strict-Transport-Security outside production (plain http://localhost)', async () => {
    const dev = await startApi();
    const response = await dev.app.inject('/healthz');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('Content-Security-Policy', () => {
  it('is strict without Stripe or a CDN: everything from the API origin, nothing inline', () => {
    const policy = directives(contentSecurityPolicy(loadEnv({}), 'storefront'));
    expect(policy).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:', 'http://localhost:4000'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-src': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('lets in Stripe.js and the image CDN only when they are configured', () => {
    const env = loadEnv({
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PUBLIC_URL: 'https://cdn.example.com/bazaar/media',
    });
    for (const app of ['storefront', 'backoffice'] as const) {
      const policy = directives(contentSecurityPolicy(env, app));
      expect(policy['script-src']).toEqual(["'self'", 'https://js.stripe.com']);
      expect(policy['frame-src']).toEqual(['https://js.stripe.com', 'https://hooks.stripe.com']);
      expect(policy['connect-src']).toEqual(["'self'", 'https://api.stripe.com']);
      expect(policy['img-src']).toContain('https://cdn.example.com');
      expect(policy['script-src']).not.toContain("'unsafe-inline'");
    }
  });
});
