// Resolves who is asking into a Session with their current permissions. The
// answer is cached per session or API key, and evicted the moment a role,
// assignment, account or session changes: services call notifyAuthzChanged()
// in the changing transaction, PostgreSQL delivers the NOTIFY at commit to
// every replica, and each drops that user's entries. A short TTL covers a
// lost notification (a dropped listener connection).
import type { Database, Prisma } from '@bazaar/db';
import type { Permission } from '@bazaar/schema';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Session } from '../../common/auth/session.js';
import type { Context } from '../../context.js';

const CHANNEL = 'bazaar_authz';
const TTL_MS = 30_000;
const MAX_ENTRIES = 100_000;

interface Grant {
  seller_id: string | null;
  permissions: string[] | null;
}

interface CacheEntry {
  userId: string;
  session: Session | null;
  loadedAt: number;
}

/**
 * Call inside the transaction that changes a user's access (null: anyone's).
 * This replica forgets at once, so the caller's next request sees the change;
 * the others hear it from PostgreSQL when the transaction commits.
 */
export async function notifyAuthzChanged(
  ctx: Pick<Context, 'services'>,
  tx: Prisma.TransactionClient,
  userId: string | null,
): Promise<void> {
  ctx.services.authorizer.evict(userId ?? '*');
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${userId ?? '*'})`;
}

export function sessionFromGrants(
  identity: Pick<Session, 'userId' | 'sessionId' | 'apiKeyId'>,
  grants: Grant[],
  limitTo?: { permissions: string[]; sellerId: string | null },
): Session {
  const platform = new Set<Permission>();
  const bySeller = new Map<string, Set<Permission>>();
  for (const grant of grants) {
    const target = grant.seller_id
      ? (bySeller.get(grant.seller_id) ??
        bySeller.set(grant.seller_id, new Set()).get(grant.seller_id)!)
      : platform;
    for (const permission of grant.permissions ?? []) target.add(permission as Permission);
  }
  if (!limitTo) return { ...identity, permissions: platform, sellerPermissions: bySeller };
  // An API key carries at most what its owner holds, within its seller if it has one.
  const allowed = new Set(limitTo.permissions);
  const keep = (set: Set<Permission> | undefined) =>
    new Set([...(set ?? [])].filter((p) => allowed.has(p)));
  if (limitTo.sellerId) {
    const within = new Set([...keep(platform), ...keep(bySeller.get(limitTo.sellerId))]);
    return {
      ...identity,
      permissions: new Set(),
      sellerPermissions: new Map([[limitTo.sellerId, within]]),
    };
  }
  return {
    ...identity,
    permissions: keep(platform),
    sellerPermissions: new Map([...bySeller].map(([id, set]) => [id, keep(set)])),
  };
}

export class Authorizer {
  private cache = new Map<string, CacheEntry>();
  private listener: pg.Client | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly databaseUrl: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Listens for changes; while not listening (database down), nothing is cached. Never throws. */
  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    const retry = (error: unknown) => {
      this.log.warn(
        { err: error },
        'authz listener not connected; permissions are read on every request until it is',
      );
      this.cache.clear();
      this.listener = null;
      void client.end().catch(() => {});
      if (!this.stopped) setTimeout(() => void this.start(), 5_000).unref();
    };
    client.on('notification', ({ payload }) => this.evict(payload ?? '*'));
    client.on('error', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
    } catch (error) {
      retry(error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }

  evict(userId: string): void {
    if (userId === '*') return this.cache.clear();
    for (const [key, entry] of this.cache) if (entry.userId === userId) this.cache.delete(key);
  }

  /** The session behind a verified access token; null when it was revoked or the account disabled. */
  async forSession(userId: string, sessionId: string): Promise<Session | null> {
    return this.cached(`s:${sessionId}`, userId, async () => {
      const rows = await this.db.prisma.$queryRaw<(Grant & { status: string; live: boolean })[]>`
        SELECT u.status::text AS status,
               (s.revoked_at IS NULL AND s.expires_at > now()) AS live,
               ra.seller_id::text AS seller_id, r.permissions
        FROM users u
        JOIN sessions s ON s.id = ${sessionId}::uuid AND s.user_id = u.id
        LEFT JOIN role_assignments ra ON ra.user_id = u.id
        LEFT JOIN roles r ON r.id = ra.role_id
        WHERE u.id = ${userId}::uuid`;
      const first = rows[0];
      if (!first || first.status !== 'ACTIVE' || !first.live) return null;
      return sessionFromGrants({ userId, sessionId, apiKeyId: null }, rows);
    });
  }

  /** The session of an API key already matched by its hash; null when revoked, expired or its owner disabled. */
  async forApiKey(apiKeyId: string, userId: string): Promise<Session | null> {
    return this.cached(`k:${apiKeyId}`, userId, async () => {
      const rows = await this.db.prisma.$queryRaw<
        (Grant & {
          status: string;
          live: boolean;
          key_permissions: string[];
          key_seller_id: string | null;
        })[]
      >`
        SELECT u.status::text AS status,
               (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())) AS live,
               k.permissions AS key_permissions, k.seller_id::text AS key_seller_id,
               ra.seller_id::text AS seller_id, r.permissions
        FROM api_keys k
        JOIN users u ON u.id = k.user_id
        LEFT JOIN role_assignments ra ON ra.user_id = u.id
        LEFT JOIN roles r ON r.id = ra.role_id
        WHERE k.id = ${apiKeyId}::uuid`;
      const first = rows[0];
      if (!first || first.status !== 'ACTIVE' || !first.live) return null;
      return sessionFromGrants({ userId, sessionId: null, apiKeyId }, rows, {
        permissions: first.key_permissions ?? [],
        sellerId: first.key_seller_id,
      });
    });
  }

  private async cached(
    key: string,
    userId: string,
    load: () => Promise<Session | null>,
  ): Promise<Session | null> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.loadedAt < TTL_MS && this.listener) return hit.session;
    const session = await load();
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { userId, session, loadedAt: Date.now() });
    return session;
  }
}
