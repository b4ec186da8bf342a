// GraphiQL (Graphile's Ruru build) for development, served entirely from
// node_modules: the page works offline and loads nothing from a CDN.
import type { FastifyInstance } from 'fastify';
import { ruruHTML } from 'ruru/server';
import { getStaticFile } from 'ruru/static';

const STATIC_PATH = '/graphiql/static/';

export function serveGraphiql(app: FastifyInstance): void {
  const page = ruruHTML({ endpoint: '/graphql', staticPath: STATIC_PATH });
  app.get('/graphiql', (_request, reply) => reply.type('text/html').send(page));
  app.get(`${STATIC_PATH}*`, async (request, reply) => {
    const file = await getStaticFile({
      staticPath: STATIC_PATH,
      urlPath: request.url,
      acceptEncoding: request.headers['accept-encoding'],
    });
    if (!file) return reply.code(404).send({ error: 'Not Found' });
    return reply.headers(file.headers).send(file.content);
  });
}
