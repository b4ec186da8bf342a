import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { Database } from '@bazaar/db';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { resolveSession } from './common/auth/resolve-session.js';
import { cookieJar } from './common/http/cookies.js';
import { registerCors } from './common/http/cors.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { createTransport, startMailDelivery } from './common/mail/mail-delivery.js';
import { serveMailbox } from './common/mail/mailbox.js';
import { Authorizer } from './modules/access/authz.js';
import { KeyRing } from './modules/identity/key-ring.js';
import { registerMediaRoutes } from './modules/media/media.routes.js';
import { createErrorFormatter } from './common/errors/format-error.js';
import { LIMITS } from './common/graphql/limits.js';
import { apiValidationRules } from './common/graphql/validation-rules.js';
import { ResponseCache } from './common/graphql/response-cache.js';
import { serveGraphiql } from './common/http/graphiql.js';
import { serveSpas } from './common/http/spa.js';
import { OneLinePerRequest, loggerOptions } from './common/observability/logger.js';
import { createMetrics } from './common/observability/metrics.js';
import { type Context, type Services, createContext } from './context.js';
import { localeFromHeader } from './common/i18n/locale.js';
import type { Env } from './env.js';
import { CART_COOKIE } from './modules/cart/cart.service.js';
import { startBestSellersJob } from './modules/catalog/best-sellers.job.js';
import { startPriceScheduleJob } from './modules/offers/price-schedule.job.js';
import { startReservationExpiryJob } from './modules/inventory/reservation-expiry.job.js';
import { startGuestCartExpiryJob } from './modules/cart/guest-cart-expiry.job.js';
import { startUnpaidOrderExpiryJob } from './modules/orders/unpaid-expiry.job.js';
import { searchEngines } from './modules/search/search.registry.js';
import { startSearchIndexer } from './modules/search/search.indexer.js';
import { createImportWorker } from './modules/imports/import.job.js';
import { registerImportRoutes } from './modules/imports/imports.routes.js';
import { startPaymentReconciliationJob } from './modules/payments/reconciliation.job.js';
import { registerStripeWebhook } from './modules/payments/stripe-webhook.js';
import { createReadinessCheck } from './modules/status/status.service.js';
import { buildApiSchema } from './schema.js';

export interface ServerOptions {
  env: Env;
  db: Database;
  databaseUrl: string;
  /** Encrypts signing keys at rest (32 bytes). */
  masterKey: Buffer;
  /** Deliver queued e-mail from this process (tests run the job themselves). */
  deliverMail?: boolean;
  /** Run queued CSV imports in this process (default: as deliverMail; tests run the job themselves). */
  runImports?: boolean;
  /** Apply price schedules from this process (default: as deliverMail; tests run the job themselves). */
  applyPriceSchedules?: boolean;
  /** Release expired stock reservations and delete expired guest carts from this process (default: as deliverMail; tests run the jobs themselves). */
  expireReservations?: boolean;
  /** Run the search indexer from this process (default: as deliverMail; tests run it themselves). */
  indexSearch?: boolean;
  /** Reconcile Stripe payments and refunds from this process (default: as deliverMail; tests run the job themselves). */
  reconcilePayments?: boolean;
  /** Cancel orders unpaid past their deadline from this process (default: as deliverMail; tests run the job themselves). */
  expireUnpaidOrders?: boolean;
  /** Recount products' recent sales from this process (default: as deliverMail; tests run the job themselves). */
  countSales?: boolean;
}

