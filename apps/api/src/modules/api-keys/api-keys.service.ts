// API keys for third parties: `bz_<prefix>_<secret>`. The prefix finds the
// row; only a SHA-256 hash of the whole key is stored, and the key is shown
// once. A key carries a subset of its owner's permissions, re-checked on every
// request, so withdrawing a role from the owner also narrows the key.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ApiKey, Database } from '@bazaar/db';
import { notifyAuthzChanged } from '../access/authz.js';
import { hashToken } from '../identity/secrets.js';
import type { ApiKeyCreateInput } from './api-keys.types.js';

const KEY = /^bz_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is written at most this often per key, to keep reads read-only. */
const LAST_USED_PRECISION_MS = 60_000;

type Code =
  'NOT_FOUND' | 'NAME_REQUIRED' | 'PERMISSION_NOT_HELD' | 'SELLER_NOT_FOUND' | 'EXPIRY_IN_PAST';

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('bz_');
}

/** The key row for a presented key, or null; constant-time on the secret. */
export async function findApiKey(db: Database, presented: string) {
  const match = KEY.exec(presented);
  if (!match) return null;
  const key = await db.prisma.apiKey.findUnique({ where: { prefix: match[1]! } });
  if (!key) return null;
  const expected = Buffer.from(key.secretHash, 'hex');
  const actual = Buffer.from(hashToken(presented), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return key;
}

export function listApiKeys(ctx: Context): Promise<ApiKey[]> {
  return ctx.db.prisma.apiKey.findMany({
    where: { userId: ctx.session.userId! },
    orderBy: { createdAt: 'desc' },
  });
}

export async function createApiKey(ctx: Context, input: ApiKeyCreateInput) {
  const errors = new PayloadErrors<Code>();
  const fail = () => ({ apiKey: null, secret: null, errors: errors.list });
  const name = input.name.trim();
  if (!name || name.length > 80)
    errors.add('NAME_REQUIRED', 'Name the key (up to 80 characters).', 'name');
  const sellerId = input.sellerId ?? null;
  if (
    sellerId !== null &&
    !(isUuid(sellerId) && (await ctx.db.prisma.seller.findUnique({ where: { id: sellerId } })))
  )
    errors.add('SELLER_NOT_FOUND', 'This seller does not exist.', 'sellerId');
  const permissions = [...new Set(input.permissions)];
  if (permissions.some((p: Permission) => !can(ctx.session, p, sellerId))) {
    errors.add(
      'PERMISSION_NOT_HELD',
      'A key can only carry permissions you hold (within the chosen seller).',
      'permissions',
    );
  }
  if (input.expiresAt && input.expiresAt <= new Date())
    errors.add('EXPIRY_IN_PAST', 'Choose an expiry date in the future.', 'expiresAt');
  if (errors.any) return fail();
  const prefix = randomBytes(9).toString('base64url');
  const secret = `bz_${prefix}_${randomBytes(32).toString('base64url')}`;
  const apiKey = await ctx.db.prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name,
        prefix,
        secretHash: hashToken(secret),
        userId: ctx.session.userId!,
        sellerId,
        permissions,
        expiresAt: input.expiresAt ?? null,
      },
    });
    await recordAudit(tx, ctx, {
      type: 'API_KEY_CREATED',
      actorId: ctx.session.userId,
      details: { apiKeyId: created.id, name, permissions, sellerId },
    });
    return created;
  });
  return { apiKey, secret, errors: [] };
}

export async function revokeApiKey(ctx: Context, id: string) {
  const key = isUuid(id)
    ? await ctx.db.prisma.apiKey.findFirst({ where: { id, userId: ctx.session.userId! } })
    : null;
  if (!key)
    return {
      apiKey: null,
      errors: [{ code: 'NOT_FOUND' as const, field: null, message: 'This key does not exist.' }],
    };
  const apiKey = await ctx.db.prisma.$transaction(async (tx) => {
    const revoked = await tx.apiKey.update({
      where: { id },
      data: { revokedAt: key.revokedAt ?? new Date() },
    });
    await recordAudit(tx, ctx, {
      type: 'API_KEY_REVOKED',
      actorId: ctx.session.userId,
      details: { apiKeyId: id },
    });
    await notifyAuthzChanged(ctx, tx, key.userId);
    return revoked;
  });
  return { apiKey, errors: [] };
}
