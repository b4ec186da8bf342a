import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { Database } from '@bazaar/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { ANONYMOUS } from './common/auth/session.js';
import { createErrorFormatter } from './common/errors/format-error.js';
import { LIMITS, limitRules } from './common/graphql/limits.js';
import { serveGraphiql } from './common/http/graphiql.js';
import { serveSpas } from './common/http/spa.js';
import { OneLinePerRequest, loggerOptions } from './common/observability/logger.js';
import { createMetrics } from './common/observability/metrics.js';
import { type Context, createContext } from './context.js';
import type { Env } from './env.js';
import { createReadinessCheck } from './modules/status/status.service.js';
import { buildApiSchema } from './schema.js';

export interface ServerOptions {
  env: Env;
  db: Database;
  databaseUrl: string;
}

export async function createServer({
  env,
  db,
  databaseUrl,
}: ServerOptions): Promise<FastifyInstance> {
  const production = env.NODE_ENV === 'production';
  const app = Fastify({
    logger: loggerOptions(env),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logController: new OneLinePerRequest(),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const metrics = createMetrics(db.pool);
  metrics.instrument(app);

  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    introspection: env.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    validationRules: limitRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError: createErrorFormatter(app.log, production),
    logger: app.log,
    plugins: [
      fastifyApolloDrainPlugin(app),
      metrics.graphqlPlugin,
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, {
      context: async (request) =>
        createContext({ requestId: request.id, log: request.log, session: ANONYMOUS, db }),
    }),
  });

  const readiness = createReadinessCheck(db, databaseUrl);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const state = await readiness();
    return reply.code(state.ready ? 200 : 503).send(state);
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  if (!production) serveGraphiql(app);
  if (env.SERVE_SPAS) await serveSpas(app);
  return app;
}
