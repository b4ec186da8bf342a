import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Session } from './common/auth/session.js';
import type { Locale } from './common/i18n/locale.js';
import type { Env } from './env.js';
import { type Loaders, createLoaders } from './loaders.js';
import type { Authorizer } from './modules/access/authz.js';
import type { KeyRing } from './modules/identity/key-ring.js';

/** The parts of the HTTP exchange services may touch. */
export interface HttpExchange {
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string, maxAgeSeconds: number): void;
  clearCookie(name: string): void;
}

/** Long-lived collaborators shared by every request. */
export interface Services {
  env: Env;
  keyRing: KeyRing;
  authorizer: Authorizer;
}

/** Everything a resolver and a service may use for one request. */
export interface Context {
  requestId: string;
  log: FastifyBaseLogger;
  ip: string;
  userAgent: string | null;
  /** The language localized text is returned in (Accept-Language). */
  locale: Locale;
  http: HttpExchange;
  session: Session;
  /** Why the presented access token or API key was refused, if it was. */
  sessionProblem: Error | null;
  db: Database;
  services: Services;
  /** Request-scoped: batch and cache only within this request. */
  loaders: Loaders;
}

export function createContext(fields: Omit<Context, 'loaders'>): Context {
  return { ...fields, loaders: createLoaders(fields.db.prisma) };
}
