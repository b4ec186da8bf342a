// Security headers on every response, and the Content-Security-Policy both
// SPAs run under when the API serves them (docs: README, "Security headers").
import type { FastifyInstance } from 'fastify';
import type { Env } from '../../env.js';

const STRIPE_JS = 'https://js.stripe.com';
const STRIPE_HOOKS = 'https://hooks.stripe.com';
const STRIPE_API = 'https://api.stripe.com';

/** Development tools with inline markup of their own; never served in production. */
const DEV_TOOLS = /^\/(graphiql|dev\/)/;

const originOf = (url: string | undefined) => (url ? new URL(url).origin : null);

/**
 * The storefront needs nothing inline. The back-office's Mantine writes its
 * theme variables and responsive style props into <style> elements at run
 * time, with content no build-time hash can know, so only the back-office
 * allows inline styles (never inline scripts).
 */
export function contentSecurityPolicy(env: Env, app: 'storefront' | 'backoffice'): string {
  const stripe = Boolean(env.STRIPE_PUBLISHABLE_KEY);
  const images = new Set(["'self'", 'data:', 'blob:']);
  for (const origin of [originOf(env.PUBLIC_URL), originOf(env.S3_PUBLIC_URL)])
    if (origin) images.add(origin);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(stripe ? [STRIPE_JS] : [])]],
    ['style-src', ["'self'", ...(app === 'backoffice' ? ["'unsafe-inline'"] : [])]],
    ['img-src', [...images]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(stripe ? [STRIPE_API] : [])]],
    ['frame-src', stripe ? [STRIPE_JS, STRIPE_HOOKS] : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

export function securityHeaders(env: Env): (path: string) => Record<string, string> {
  const common: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
    ...(env.NODE_ENV === 'production'
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
  const policies = {
    storefront: contentSecurityPolicy(env, 'storefront'),
    backoffice: contentSecurityPolicy(env, 'backoffice'),
  };
  return (path) => {
    if (DEV_TOOLS.test(path)) return common;
    const app = path === '/admin' || path.startsWith('/admin/') ? 'backoffice' : 'storefront';
    return { ...common, 'content-security-policy': policies[app] };
  };
}

export function registerSecurityHeaders(app: FastifyInstance, env: Env): void {
  const headersFor = securityHeaders(env);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headersFor(request.url.split('?')[0]!));
  });
}
