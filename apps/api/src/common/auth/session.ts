import type { Permission } from '@bazaar/schema';

/**
 * Who is asking. Empty (anonymous) until the identity module resolves access
 * tokens and API keys into a user and the permissions of their roles.
 */
export interface Session {
  userId: string | null;
  /** Permissions granted platform-wide. */
  permissions: ReadonlySet<Permission>;
}

export const ANONYMOUS: Session = { userId: null, permissions: new Set() };
