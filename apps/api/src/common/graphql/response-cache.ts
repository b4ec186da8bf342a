// Whole-response cache for anonymous public catalog reads: the same product
// list, product page, search or category page is asked for by many shoppers,
// and answering it again costs GraphQL execution, a dozen SQL statements and
// JSON serialisation. Only POST queries whose every root field is a public
// catalog read, sent without Authorization and without cookies other than
// those public answers ignore (a guest's cart), are served from or stored in
// the cache, keyed by locale, Accept, operation name, variables and document.
// Only complete 200 answers without errors are stored.
//
// Invalidation: every change to a product, its offers, prices or stock writes
// a `product.changed` event; the search indexer calls notifyCatalogChanged()
// with the products of each batch it has processed, and those of them whose
// listing changed, which drops the answers depending on them in this process
// at once and NOTIFYs every other replica (delivered when the indexer's
// transaction commits). An answer made only of `product(...)` root fields
// depends on the products it shows and is dropped on any change to them; any
// other answer (lists, search, categories, sellers) depends on every product's
// listing (response-cache.products.ts) and is dropped only when a product's
// search document changed (title, status, prices, in-stock flag, categories,
// sellers, facet attributes, offers' terms...) or a product left the index.
// The trade-off, usual in commerce: what lists show beyond the search document,
// offers' availableQuantity and stockStatus (in stock <-> low stock), can be up
// to the TTL old after a sale; cart and checkout re-check stock and price. An
// answer computed while something it depends on changed is not stored, and
// while the listener is not connected nothing is cached. Changes that write no
// event (a category or seller renamed) show up within the TTL.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Prisma } from '@bazaar/db';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import pg from 'pg';
import { localeFromHeader } from '../i18n/locale.js';
import { LIMITS } from './limits.js';
import {
  type CatalogChange,
  ProductCollector,
  type ProductDependency,
  changedProductsOf,
  changedProductsPayload,
  productCollectingPlugin,
  withCollector,
} from './response-cache.products.js';

const CHANNEL = 'bazaar_catalog';
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_DOCUMENTS = 1_000;
/** Recent changes remembered per product, to judge answers computed meanwhile. */
const MAX_TRACKED_CHANGES = 10_000;
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

/** 'product': every root field is `product(...)`; 'catalog': any other public read. */
type Scope = 'product' | 'catalog';

interface Entry {
  body: string;
  headers: [string, string][];
  expires: number;
  products: ProductDependency;
}

interface Pending {
  key: string;
  /** The invalidation count when the answer started. */
  version: number;
  /** Set for 'product' answers. */
  collector: ProductCollector | null;
}

const registry = new WeakMap<object, Set<ResponseCache>>();

/**
 * Call inside the transaction that made catalog changes visible (the search
 * indexer): drops the answers showing these products, and when `listingIds`
 * (those of them whose listing changed; all by default) is not empty the
 * answers depending on every listing, from this process's response caches
 * now and every replica's when the transaction commits. Null drops every
 * answer; too many ids for one NOTIFY empty the replicas' caches.
 */
