// The one place that reads process.env: everything else receives an Env.
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Port of the API, which also serves both SPAs in production. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL server; when unset, embedded PostgreSQL runs under .data/. */
  DATABASE_URL: z.url().optional(),
  /** Most database connections per API process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Schema introspection; on by default outside production. */
  GRAPHQL_INTROSPECTION: flag.optional(),
  /** Serve the built storefront at / and back-office at /admin/. */
  SERVE_SPAS: flag.optional(),
  /** Scale of the demo data seeded into an empty embedded database. */
  SEED_SCALE: z.enum(['small', 'medium', 'large']).default('small'),
  /** Wipe the embedded database on start (end-to-end tests). */
  EMBEDDED_DB_FRESH: flag.default(false),
  /** Embedded PostgreSQL's directory; default .data/postgres. */
  EMBEDDED_DB_DIR: z.string().optional(),
});

export type Env = z.infer<typeof schema> & {
  GRAPHQL_INTROSPECTION: boolean;
  SERVE_SPAS: boolean;
};

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  return {
    ...env,
    GRAPHQL_INTROSPECTION: env.GRAPHQL_INTROSPECTION ?? !production,
    SERVE_SPAS: env.SERVE_SPAS ?? production,
  };
}
