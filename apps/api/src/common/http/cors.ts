// Cross-origin access to /graphql: only the origins in CORS_ORIGINS (default
// none, so only the API's own origin, where it serves both SPAs). An allowed
// origin may send credentials (the refresh cookie); any other gets no CORS
// headers, so the browser keeps the answer from its script, and its preflight
// is refused, so the browser never sends the request itself.
import type { FastifyInstance } from 'fastify';

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-api-key',
  'x-request-id',
].join(', ');

export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== '/graphql') return;
    const origin = request.headers.origin;
    if (!origin) return;
    reply.header('vary', 'Origin');
    const preflight =
      request.method === 'OPTIONS' && Boolean(request.headers['access-control-request-method']);
    if (!allowed.has(origin)) {
      if (preflight) return reply.code(403).send({ error: 'Origin not allowed' });
      return;
    }
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-allow-credentials', 'true');
    if (!preflight) return;
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  });
}
