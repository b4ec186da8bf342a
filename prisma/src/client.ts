import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client/client.js';

export interface Database {
  prisma: PrismaClient;
  /** The pool behind Prisma, for health checks and pool metrics. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Most connections one process opens. */
  poolSize?: number;
  /** Statements slower than this are cancelled by the server. */
  statementTimeoutMs?: number;
  /** Called with every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Distinct statements named at most; the rest run unnamed (bounds each connection's cache). */
const MAX_NAMED_STATEMENTS = 2_000;

/**
 * One name per SQL text, shared by every connection of the process: each
 * connection then parses and analyses a statement once (a third less
 * PostgreSQL CPU per checkout, docs/performance.md).
 */
function statementNames(): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
      name = `bz${names.size}`;
      names.set(sql, name);
    }
    return name ?? ''; // pg runs '' unnamed
  };
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementNames() });
  const prisma = options.onQuery
    ? new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
    : new PrismaClient({ adapter });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as PrismaClient<'query'>).$on('query', (event) => onQuery(event.query));
  }
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