export async function createServer({
  env,
  db,
  databaseUrl,
  masterKey,
  deliverMail = true,
  runImports = deliverMail,
  applyPriceSchedules = deliverMail,
  expireReservations = deliverMail,
  indexSearch = deliverMail,
  reconcilePayments = deliverMail,
  expireUnpaidOrders = deliverMail,
  countSales = deliverMail,
}: ServerOptions): Promise<FastifyInstance> {
  const production = env.NODE_ENV === 'production';
  const app = Fastify({
    logger: loggerOptions(env),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: env.TRUST_PROXY,
    logController: new OneLinePerRequest(),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, env);
  registerCors(app, env.CORS_ORIGINS);

  const metrics = createMetrics(db.pool);
  metrics.instrument(app);
  await app.register(fastifyCookie);

  const authorizer = new Authorizer(db, databaseUrl, app.log);
  await authorizer.start();
  const services: Services = {
    env,
    keyRing: new KeyRing(db.prisma, masterKey, env.ACCESS_TOKEN_TTL_SECONDS),
    authorizer,
  };
  const stopMail = deliverMail
    ? startMailDelivery(db, createTransport(env.SMTP_URL, env.MAIL_FROM), app.log)
    : () => {};
  const imports = createImportWorker(db, app.log, env.PUBLIC_URL);
  if (runImports) app.addHook('onReady', async () => imports.start());
  app.addHook('onClose', () => imports.stop());
  // Recurring jobs start once the server is ready (after main.ts has migrated the database).
  const jobs: [enabled: boolean, start: () => () => Promise<void>][] = [
    [applyPriceSchedules, () => startPriceScheduleJob(db, app.log)],
    [expireReservations, () => startReservationExpiryJob(db, app.log)],
    [expireReservations, () => startGuestCartExpiryJob(db, app.log)],
    [expireUnpaidOrders, () => startUnpaidOrderExpiryJob(db, app.log)],
    [reconcilePayments, () => startPaymentReconciliationJob(db, env, app.log)],
    [countSales, () => startBestSellersJob(db, app.log)],
  ];
  const stopJobs: (() => Promise<void>)[] = [];
  app.addHook('onReady', async () => {
    for (const [enabled, start] of jobs) if (enabled) stopJobs.push(start());
  });
  // Search: index settings and the indexer start once the database is migrated.
  const search = searchEngines(env, db);
  let stopSearchIndexer: () => Promise<void> = async () => {};
  app.addHook('onReady', async () => {
    Promise.all(search.writers.map((engine) => engine.start())).catch((err: unknown) =>
      app.log.error({ err }, 'search engine setup failed; retried on first use'),
    );
    if (indexSearch && env.SEARCH_INDEXER)
      stopSearchIndexer = startSearchIndexer(db, search.writers, app.log);
  });
  app.addHook('onClose', async () => {
    stopMail();
    await stopSearchIndexer();
    await Promise.all(stopJobs.map((stop) => stop()));
    await authorizer.stop();
  });

  const responseCache = new ResponseCache(
    db.prisma,
    databaseUrl,
    env.RESPONSE_CACHE_TTL_SECONDS * 1_000,
    app.log,
    new Set([CART_COOKIE]),
  );
  await responseCache.start();
  app.addHook('onClose', () => responseCache.stop());
  responseCache.register(app);

  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    introspection: env.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    validationRules: apiValidationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError: createErrorFormatter(app.log, production),
    logger: app.log,
    plugins: [
      fastifyApolloDrainPlugin(app),
      metrics.graphqlPlugin,
      ApolloServerPluginLandingPageDisabled(),
      responseCache.plugin,
    ],
  });
  await apollo.start();
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply) => {
        const { session, sessionProblem } = await resolveSession(
          request.headers.authorization,
          services,
          db,
        );
        return responseCache.follow(
          request,
          createContext({
            requestId: request.id,
            log: request.log,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            locale: localeFromHeader(request.headers['accept-language']),
            http: cookieJar(request, reply, env.COOKIE_SECURE),
            session,
            sessionProblem,
            db,
            services,
          }),
        );
      },
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

  app.get('/.well-known/jwks.json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await services.keyRing.jwks()),
  );
  await registerMediaRoutes(app, { db, services });
  await registerImportRoutes(app, { db, services, wake: imports.wake });
  await registerStripeWebhook(app, { db, env, log: app.log });
  if (env.DEV_MAILBOX) serveMailbox(app, db);
  if (!production) serveGraphiql(app);
  if (env.SERVE_SPAS) await serveSpas(app);
  return app;
}
