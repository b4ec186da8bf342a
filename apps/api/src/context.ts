import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Session } from './common/auth/session.js';
import { type Loaders, createLoaders } from './loaders.js';

/** Everything a resolver and a service may use for one request. */
export interface Context {
  requestId: string;
  log: FastifyBaseLogger;
  session: Session;
  db: Database;
  /** Request-scoped: batch and cache only within this request. */
  loaders: Loaders;
}

export function createContext(fields: Omit<Context, 'loaders'>): Context {
  return { ...fields, loaders: createLoaders(fields.db.prisma) };
}
