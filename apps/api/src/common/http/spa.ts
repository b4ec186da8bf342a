// Production: the API serves the storefront at / and the back-office at
// /admin/ from their builds, so both share one origin with /graphql.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const APPS = [
  { prefix: '/admin/', root: new URL('../../../../backoffice/dist', import.meta.url).pathname },
  { prefix: '/', root: new URL('../../../../storefront/dist', import.meta.url).pathname },
];

/** Hashed assets never change; index.html must be revalidated on every load. */
function setCacheHeaders(reply: FastifyReply, path: string): void {
  reply.header(
    'cache-control',
    path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

export async function serveSpas(app: FastifyInstance): Promise<void> {
  const missing = APPS.filter((spa) => !existsSync(`${spa.root}/index.html`));
  if (missing.length) {
    throw new Error(
      `SPA builds missing: ${missing.map((spa) => spa.root).join(', ')}. Run pnpm build first.`,
    );
  }
  for (const [index, spa] of APPS.entries()) {
    await app.register(fastifyStatic, {
      root: spa.root,
      prefix: spa.prefix,
      decorateReply: index === 0,
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      setHeaders: setCacheHeaders,
    });
  }
  app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  // Client-side routes: any other page a browser asks for gets its SPA's index.html.
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.code(404).send({ error: 'Not Found' });
    const spa = APPS.find((candidate) => request.url.startsWith(candidate.prefix))!;
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', spa.root);
  });
}
