import type { Permission } from '@bazaar/schema';

/**
 * Who is asking and what they may do, resolved once per request from an
 * access token or an API key. Permissions are loaded per request (through a
 * cache invalidated on change), never read from the token.
 */
export interface Session {
  userId: string | null;
  /** The refresh-token family an access token belongs to. */
  sessionId: string | null;
  apiKeyId: string | null;
  /** Permissions held platform-wide. */
  permissions: ReadonlySet<Permission>;
  /** Permissions held within each seller, by seller id. */
  sellerPermissions: ReadonlyMap<string, ReadonlySet<Permission>>;
}

export const ANONYMOUS: Session = {
  userId: null,
  sessionId: null,
  apiKeyId: null,
  permissions: new Set(),
  sellerPermissions: new Map(),
};

/** Platform-wide, or within `sellerId` when given. */
export function can(session: Session, permission: Permission, sellerId?: string | null): boolean {
  if (session.permissions.has(permission)) return true;
  return sellerId ? (session.sellerPermissions.get(sellerId)?.has(permission) ?? false) : false;
}

/** Held platform-wide or within at least one seller. */
export function canAnywhere(session: Session, permission: Permission): boolean {
  if (session.permissions.has(permission)) return true;
  for (const permissions of session.sellerPermissions.values())
    if (permissions.has(permission)) return true;
  return false;
}
