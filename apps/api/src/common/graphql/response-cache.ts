// Whole-response cache for anonymous public catalog reads: the same product
// list, product page, search or category page is asked for by many shoppers,
// and answering it again costs GraphQL execution, a dozen SQL statements and
// JSON serialisation. Only POST queries whose every root field is a public
// catalog read, sent without Authorization and without any cookie, are
// served from or stored in the cache, keyed by locale, Accept, operation
// name, variables and document. Only complete 200 answers without errors are
// stored.
//
// Invalidation: every change to a product, its offers, prices or stock writes
// a `product.changed` event; the search indexer calls notifyCatalogChanged()
// when it has processed some, which empties this process's cache at once and
// NOTIFYs every other replica (delivered when the indexer's transaction
// commits). A response computed while the cache was emptied is not stored (a
// generation number), and while the listener is not connected nothing is
// cached. Changes that write no event (a category or seller renamed) show up
// within the TTL.
import type { Prisma } from '@bazaar/db';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import pg from 'pg';
import { localeFromHeader } from '../i18n/locale.js';
import { LIMITS } from './limits.js';

const CHANNEL = 'bazaar_catalog';
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_DOCUMENTS = 1_000;
/** Root fields whose answer is the same for every anonymous caller. */
const PUBLIC_ROOT_FIELDS = new Set([
  '__typename',
  'products',
  'product',
  'search',
  'searchSuggestions',
  'category',
  'categories',
  'seller',
  'sellers',
]);
/** Headers of the stored answer that are replayed with it. */
const REPLAYED_HEADERS = ['content-type', 'cache-control', 'vary'] as const;

interface Entry {
  body: string;
  headers: [string, string][];
  expires: number;
}

interface Pending {
  key: string;
  generation: number;
}

const registry = new WeakMap<object, Set<ResponseCache>>();

/**
 * Call inside the transaction that made catalog changes visible (the search
 * indexer): empties this process's response caches now and every replica's
 * when the transaction commits.
 */
export async function notifyCatalogChanged(
  database: object,
  tx: Pick<Prisma.TransactionClient, '$executeRaw'>,
): Promise<void> {
  for (const cache of registry.get(database) ?? []) cache.clear();
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, '')`;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly cacheable = new Map<string, boolean>();
  private readonly pending = new WeakMap<FastifyRequest, Pending>();
  private bytes = 0;
  private generation = 0;
  private listener: pg.Client | null = null;
  private stopped = false;

  constructor(
    /** The database object passed to notifyCatalogChanged() (db.prisma). */
    private readonly database: object,
    private readonly databaseUrl: string,
    private readonly ttlMs: number,
    private readonly log: FastifyBaseLogger,
  ) {
    const caches = registry.get(database) ?? new Set();
    caches.add(this);
    registry.set(database, caches);
  }

  /** Listens for catalog changes; while not listening nothing is cached. Never throws. */
  async start(): Promise<void> {
    if (this.stopped || this.ttlMs <= 0) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    const retry = (error: unknown) => {
      this.log.warn({ err: error }, 'response cache listener not connected; caching paused');
      this.listener = null;
      this.clear();
      void client.end().catch(() => {});
      if (!this.stopped) setTimeout(() => void this.start(), 5_000).unref();
    };
    client.on('notification', () => this.clear());
    client.on('error', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.clear();
      this.listener = client;
    } catch (error) {
      retry(error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    registry.get(this.database)?.delete(this);
    const listener = this.listener;
    this.listener = null;
    this.clear();
    await listener?.end().catch(() => {});
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Adds the hooks to the /graphql route (call before it is declared). */
  register(app: FastifyInstance): void {
    app.addHook('preHandler', async (request, reply) => {
      const key = this.listener ? this.keyOf(request) : null;
      if (key === null) return;
      const entry = this.entries.get(key);
      if (entry && entry.expires > Date.now()) {
        for (const [name, value] of entry.headers) void reply.header(name, value);
        return reply.code(200).header('x-cache', 'hit').send(entry.body);
      }
      if (entry) this.forget(key, entry);
      this.pending.set(request, { key, generation: this.generation });
      void reply.header('x-cache', 'miss');
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const pending = this.pending.get(request);
      if (!pending) return payload;
      this.pending.delete(request);
      if (
        pending.generation === this.generation &&
        this.listener &&
        reply.statusCode === 200 &&
        typeof payload === 'string' &&
        !reply.hasHeader('set-cookie') &&
        isCompleteAnswer(payload)
      ) {
        const headers: [string, string][] = [];
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (typeof value === 'string') headers.push([name, value]);
        }
        this.store(pending.key, { body: payload, headers, expires: Date.now() + this.ttlMs });
      }
      return payload;
    });
  }

  /** The cache key of an anonymous public catalog read; null for anything else. */
  private keyOf(request: FastifyRequest): string | null {
    if (request.method !== 'POST' || request.url !== '/graphql') return null;
    const { headers } = request;
    if (headers.authorization !== undefined || headers.cookie !== undefined) return null;
    const body = request.body as Record<string, unknown> | null | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const { query, operationName, variables, extensions } = body;
    if (typeof query !== 'string' || extensions !== undefined) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return null;
    if (!this.isPublicRead(query, operationName ?? undefined)) return null;
    return [
      localeFromHeader(headers['accept-language']),
      headers.accept ?? '',
      operationName ?? '',
      JSON.stringify(variables ?? null),
      query,
    ].join('\n');
  }

  private isPublicRead(query: string, operationName: string | undefined): boolean {
    const memo = `${operationName ?? ''}\n${query}`;
    const known = this.cacheable.get(memo);
    if (known !== undefined) return known;
    const verdict = publicReadOnly(query, operationName);
    if (this.cacheable.size >= MAX_DOCUMENTS) this.cacheable.clear();
    this.cacheable.set(memo, verdict);
    return verdict;
  }

  private store(key: string, entry: Entry): void {
    const size = entry.body.length + key.length;
    if (size > MAX_BYTES / 16) return;
    const previous = this.entries.get(key);
    if (previous) this.forget(key, previous);
    // Maps iterate in insertion order: drop the oldest until it fits.
    for (const [oldKey, old] of this.entries) {
      if (this.bytes + size <= MAX_BYTES) break;
      this.forget(oldKey, old);
    }
    this.entries.set(key, entry);
    this.bytes += size;
  }

  private forget(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length;
  }
}

/** True when the chosen operation is a query and every root field is a public catalog read. */
function publicReadOnly(query: string, operationName: string | undefined): boolean {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { maxTokens: LIMITS.maxTokens }).definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return false;
  }
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(selection.name.value),
  );
}

function isCompleteAnswer(payload: string): boolean {
  try {
    const parsed = JSON.parse(payload) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && typeof parsed.data === 'object' && parsed.data !== null;
  } catch {
    return false;
  }
}