export async function notifyCatalogChanged(
  database: object,
  tx: Pick<Prisma.TransactionClient, '$executeRaw'>,
  productIds: readonly string[] | null = null,
  listingIds: readonly string[] | null = productIds,
): Promise<void> {
  const change: CatalogChange | null =
    productIds === null
      ? null
      : {
          products: [...new Set([...productIds, ...(listingIds ?? [])])],
          listings: listingIds ?? [],
        };
  if (change?.products.length === 0) return;
  for (const cache of registry.get(database) ?? []) cache.invalidate(change);
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${changedProductsPayload(change)})`;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Keys of the stored answers showing each product. */
  private readonly byProduct = new Map<string, Set<string>>();
  /** Keys of the stored answers depending on every product's listing. */
  private readonly onEveryListing = new Set<string>();
  private readonly cacheable = new Map<string, Scope | null>();
  private readonly pending = new WeakMap<FastifyRequest, Pending>();
  private bytes = 0;
  /** Counts invalidations; the fields below hold the count at the last one of their kind. */
  private version = 0;
  private clearedAt = 0;
  private listingChangedAt = 0;
  private readonly changedAt = new Map<string, number>();
  /** Changes before this count were dropped from changedAt. */
  private changedAtSince = 0;
  private listener: pg.Client | null = null;
  private stopped = false;

  constructor(
    /** The database object passed to notifyCatalogChanged() (db.prisma). */
    private readonly database: object,
    private readonly databaseUrl: string,
    private readonly ttlMs: number,
    private readonly log: FastifyBaseLogger,
    /** Cookies no public catalog answer depends on (a guest's cart). */
    private readonly ignoredCookies: ReadonlySet<string> = new Set(),
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
    client.on('notification', (message) => this.invalidate(changedProductsOf(message.payload)));
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
    this.invalidate(null);
  }

  /** Drops the answers depending on these products or listings; every answer when null. */
  invalidate(change: CatalogChange | null): void {
    const version = ++this.version;
    if (change === null || change.listings.length) this.listingChangedAt = version;
    if (change === null) {
      this.clearedAt = version;
      this.entries.clear();
      this.byProduct.clear();
      this.onEveryListing.clear();
      this.bytes = 0;
      return;
    }
    const productIds = change.products;
    if (this.changedAt.size + productIds.length > MAX_TRACKED_CHANGES) {
      this.changedAt.clear();
      this.changedAtSince = version;
    }
    for (const id of productIds) this.changedAt.set(id, version);
    if (change.listings.length) for (const key of this.onEveryListing) this.forget(key);
    for (const id of productIds) for (const key of this.byProduct.get(id) ?? []) this.forget(key);
  }

  /** Apollo plugin that follows which products a cacheable `product(...)` answer shows. */
  readonly plugin: ApolloServerPlugin<BaseContext> = productCollectingPlugin();

  /** Links the request's GraphQL context to it (call from the context function); returns the context. */
  follow<T extends object>(request: FastifyRequest, context: T): T {
    const collector = this.pending.get(request)?.collector;
    return collector ? withCollector(context, collector) : context;
  }

  /** Adds the hooks to the /graphql route (call before it is declared). */
  register(app: FastifyInstance): void {
    app.addHook('preHandler', async (request, reply) => {
      const read = this.listener ? this.readOf(request) : null;
      if (read === null) return;
      const { key, scope } = read;
      const entry = this.entries.get(key);
      if (entry && entry.expires > Date.now()) {
        for (const [name, value] of entry.headers) void reply.header(name, value);
        return reply.code(200).header('x-cache', 'hit').send(entry.body);
      }
      if (entry) this.forget(key);
      this.pending.set(request, {
        key,
        version: this.version,
        collector: scope === 'product' ? new ProductCollector() : null,
      });
      void reply.header('x-cache', 'miss');
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const pending = this.pending.get(request);
      if (!pending) return payload;
      this.pending.delete(request);
      const products = pending.collector?.dependency() ?? null;
      if (
        this.unchangedSince(pending.version, products) &&
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
        this.store(pending.key, {
          body: payload,
          headers,
          expires: Date.now() + this.ttlMs,
          products,
        });
      }
      return payload;
    });
  }

  /** True when nothing the answer depends on changed since the invalidation count `version`. */
  private unchangedSince(version: number, products: ProductDependency): boolean {
    if (version === this.version) return true;
    if (products === null) return version >= this.listingChangedAt;
    if (version < this.clearedAt || version < this.changedAtSince) return false;
    for (const id of products) if ((this.changedAt.get(id) ?? 0) > version) return false;
    return true;
  }

  /** The cache key and scope of an anonymous public catalog read; null for anything else. */
  private readOf(request: FastifyRequest): { key: string; scope: Scope } | null {
    if (request.method !== 'POST' || request.url !== '/graphql') return null;
    const { headers } = request;
    if (headers.authorization !== undefined) return null;
    if (Object.keys(request.cookies ?? {}).some((name) => !this.ignoredCookies.has(name)))
      return null;
    const body = request.body as Record<string, unknown> | null | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const { query, operationName, variables, extensions } = body;
    if (typeof query !== 'string' || extensions !== undefined) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return null;
    const scope = this.publicReadScope(query, operationName ?? undefined);
    if (scope === null) return null;
    const key = [
      localeFromHeader(headers['accept-language']),
      headers.accept ?? '',
      operationName ?? '',
      JSON.stringify(variables ?? null),
      query,
    ].join('\n');
    return { key, scope };
  }

  private publicReadScope(query: string, operationName: string | undefined): Scope | null {
    const memo = `${operationName ?? ''}\n${query}`;
    const known = this.cacheable.get(memo);
    if (known !== undefined) return known;
    const verdict = publicReadScope(query, operationName);
    if (this.cacheable.size >= MAX_DOCUMENTS) this.cacheable.clear();
    this.cacheable.set(memo, verdict);
    return verdict;
  }

  private store(key: string, entry: Entry): void {
    const size = entry.body.length + key.length;
    if (size > MAX_BYTES / 16) return;
    this.forget(key);
    // Maps iterate in insertion order: drop the oldest until it fits.
    for (const oldKey of this.entries.keys()) {
      if (this.bytes + size <= MAX_BYTES) break;
      this.forget(oldKey);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    if (entry.products === null) this.onEveryListing.add(key);
    else
      for (const id of entry.products) {
        const keys = this.byProduct.get(id) ?? new Set();
        keys.add(key);
        this.byProduct.set(id, keys);
      }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length;
    if (entry.products === null) this.onEveryListing.delete(key);
    else
      for (const id of entry.products) {
        const keys = this.byProduct.get(id);
        keys?.delete(key);
        if (keys?.size === 0) this.byProduct.delete(id);
      }
  }
}

/**
 * The scope of the chosen operation when it is a query whose every root field
 * is a public catalog read; null otherwise.
 */
function publicReadScope(query: string, operationName: string | undefined): Scope | null {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { maxTokens: LIMITS.maxTokens }).definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return null;
  }
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query') return null;
  const fields: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !PUBLIC_ROOT_FIELDS.has(selection.name.value)) return null;
    if (selection.name.value !== '__typename') fields.push(selection.name.value);
  }
  return fields.length > 0 && fields.every((field) => field === 'product') ? 'product' : 'catalog';
}

function isCompleteAnswer(payload: string): boolean {
  try {
    const parsed = JSON.parse(payload) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && typeof parsed.data === 'object' && parsed.data !== null;
  } catch {
    return false;
  }
}
