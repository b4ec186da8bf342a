import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Context } from '../../context.js';
import type { Env } from '../../env.js';

/** What payment work needs outside a request too (webhook route, jobs). */
export interface PaymentDeps {
  db: Database;
  env: Env;
  log: FastifyBaseLogger;
}

export const depsOf = (ctx: Context): PaymentDeps => ({
  db: ctx.db,
  env: ctx.services.env,
  log: ctx.log,
});
