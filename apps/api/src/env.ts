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
  /** API processes sharing the port (node:cluster); 1 runs a single process. */
  API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * How long anonymous public catalog answers are cached, in seconds (0: off).
   * Product changes clear the cache as soon as the search indexer has seen
   * them; the TTL bounds what writes no event. Default 10, off in tests.
   */
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
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
  /**
   * 32 random bytes, base64: encrypts the token-signing keys at rest. Required
   * with DATABASE_URL; the embedded setup keeps one in .data/master.key.
   */
  SIGNING_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional(),
  /** Lifetime of access tokens, in seconds. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  /** Lifetime of a session (refresh-token family) without use, in days. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Where shoppers reach the storefront; links in e-mails start with it. */
  PUBLIC_URL: z.url().default('http://localhost:4000'),
  /** SMTP server for e-mail (smtp://user:pass@host:587); unset: the development mailbox. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Bazaar <no-reply@bazaar.test>'),
  /** Serve /dev/mailbox, listing every e-mail; on by default without SMTP outside production. */
  DEV_MAILBOX: flag.optional(),
  /**
   * Behind a load balancer or ingress, take the client's address from
   * X-Forwarded-For: login limits per IP and the audit log need it.
   */
  TRUST_PROXY: flag.default(false),
  /**
   * Other origins whose pages may call /graphql with credentials, comma-separated
   * (https://erp.example.com,https://app.example.com); unset: same origin only.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (origin) => URL.canParse(origin) && new URL(origin).origin === origin,
            'each entry must be an origin such as https://app.example.com (scheme, host and port only)',
          ),
      ),
    ),
  /** Secure flag on cookies; turn off only for plain-HTTP hosts other than localhost. */
  COOKIE_SECURE: flag.default(true),
  /** Uploaded images on local disk; default .data/media. Unused when S3_BUCKET is set. */
  MEDIA_DIR: z.string().optional(),
  /** Store uploaded images in this S3-compatible bucket instead of on local disk. */
  S3_BUCKET: z.string().min(1).optional(),
  /** S3 API endpoint (MinIO, R2, ...); default https://s3.<S3_REGION>.amazonaws.com. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Public base URL of the bucket (CDN); unset: the API serves media at /media/. */
  S3_PUBLIC_URL: z.url().optional(),
  /** Address objects as <endpoint>/<bucket>/<key> (MinIO) instead of <bucket>.<host>. */
  S3_FORCE_PATH_STYLE: flag.default(false),
  /** Meilisearch server (http://host:7700): searches go there; unset, PostgreSQL full-text search. */
  MEILISEARCH_HOST: z.url().optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  MEILISEARCH_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default('products'),
  /** Run the search indexing job in this process (turn off on replicas that should not). */
  SEARCH_INDEXER: flag.default(true),
  /** How long checkout holds stock for an unpaid order, in minutes. */
  RESERVATION_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** How long a pay-in-store order holds its stock before it is cancelled unpaid, in hours. */
  IN_STORE_PAYMENT_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  /** Stripe secret key (sk_...); unset, card payments and Stripe top-ups are off. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** Stripe publishable key (pk_...), sent to the storefront for Stripe.js. */
  STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  /** Signing secret of the /webhooks/stripe endpoint (whsec_...). */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Another Stripe API base (http://127.0.0.1:12111): the tests' local double. */
  STRIPE_API_URL: z.url().optional(),
});

export type Env = z.infer<typeof schema> & {
  GRAPHQL_INTROSPECTION: boolean;
  SERVE_SPAS: boolean;
  DEV_MAILBOX: boolean;
  RESPONSE_CACHE_TTL_SECONDS: number;
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
  if (env.S3_BUCKET && !(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY))
    throw new Error(
      'Invalid configuration:\n  S3_BUCKET: needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    );
  if (env.STRIPE_SECRET_KEY && !(env.STRIPE_PUBLISHABLE_KEY && env.STRIPE_WEBHOOK_SECRET))
    throw new Error(
      'Invalid configuration:\n  STRIPE_SECRET_KEY: needs STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET',
    );
  const production = env.NODE_ENV === 'production';
  return {
    ...env,
    GRAPHQL_INTROSPECTION: env.GRAPHQL_INTROSPECTION ?? !production,
    SERVE_SPAS: env.SERVE_SPAS ?? production,
    DEV_MAILBOX: env.DEV_MAILBOX ?? (!production && !env.SMTP_URL),
    RESPONSE_CACHE_TTL_SECONDS:
      env.RESPONSE_CACHE_TTL_SECONDS ?? (env.NODE_ENV === 'test' ? 0 : 10),
  };
}
